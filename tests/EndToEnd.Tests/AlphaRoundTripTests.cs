using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Batch renders of RGBA sequences through the reference host (issue 16): OpenImageIO already
/// premultiplies a PNG on read and un-premultiplies it on write, and the host used to do it a
/// second time, so a semi-transparent PNG through Grain at amount 0 changed by up to 8 levels.
/// Now a render that changes nothing gives back the file's pixels.
/// </summary>
public sealed class AlphaRoundTripTests
{
    [Fact]
    public void ASemiTransparentPngThroughGrainAtAmountZeroComesBackUnchanged()
    {
        var dir = ReferenceHost.OutputFolder(nameof(ASemiTransparentPngThroughGrainAtAmountZeroComesBackUnchanged));
        string input = Path.Combine(dir, "rgba.png"), output = Path.Combine(dir, "out.png");
        using (var photo = ImageFiles.Load(TestImages.Photo("chelsea"), 4, 64))
        {
            // Alpha from opaque to nearly transparent across the picture, colour left straight.
            for (int y = 0; y < photo.Height; y++)
                for (int x = 0; x < photo.Width; x++)
                    photo.At(x, y, 3) = MathF.Max(30f / 255f, 1f - x / (float)photo.Width);
            ImageFiles.Save(photo, input);
        }
        var run = ReferenceHost.Run("render", "--node", "io.enhance.Grain", "--param", "io.enhance.Grain.amount=0",
            "--input", input, "--output", output, "--output-format", "uint8");
        Assert.True(run.ExitCode == 0, run.Log);
        using var before = ImageFiles.Load(input, 4);
        using var after = ImageFiles.Load(output, 4);
        double worst = QualityMetrics.MaxAbsoluteDifference(after, before);
        // An 8-bit file of a 16-bit one: rounding, half a level, and nothing more.
        Assert.True(worst <= 0.51 / 255, $"the PNG changed by up to {worst * 255:F2} levels (8-bit)");
    }
}
