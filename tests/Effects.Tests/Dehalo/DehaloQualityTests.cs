using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Dehalo;

/// <summary>
/// The quality bar on real photographs with halos made as they happen (HaloScenario: ×½ downscale,
/// Lanczos ×2 upscale, unsharp mask σ 1.5, amount 1), at default settings, on all 14 test photos:
/// halo energy −70 %, edge contrast ≥ 95 % and a PSNR gain hold on every photo and are asserted on every photo.
/// The fourth part, a halo-free picture changed by at most 45 dB of PSNR, holds on 13 of the 14 with
/// <see cref="FineTextureProtection"/> on (the default). Brick reaches 42.1 dB: its 2×2-averaged photo still
/// carries sharpening halos of its own (beside the light mortar lines, dark rings of 80 and 71 on plateaus of 100 and 98, in 8-bit levels, in two rows looked at), which the
/// node removes as it should. It is asserted at 45 dB on the 13 and, so that it cannot silently get worse, at
/// 41.5 dB on brick.
/// `enhance-eval dehalo` prints every figure.
/// </summary>
public class DehaloQualityTests(ITestOutputHelper log)
{
    /// <summary>Photos whose halo-free version the node leaves at ≥ 45 dB.</summary>
    private static readonly HashSet<string> HaloFreeBarPhotos =
    [
        "Garden", "GreenMeadow", "LadyBird", "Storm", "Wood", "YellowFlower", "astronaut", "chelsea", "coffee", "grass",
        "gravel", "motorcycle_left", "rocket",
    ];

    public static TheoryData<string> AllPhotos
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in TestImages.Photos) data.Add(Path.GetFileNameWithoutExtension(path));
            return data;
        }
    }

    private static FloatImage Render(FloatImage input, DehaloSettings? settings = null)
    {
        var output = new FloatImage(input.Bounds, input.Channels);
        DehaloProcessor.Process(input, input.Bounds, output, settings ?? new DehaloSettings());
        return output;
    }

    [Fact]
    public void Every_test_photo_is_measured()
    {
        Assert.Equal(14, TestImages.Photos.Count);
        Assert.Subset(TestImages.Photos.Select(p => Path.GetFileNameWithoutExtension(p)!).ToHashSet(), HaloFreeBarPhotos);
    }

    [Theory]
    [MemberData(nameof(AllPhotos))]
    public void Meets_the_quality_bar(string photo)
    {
        using var scenario = HaloScenario.FromPhoto(TestImages.Photo(photo));
        var edges = HaloMetrics.FindEdges(scenario.Clean);
        using var result = Render(scenario.Haloed);
        using var haloFreeOut = Render(scenario.HaloFree);

        double reduction = HaloMetrics.HaloReduction(edges, scenario.Haloed, result);
        double contrast = HaloMetrics.EdgeContrastKept(edges, scenario.Haloed, result);
        double psnrIn = QualityMetrics.Psnr(scenario.Haloed, scenario.Clean), psnrOut = QualityMetrics.Psnr(result, scenario.Clean);
        double haloFree = QualityMetrics.Psnr(haloFreeOut, scenario.HaloFree);
        log.WriteLine($"{photo}: halo energy −{reduction:P1}, edge contrast {contrast:P1}, PSNR {psnrIn:F2} → {psnrOut:F2} dB, halo-free {haloFree:F2} dB");

        Assert.True(edges.Edges.Length > 400, "the photo has strong edges to measure");
        Assert.True(reduction >= 0.70, $"halo energy reduced by {reduction:P1}");
        Assert.True(contrast >= 0.95, $"edge contrast kept {contrast:P1}");
        Assert.True(psnrOut > psnrIn + 0.5, $"PSNR {psnrIn:F2} → {psnrOut:F2}");
        double floor = HaloFreeBarPhotos.Contains(photo) ? 45 : 41.5;
        Assert.True(haloFree >= floor, $"halo-free picture changed: {haloFree:F2} dB (bar {floor} dB)");
    }

    /// <summary>
    /// Over-sharpened native pictures (the sharpener on the photo itself, no upscale) are the node's other
    /// use. Their halos are harder to tell from the photo's own texture, so less is removed than on upscales
    /// (3–82 % per photo, 26 % on average with texture protection on, 31 % with it off), but the node must
    /// still help on every photo and keep a quarter of the halo energy off on average. Why this guard exists: a
    /// texture detector that lifts the halo-free figures by recognising natively sharp pictures also switches
    /// the node off here (measured: 14 % and 22 % on average for two such gates, with single photos down to
    /// 0–2 %). Turning texture protection off must give such footage more halo removal.
    /// </summary>
    [Fact]
    public void Still_removes_halos_of_pictures_over_sharpened_at_native_resolution()
    {
        double sumReduction = 0, sumUnprotected = 0;
        var unprotected = new DehaloSettings { TextureProtection = 0 };
        foreach (var path in TestImages.Photos)
        {
            using var scenario = HaloScenario.FromPhotoSharpenedNatively(path);
            var edges = HaloMetrics.FindEdges(scenario.Clean);
            using var result = Render(scenario.Haloed);
            using var resultUnprotected = Render(scenario.Haloed, unprotected);
            double reduction = HaloMetrics.HaloReduction(edges, scenario.Haloed, result);
            double reductionUnprotected = HaloMetrics.HaloReduction(edges, scenario.Haloed, resultUnprotected);
            double psnrIn = QualityMetrics.Psnr(scenario.Haloed, scenario.Clean), psnrOut = QualityMetrics.Psnr(result, scenario.Clean);
            log.WriteLine($"{scenario.Name}: halo energy −{reduction:P1} (−{reductionUnprotected:P1} unprotected), PSNR {psnrIn:F2} → {psnrOut:F2} dB");
            Assert.True(psnrOut > psnrIn + 0.05, $"{scenario.Name}: PSNR {psnrIn:F2} → {psnrOut:F2}");
            Assert.True(reduction > 0.03, $"{scenario.Name}: halo energy reduced by {reduction:P1}");
            Assert.True(reductionUnprotected >= reduction, $"{scenario.Name}: unprotected {reductionUnprotected:P1} < protected {reduction:P1}");
            sumReduction += reduction;
            sumUnprotected += reductionUnprotected;
        }
        double mean = sumReduction / TestImages.Photos.Count, meanUnprotected = sumUnprotected / TestImages.Photos.Count;
        Assert.True(mean >= 0.25, $"mean halo energy reduction {mean:P1}");
        Assert.True(meanUnprotected >= mean + 0.03, $"mean halo energy reduction without texture protection {meanUnprotected:P1}, with {mean:P1}");
    }
}
