using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// The suite as an editor chains it: Upscale → Dehalo → Grain through the installed bundle, with a
/// keyframed Dehalo strength and Grain matched to the original plate wired to its Original input.
/// </summary>
public sealed class ChainTests
{
    private const string Upscale = "io.enhance.Upscale", Dehalo = "io.enhance.Dehalo", Grain = "io.enhance.Grain";

    private static string SmallPhoto(string dir, string name, int side)
    {
        string path = Path.Combine(dir, name + ".png");
        using var image = ImageFiles.Load(TestImages.Photo(name), 3, side);
        ImageFiles.Save(image, path);
        return path;
    }

    [Fact]
    public void DehaloWithAKeyframedStrengthAfterUpscale()
    {
        var dir = ReferenceHost.OutputFolder(nameof(DehaloWithAKeyframedStrengthAfterUpscale));
        string input = SmallPhoto(dir, "astronaut", 128);
        string chain = Path.Combine(dir, "chain.####.tif"), upscaleOnly = Path.Combine(dir, "upscale.tif");
        var run = ReferenceHost.Run("render", "--node", Upscale, "--node", Dehalo, "--input", input, "--output", chain,
            "--output-format", "float", "--frames", "0-2", "--key", $"{Dehalo}.strength@0=0", "--key", $"{Dehalo}.strength@2=1");
        Assert.True(run.ExitCode == 0, run.Log);
        var alone = ReferenceHost.Run("render", "--node", Upscale, "--input", input, "--output", upscaleOnly, "--output-format", "float");
        Assert.True(alone.ExitCode == 0, alone.Log);

        using var upscaled = ImageFiles.Load(upscaleOnly, 4);
        using var f0 = ImageFiles.Load(chain.Replace("####", "0000"), 4);
        using var f1 = ImageFiles.Load(chain.Replace("####", "0001"), 4);
        using var f2 = ImageFiles.Load(chain.Replace("####", "0002"), 4);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(f0, upscaled)); // strength 0: untouched
        double full = QualityMetrics.MeanAbsoluteDifference(f2, upscaled), half = QualityMetrics.MeanAbsoluteDifference(f1, upscaled);
        Assert.True(full > 1e-4, $"Dehalo at strength 1 changed nothing ({full})");
        Assert.InRange(half / full, 0.3, 0.7); // strength 0.5 at frame 1: about half the change
        Assert.True(QualityMetrics.Psnr(f2, upscaled) > 30, "Dehalo must touch halos only, not repaint the picture");
    }

    /// <summary>The Texture protection parameter reaches the render: on a natively sharp, finely textured photo
    /// (no halos to remove) the default leaves the picture closer to its input than protection 0 does.</summary>
    [Fact]
    public void DehaloTextureProtectionSparesANativelySharpPhoto()
    {
        var dir = ReferenceHost.OutputFolder(nameof(DehaloTextureProtectionSparesANativelySharpPhoto));
        string input = SmallPhoto(dir, "gravel", 192);
        string protectedOut = Path.Combine(dir, "protected.tif"), unprotectedOut = Path.Combine(dir, "unprotected.tif");
        var protectedRun = ReferenceHost.Run("render", "--node", Dehalo, "--input", input, "--output", protectedOut, "--output-format", "float");
        Assert.True(protectedRun.ExitCode == 0, protectedRun.Log);
        var unprotectedRun = ReferenceHost.Run("render", "--node", Dehalo, "--param", $"{Dehalo}.textureProtection=0",
            "--input", input, "--output", unprotectedOut, "--output-format", "float");
        Assert.True(unprotectedRun.ExitCode == 0, unprotectedRun.Log);

        using var source = ImageFiles.Load(input, 4);
        using var spared = ImageFiles.Load(protectedOut, 4);
        using var touched = ImageFiles.Load(unprotectedOut, 4);
        double psnrSpared = QualityMetrics.Psnr(spared, source), psnrTouched = QualityMetrics.Psnr(touched, source);
        Assert.True(psnrTouched < 60, $"without protection the node must act on this photo ({psnrTouched:F2} dB)");
        Assert.True(psnrSpared > psnrTouched + 1, $"protected {psnrSpared:F2} dB vs unprotected {psnrTouched:F2} dB");
    }

    [Fact]
    public void UpscaleDehaloGrainWithTheOriginalWiredToGrain()
    {
        var dir = ReferenceHost.OutputFolder(nameof(UpscaleDehaloGrainWithTheOriginalWiredToGrain));
        // The plate as it came from the camera: a real photograph with known grain (amount 0.04) on it.
        string clean = SmallPhoto(dir, "rocket", 320), original = Path.Combine(dir, "plate.tif");
        var plate = ReferenceHost.Run("render", "--node", Grain, "--param", $"{Grain}.amount=0.04", "--param", $"{Grain}.saturation=1",
            "--input", clean, "--output", original, "--output-format", "float");
        Assert.True(plate.ExitCode == 0, plate.Log);
        string withGrain = Path.Combine(dir, "chain.tif"), withoutGrain = Path.Combine(dir, "no-grain.tif");
        var run = ReferenceHost.Run("render", "--node", Upscale, "--node", Dehalo, "--node", Grain,
            "--param", $"{Grain}.matchSource=1", "--input-clip", $"{Grain}.Original={original}",
            "--input", clean, "--output", withGrain, "--output-format", "float", "--tile", "97", "--threads", "2");
        Assert.True(run.ExitCode == 0, run.Log);
        var plain = ReferenceHost.Run("render", "--node", Upscale, "--node", Dehalo, "--input", clean, "--output", withoutGrain, "--output-format", "float");
        Assert.True(plain.ExitCode == 0, plain.Log);

        using var a = ImageFiles.Load(withGrain, 3);
        using var b = ImageFiles.Load(withoutGrain, 3);
        Assert.Equal((b.Width, b.Height), (a.Width, a.Height));
        double mean = 0, meanSquare = 0;
        var pa = a.Pixels; var pb = b.Pixels;
        for (int i = 0; i < pa.Length; i++) { double d = pa[i] - pb[i]; mean += d; meanSquare += d * d; }
        mean /= pa.Length; meanSquare /= pa.Length;
        double rms = Math.Sqrt(meanSquare - mean * mean);
        // The matched grain has the plate's strength (the eval tool measures it per band to 15 %).
        Assert.InRange(rms, 0.02, 0.06);
        Assert.True(Math.Abs(mean) < 0.1 * rms + 1e-3, $"grain must not shift brightness: mean {mean}, rms {rms}");
    }

    [Fact]
    public void GrainIsTheSameForTheSameFrameAndNewForTheNext()
    {
        var dir = ReferenceHost.OutputFolder(nameof(GrainIsTheSameForTheSameFrameAndNewForTheNext));
        string input = SmallPhoto(dir, "rocket", 96);
        string[] Args(string output, string frames, params string[] extra) =>
            ["render", "--node", Grain, "--param", $"{Grain}.amount=0.05", "--input", input, "--output", output, "--output-format", "float", "--frames", frames, .. extra];
        string first = Path.Combine(dir, "a.####.tif"), second = Path.Combine(dir, "b.####.tif");
        Assert.Equal(0, ReferenceHost.Run(Args(first, "0-1")).ExitCode);
        Assert.Equal(0, ReferenceHost.Run(Args(second, "1-1", "--tile", "31", "--threads", "2")).ExitCode);
        using var a0 = ImageFiles.Load(first.Replace("####", "0000"), 4);
        using var a1 = ImageFiles.Load(first.Replace("####", "0001"), 4);
        using var b1 = ImageFiles.Load(second.Replace("####", "0001"), 4);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(a1, b1)); // same frame, any order, tiles, threads
        Assert.True(QualityMetrics.MaxAbsoluteDifference(a0, a1) > 0.01, "animated grain changes every frame");
    }
}
