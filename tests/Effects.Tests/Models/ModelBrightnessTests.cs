using Enhance.Effects.Imaging;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// A super-resolution model may add detail but must not move the picture's level: on a flat field
/// the output must be that field, and on a smooth gradient it must be the classical enlargement.
/// The idealo RDN that used to be the default brightened every frame by 2–3 levels (8-bit) at ×2
/// and 3–6 at ×4, strongest in green (its uint8-quantised weights put the network's gain at
/// flat colour about 1 % above one); realesr-animevideov3's own weights lift too. Each bundled model
/// is checked here, so a model that shifts the level cannot ship.
/// </summary>
public sealed class ModelBrightnessTests(ITestOutputHelper output)
{
    private const int Side = 48;
    // Half an 8-bit level: invisible, and ten times smaller than the lift this test was written for.
    private const double Tolerance = 0.5 / 255;

    public static TheoryData<string> Models() => [.. BundledModels.All.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Models))]
    public void FlatFieldsKeepTheirLevel(string model)
    {
        var entry = BundledModels.Get(model);
        using var upscaler = new OnnxUpscaler(BundledModels.PathOf(model), entry.Scale);
        foreach (float level in new[] { 0.1f, 0.25f, 0.5f, 0.75f, 0.94f })
        {
            using var flat = Field(entry.Scale, (_, _, _) => level);
            using var result = upscaler.Run(flat, clamp: false);
            for (int c = 0; c < 3; c++)
            {
                double shift = InteriorMean(result, c, entry.Scale) - level;
                output.WriteLine($"{model} flat {level * 255:F0} channel {c}: {shift * 255:+0.00;-0.00} levels");
                Assert.True(Math.Abs(shift) <= Tolerance,
                    $"{model} moves flat {level * 255:F0}/255 by {shift * 255:+0.00;-0.00} levels in channel {"RGB"[c]}.");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void GradientsKeepTheirLevel(string model)
    {
        var entry = BundledModels.Get(model);
        using var upscaler = new OnnxUpscaler(BundledModels.PathOf(model), entry.Scale);
        // A diagonal ramp across most of the range, different per channel (a colour gradient).
        using var ramp = Field(entry.Scale, (x, y, c) => 0.15f + 0.7f * (x + y) / (2f * Side) * (1f - 0.2f * c));
        using var result = upscaler.Run(ramp, clamp: false);
        using var classical = ReferenceResampling.Lanczos3Enlarge(ramp, entry.Scale);
        for (int c = 0; c < 3; c++)
        {
            double shift = InteriorMean(result, c, entry.Scale) - InteriorMean(classical, c, entry.Scale);
            output.WriteLine($"{model} gradient channel {c}: {shift * 255:+0.00;-0.00} levels");
            Assert.True(Math.Abs(shift) <= Tolerance,
                $"{model} moves a smooth gradient by {shift * 255:+0.00;-0.00} levels in channel {"RGB"[c]}.");
        }
    }

    private static FloatImage Field(int scale, Func<int, int, int, float> value)
    {
        var image = new FloatImage(PixelRect.FromSize(Side, Side), 3);
        for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
                for (int c = 0; c < 3; c++) image.At(x, y, c) = value(x, y, c);
        return image;
    }

    // The edges are left out: how a model pads its input is its own business.
    private static double InteriorMean(FloatImage image, int channel, int scale)
    {
        int border = 8 * scale;
        double sum = 0;
        int n = 0;
        for (int y = border; y < image.Height - border; y++)
            for (int x = border; x < image.Width - border; x++) { sum += image.At(x, y, channel); n++; }
        return sum / n;
    }
}
