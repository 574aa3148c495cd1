using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Issue 14 end to end: Upscale's temporal stability through the installed bundle and the reference
/// host, which fetches the previous frame for the plug-in (temporal clip access) from an image
/// sequence. Same frame, same parameters, same pixels: whatever the host rendered before (a whole
/// sequence in order, one frame alone in its own process, frames backwards), in tiles on threads.
/// </summary>
public sealed class UpscaleTemporalTests(ITestOutputHelper output)
{
    private const string Node = "io.enhance.Upscale";
    private const int Frames = 5;

    /// <summary>A short clip: a real photograph, noise per frame, a bright bar moving across; written as in.0000.tif …</summary>
    private static string WriteClip(string dir)
    {
        using var photo = ImageFiles.Load(TestImages.Photo("coffee"), 3, 96);
        var pixels = photo.Pixels;
        for (int i = 0; i < pixels.Length; i++) pixels[i] *= 0.6f;
        var frames = TemporalClips.MovingBar(photo, Frames, startX: 30, step: 5);
        for (int f = 0; f < Frames; f++)
        {
            ImageFiles.Save(frames[f], Path.Combine(dir, $"in.{f:D4}.tif"));
            frames[f].Dispose();
        }
        return Path.Combine(dir, "in.####.tif");
    }

    private static HostRun Render(string input, string outputPattern, string frames, params string[] extra) => ReferenceHost.Run(
    [
        "render", "--node", Node, "--input", input, "--output", outputPattern, "--output-format", "float",
        "--frames", frames, "--param", $"{Node}.scale=2", .. extra,
    ]);

    private static void AssertOk(HostRun run) => Assert.True(run.ExitCode == 0, run.Log);

    private static FloatImage Frame(string dir, string prefix, int f) => ImageFiles.Load(Path.Combine(dir, $"{prefix}.{f:D4}.tif"), 3);

    [Fact]
    public void AFrameIsTheSameWhateverWasRenderedBeforeOnAnyThreadInTiles()
    {
        var dir = ReferenceHost.OutputFolder(nameof(AFrameIsTheSameWhateverWasRenderedBeforeOnAnyThreadInTiles));
        string input = WriteClip(dir);
        string stable = $"{Node}.temporalStability=1";
        AssertOk(Render(input, Path.Combine(dir, "seq.####.tif"), $"0-{Frames - 1}", "--param", stable));
        // Each frame alone in a fresh host, last to first: nothing rendered before, nothing cached.
        for (int f = Frames - 1; f >= 1; f--)
            AssertOk(Render(input, Path.Combine(dir, "alone.####.tif"), $"{f}", "--param", stable));
        AssertOk(Render(input, Path.Combine(dir, "tiled.####.tif"), $"0-{Frames - 1}", "--param", stable, "--tile", "37", "--threads", "3"));
        AssertOk(Render(input, Path.Combine(dir, "perframe.####.tif"), $"0-{Frames - 1}"));

        for (int f = 1; f < Frames; f++)
        {
            using var seq = Frame(dir, "seq", f);
            using var alone = Frame(dir, "alone", f);
            using var tiled = Frame(dir, "tiled", f);
            using var perFrame = Frame(dir, "perframe", f);
            Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(seq, alone));
            double tiles = QualityMetrics.MaxAbsoluteDifference(seq, tiled);
            double temporalEffect = QualityMetrics.MaxAbsoluteDifference(seq, perFrame);
            output.WriteLine($"frame {f}: tiled vs whole {tiles:G3}; temporal vs per-frame up to {temporalEffect * 255:F2} levels");
            Assert.True(tiles <= 1e-6, $"frame {f}: tiles on threads differ by {tiles}");
            Assert.True(temporalEffect > 0.5 / 255, $"frame {f}: temporal stability changed nothing (did the host give the previous frame?)");
        }
        // The first frame has no previous one: it is the per-frame result.
        using (var first = Frame(dir, "seq", 0))
        using (var firstPerFrame = Frame(dir, "perframe", 0))
            Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(first, firstPerFrame));
    }

    [Fact]
    public void TheNodeDeclaresThePreviousFrameInGetFramesNeededAndFetchesNothingElse()
    {
        var dir = ReferenceHost.OutputFolder(nameof(TheNodeDeclaresThePreviousFrameInGetFramesNeededAndFetchesNothingElse));
        string input = WriteClip(dir);
        var run = Render(input, Path.Combine(dir, "out.####.tif"), "2", "--param", $"{Node}.temporalStability=0.5", "--verbose");
        AssertOk(run);
        Assert.Contains("frames needed at 2 from Source: 1.000000..2.000000", run.Log);
        Assert.DoesNotContain("outside the frames GetFramesNeeded declared", run.Log);
        // Stability 0: the default range (the frame alone), and no fetch of another frame.
        var off = Render(input, Path.Combine(dir, "off.####.tif"), "2", "--verbose");
        AssertOk(off);
        Assert.Contains("frames needed at 2 from Source: 2.000000..2.000000", off.Log);
    }

    [Fact]
    public void EnhanceInPlaceReadsThePreviousFrameToo()
    {
        // In place the host hands the enlarged frame; the node reduces both frames to the footprint.
        var dir = ReferenceHost.OutputFolder(nameof(EnhanceInPlaceReadsThePreviousFrameToo));
        string input = WriteClip(dir);
        string[] inPlace = ["--param", $"{Node}.mode=2", "--param", $"{Node}.sourceScale=2"];
        AssertOk(Render(input, Path.Combine(dir, "seq.####.tif"), "0-3", ["--param", $"{Node}.temporalStability=1", .. inPlace]));
        AssertOk(Render(input, Path.Combine(dir, "alone.####.tif"), "3", ["--param", $"{Node}.temporalStability=1", .. inPlace]));
        AssertOk(Render(input, Path.Combine(dir, "perframe.####.tif"), "3", inPlace));
        using var seq = Frame(dir, "seq", 3);
        using var alone = Frame(dir, "alone", 3);
        using var perFrame = Frame(dir, "perframe", 3);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(seq, alone));
        Assert.True(QualityMetrics.MaxAbsoluteDifference(seq, perFrame) > 0.5 / 255, "temporal stability changed nothing in place");
    }

    [Fact]
    public void StabilityZeroIsTodaysResultAndStrengthZeroTheClassicalOne()
    {
        var dir = ReferenceHost.OutputFolder(nameof(StabilityZeroIsTodaysResultAndStrengthZeroTheClassicalOne));
        string input = WriteClip(dir);
        AssertOk(Render(input, Path.Combine(dir, "default.####.tif"), "2-3"));
        AssertOk(Render(input, Path.Combine(dir, "zero.####.tif"), "2-3", "--param", $"{Node}.temporalStability=0"));
        AssertOk(Render(input, Path.Combine(dir, "classical.####.tif"), "2-3", "--param", $"{Node}.model=0"));
        AssertOk(Render(input, Path.Combine(dir, "strength0.####.tif"), "2-3", "--param", $"{Node}.temporalStability=1",
            "--param", $"{Node}.strength=0"));
        for (int f = 2; f <= 3; f++)
        {
            using var byDefault = Frame(dir, "default", f);
            using var zero = Frame(dir, "zero", f);
            using var classical = Frame(dir, "classical", f);
            using var strength0 = Frame(dir, "strength0", f);
            Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(byDefault, zero));
            Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(classical, strength0));
        }
    }
}
