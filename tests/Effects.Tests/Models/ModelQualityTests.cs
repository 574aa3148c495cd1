using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// What the anime models are worth on real pictures: each anime frame (or photograph) is reduced
/// by the scale factor and enlarged back, by the model and by Lanczos-3, and both are scored by
/// PSNR against the original. The anime models are GAN-trained (they invent texture), so the test
/// only guards against a broken import and prints the figures for the README. The live-action
/// models have their own bar: <see cref="UpscaleQualityBarTests"/>.
/// </summary>
public sealed class ModelQualityTests(ITestOutputHelper output)
{
    // Divisible by 2, 3 and 4; small enough that the slow RRDB model takes seconds.
    private const int CropSize = 192;

    private static IReadOnlyList<string> AnimeFrames =>
    [
        TestImages.AnimeFrame("concert1"), TestImages.AnimeFrame("concert2"), TestImages.AnimeFrame("concert3"),
        TestImages.AnimeFrame("bg_cave"), TestImages.AnimeFrame("bg_washington"), TestImages.AnimeFrame("bg_whitehouse"),
    ];

    [Theory]
    [InlineData("realesr-animevideov3-x2")]
    [InlineData("realesr-animevideov3-x4")]
    [InlineData("realesrgan-x4plus-anime")]
    public void AnimeModelsGiveSanePictures(string model)
    {
        Assert.Equal("anime", BundledModels.Get(model).Kind);
        var (animeDb, animeLanczos, _) = Score(model, AnimeFrames);
        var (photoDb, photoLanczos, _) = Score(model, [.. TestImages.Photos.Where((_, i) => i % 2 == 0)]);
        output.WriteLine($"{model}: anime frames {animeDb:F2} dB (Lanczos {animeLanczos:F2}), photographs {photoDb:F2} dB (Lanczos {photoLanczos:F2})");
        // A layout, channel-order or range mistake in the import lands far below this; a working
        // GAN model stays within a few dB of Lanczos.
        Assert.True(animeDb > animeLanczos - 4 && photoDb > photoLanczos - 9, $"{model} output looks broken.");
    }

    [Fact]
    public void DefaultKindIsTheNaturalModel() => Assert.Equal("natural", BundledModels.DefaultKind);

    private (double ModelDb, double LanczosDb, int Wins) Score(string model, IReadOnlyList<string> pictures)
    {
        var entry = BundledModels.Get(model);
        using var upscaler = new OnnxUpscaler(BundledModels.PathOf(model), entry.Scale);
        double modelSum = 0, lanczosSum = 0;
        int wins = 0;
        foreach (var picture in pictures)
        {
            using var original = CentreCrop(picture, CropSize);
            using var small = ReferenceResampling.Reduce(original, entry.Scale);
            using var byModel = upscaler.Run(small);
            using var byLanczos = ReferenceResampling.Lanczos3Enlarge(small, entry.Scale);
            // A border as wide as the Lanczos support is left out: both methods guess there.
            int border = 3 * entry.Scale;
            double m = QualityMetrics.Psnr(byModel, original, border), l = QualityMetrics.Psnr(byLanczos, original, border);
            output.WriteLine($"{model} {Path.GetFileName(picture)}: model {m:F2} dB, Lanczos {l:F2} dB");
            modelSum += m; lanczosSum += l;
            if (m > l) wins++;
        }
        double modelDb = modelSum / pictures.Count, lanczosDb = lanczosSum / pictures.Count;
        output.WriteLine($"{model} mean over {pictures.Count}: model {modelDb:F2} dB, Lanczos {lanczosDb:F2} dB, gain {modelDb - lanczosDb:+0.00;-0.00} dB");
        return (modelDb, lanczosDb, wins);
    }

    private static FloatImage CentreCrop(string path, int size)
    {
        // Large wallpapers are first brought to 512 px so a crop holds a scene's worth of detail
        // rather than a patch of out-of-focus background.
        using var full = ImageFiles.Load(path, channels: 3, maxSide: 512);
        if (full.Width < size || full.Height < size) throw new InvalidOperationException($"{path} is smaller than {size}x{size}.");
        int x0 = (full.Width - size) / 2, y0 = (full.Height - size) / 2;
        var crop = new FloatImage(PixelRect.FromSize(size, size), 3);
        for (int y = 0; y < size; y++) full.Row(y0 + y, x0, x0 + size).CopyTo(crop.Row(y));
        return crop;
    }
}
