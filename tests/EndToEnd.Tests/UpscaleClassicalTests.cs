using System.Text.Json;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// The foundation end to end: the reference host loads the installed bundle (native shim → .NET →
/// our nodes) and renders Upscale's classical path on a real photograph.
/// </summary>
public sealed class UpscaleClassicalTests
{
    private const string Node = "io.enhance.Upscale";
    private static readonly string Photo = TestImages.Photo("chelsea");

    private static string[] Render(string output, params string[] extra) =>
    [
        "render", "--node", Node, "--param", $"{Node}.scale=2", "--param", $"{Node}.model=0",
        "--input", Photo, "--output", output, "--output-format", "float", .. extra,
    ];

    [Fact]
    public void TheHostListsTheNodeWithItsContextsClipsAndParams()
    {
        var run = ReferenceHost.Run("list", "--json");
        Assert.True(run.ExitCode == 0, run.Log);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        var upscale = doc.RootElement.GetProperty("plugins").EnumerateArray().Single(p => p.GetProperty("identifier").GetString() == Node);
        Assert.Equal("Enhance", upscale.GetProperty("grouping").GetString());
        var contexts = upscale.GetProperty("contexts").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("OfxImageEffectContextFilter", contexts);
        Assert.Contains("OfxImageEffectContextGeneral", contexts);
        var clips = upscale.GetProperty("clips").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Source", "Output"], clips);
        var paramsByName = upscale.GetProperty("params").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var name in new[] { "mode", "scale", "sourceScale", "model", "customModel", "strength", "detailLimit", "inputTransfer", "memoryBudget" })
            Assert.True(paramsByName.ContainsKey(name), $"param {name} missing:\n{run.StandardOutput}");
        Assert.True(paramsByName["strength"].GetProperty("animates").GetBoolean());
    }

    [Fact]
    public void Upscale2xMatchesOpenImageIosLanczos()
    {
        var dir = ReferenceHost.OutputFolder(nameof(Upscale2xMatchesOpenImageIosLanczos));
        string ours = Path.Combine(dir, "ours.tif"), reference = Path.Combine(dir, "oiio.tif");
        var run = ReferenceHost.Run(Render(ours));
        Assert.True(run.ExitCode == 0, run.Log);

        using var source = ImageFiles.Load(Photo, 3);
        ExternalTools.OiioLanczosResize(Photo, reference, source.Width * 2, source.Height * 2);
        using var a = ImageFiles.Load(ours, 3);
        using var b = ImageFiles.Load(reference, 3);
        Assert.Equal((source.Width * 2, source.Height * 2), (a.Width, a.Height));
        double psnr = QualityMetrics.Psnr(a, b);
        Assert.True(psnr >= 40, $"PSNR against OpenImageIO's Lanczos-3: {psnr:F2} dB");
    }

    [Fact]
    public void ATiledMultithreadedRenderEqualsTheWholeFrame()
    {
        var dir = ReferenceHost.OutputFolder(nameof(ATiledMultithreadedRenderEqualsTheWholeFrame));
        string whole = Path.Combine(dir, "whole.tif"), tiled = Path.Combine(dir, "tiled.tif");
        var r1 = ReferenceHost.Run(Render(whole));
        var r2 = ReferenceHost.Run(Render(tiled, "--tile", "67", "--threads", "2"));
        Assert.True(r1.ExitCode == 0, r1.Log);
        Assert.True(r2.ExitCode == 0, r2.Log);
        using var a = ImageFiles.Load(whole, 4);
        using var b = ImageFiles.Load(tiled, 4);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(a, b));
    }

    [Fact]
    public void AtRenderScaleHalfTheSamePictureComesOutAtHalfSize()
    {
        var dir = ReferenceHost.OutputFolder(nameof(AtRenderScaleHalfTheSamePictureComesOutAtHalfSize));
        string full = Path.Combine(dir, "full.tif"), half = Path.Combine(dir, "half.tif"), fullReduced = Path.Combine(dir, "full-reduced.tif");
        var r1 = ReferenceHost.Run(Render(full));
        var r2 = ReferenceHost.Run(Render(half, "--render-scale", "0.5"));
        Assert.True(r1.ExitCode == 0, r1.Log);
        Assert.True(r2.ExitCode == 0, r2.Log);
        using var fullImage = ImageFiles.Load(full, 3);
        using var halfImage = ImageFiles.Load(half, 3);
        // The host halves the 451-pixel-wide input to 226 pixels (rounding up), so the output may
        // be one pixel wider than half the full render; the pictures must agree where both exist.
        Assert.InRange(halfImage.Width - fullImage.Width / 2, 0, 1);
        Assert.InRange(halfImage.Height - fullImage.Height / 2, 0, 1);
        // Upscaling the half-size input and halving the full upscale give the same picture up to
        // resampling detail; a geometric slip of even one pixel would cost far more than this.
        ExternalTools.OiioLanczosResize(full, fullReduced, fullImage.Width / 2, fullImage.Height / 2);
        using var reduced = ImageFiles.Load(fullReduced, 3);
        double psnr = QualityMetrics.Psnr(halfImage, reduced, border: 4);
        Assert.True(psnr >= 30, $"render scale 0.5 vs the full render halved: {psnr:F2} dB");
    }

    [Theory]
    [InlineData("byte", 1.0 / 255)]
    [InlineData("short", 1.0 / 65535)]
    public void IntegerDepthsGiveTheFloatResultWithinOneStep(string depth, double step)
    {
        var dir = ReferenceHost.OutputFolder(nameof(IntegerDepthsGiveTheFloatResultWithinOneStep) + depth);
        string asFloat = Path.Combine(dir, "float.tif"), asInteger = Path.Combine(dir, depth + ".tif");
        var r1 = ReferenceHost.Run(Render(asFloat));
        var r2 = ReferenceHost.Run(Render(asInteger, "--depth", depth));
        Assert.True(r1.ExitCode == 0, r1.Log);
        Assert.True(r2.ExitCode == 0, r2.Log);
        using var a = ImageFiles.Load(asFloat, 4);
        using var b = ImageFiles.Load(asInteger, 4);
        // Float output overshoots 0–1 at edges (Lanczos lobes); integer output is clamped there.
        Assert.True(QualityMetrics.MeanAbsoluteDifference(a, b) <= step, $"mean abs {QualityMetrics.MeanAbsoluteDifference(a, b)}");
        Assert.True(QualityMetrics.Psnr(a, b) >= 45, $"PSNR {QualityMetrics.Psnr(a, b):F1}");
    }

    [Fact]
    public void AnUnsupportedPixelDepthFailsWithAMessageAndTheHostExitsNormally()
    {
        var dir = ReferenceHost.OutputFolder(nameof(AnUnsupportedPixelDepthFailsWithAMessageAndTheHostExitsNormally));
        var run = ReferenceHost.Run(Render(Path.Combine(dir, "out.tif"), "--depth", "half", "--force-depth"));
        Assert.True(run.ExitCode == 2, "ofxhost exits 2 when a plug-in returns an error:\n" + run.Log);
        Assert.Contains("16-bit half float", run.StandardError);
        Assert.Contains("kOfxStatErrImageFormat", run.StandardError + run.StandardOutput);
    }
}
