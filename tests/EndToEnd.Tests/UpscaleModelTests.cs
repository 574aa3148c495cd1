using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Issue 3 end to end: the model path of the Upscale node through the installed bundle, on real
/// pictures made small (a photograph halved, an anime frame quartered) so a CI machine renders
/// them in seconds.
/// </summary>
public sealed class UpscaleModelTests
{
    private const string Node = "io.enhance.Upscale";

    /// <summary>Writes a reduced copy of a real picture (libvips Lanczos) and returns its path.</summary>
    private static string Reduced(string dir, string photo, int maxSide)
    {
        string path = Path.Combine(dir, Path.GetFileNameWithoutExtension(photo) + $"-{maxSide}.png");
        using var image = ImageFiles.Load(photo, 3, maxSide);
        ImageFiles.Save(image, path);
        return path;
    }

    private static HostRun Upscale(string input, string output, params string[] extra) => ReferenceHost.Run(
    [
        "render", "--node", Node, "--input", input, "--output", output, "--output-format", "float", .. extra,
    ]);

    private static void AssertOk(HostRun run) => Assert.True(run.ExitCode == 0, run.Log);

    [Theory]
    [InlineData("astronaut", 2)]
    [InlineData("motorcycle_left", 2)]
    [InlineData("coffee", 4)]
    // Detailed photographs: on very soft ones (chelsea) the model and Lanczos tie within 0.05 dB.
    public void ResizeWithTheDefaultModelBeatsLanczosOnAPhotograph(string photo, int scale)
    {
        var dir = ReferenceHost.OutputFolder($"{nameof(ResizeWithTheDefaultModelBeatsLanczosOnAPhotograph)}-{photo}");
        using var original = ImageFiles.Load(TestImages.Photo(photo), 3, 240);
        string originalPath = Path.Combine(dir, "original.png");
        ImageFiles.Save(original, originalPath);
        string small = Path.Combine(dir, "small.png");
        using (var reduced = ImageFiles.Load(originalPath, 3, 240 / scale)) ImageFiles.Save(reduced, small);

        string model = Path.Combine(dir, "model.tif"), classical = Path.Combine(dir, "classical.tif");
        AssertOk(Upscale(small, model, "--param", $"{Node}.scale={scale}"));
        AssertOk(Upscale(small, classical, "--param", $"{Node}.scale={scale}", "--param", $"{Node}.model=0"));
        using var m = ImageFiles.Load(model, 3);
        using var c = ImageFiles.Load(classical, 3);
        double psnrModel = QualityMetrics.Psnr(m, original, border: 8), psnrClassical = QualityMetrics.Psnr(c, original, border: 8);
        Assert.True(psnrModel > psnrClassical, $"model {psnrModel:F2} dB vs Lanczos {psnrClassical:F2} dB");
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(0.5f)]
    [InlineData(1f)]
    // Issue 16 (black came back as 0,1,0 in 8 bits) and issue 12 (the old default lifted every
    // level by 2–3): flat colour through the default model keeps its level to half an 8-bit step.
    public void FlatColourKeepsItsLevelThroughTheDefaultModel(float level)
    {
        var dir = ReferenceHost.OutputFolder($"{nameof(FlatColourKeepsItsLevelThroughTheDefaultModel)}-{level}");
        string input = Path.Combine(dir, "flat.tif"), output = Path.Combine(dir, "x2.tif");
        using (var flat = new Enhance.Effects.Imaging.FloatImage(Enhance.Effects.Imaging.PixelRect.FromSize(40, 32), 3))
        {
            flat.Pixels.Fill(level);
            ImageFiles.Save(flat, input);
        }
        AssertOk(Upscale(input, output, "--param", $"{Node}.scale=2"));
        using var result = ImageFiles.Load(output, 3);
        double worst = result.Pixels.ToArray().Max(v => Math.Abs(v - level));
        Assert.True(worst <= 0.5 / 255, $"flat {level} came back up to {worst * 255:F2} levels away");
    }

    [Fact]
    public void AnAnimeModelResizesAnAnimeFrame()
    {
        var dir = ReferenceHost.OutputFolder(nameof(AnAnimeModelResizesAnAnimeFrame));
        string small = Reduced(dir, TestImages.AnimeFrame("bg_cave"), 96);
        string output = Path.Combine(dir, "x4.tif");
        // Option 1 is the first bundled family in the manifest: realesr-animevideov3.
        AssertOk(Upscale(small, output, "--param", $"{Node}.scale=4", "--param", $"{Node}.model=1"));
        using var input = ImageFiles.Load(small, 3);
        using var result = ImageFiles.Load(output, 3);
        Assert.Equal((input.Width * 4, input.Height * 4), (result.Width, result.Height));
    }

    [Fact]
    public void StrengthKeyframedFromZeroToOneBlendsClassicalIntoTheModel()
    {
        var dir = ReferenceHost.OutputFolder(nameof(StrengthKeyframedFromZeroToOneBlendsClassicalIntoTheModel));
        string small = Reduced(dir, TestImages.Photo("astronaut"), 96);
        string keyed = Path.Combine(dir, "keyed.####.tif");
        AssertOk(Upscale(small, keyed, "--frames", "0-10", "--key", $"{Node}.strength@0=0", "--key", $"{Node}.strength@10=1"));
        string classical = Path.Combine(dir, "classical.tif"), model = Path.Combine(dir, "model.tif");
        AssertOk(Upscale(small, classical, "--param", $"{Node}.model=0"));
        AssertOk(Upscale(small, model, "--param", $"{Node}.strength=1"));

        using var f0 = ImageFiles.Load(keyed.Replace("####", "0000"), 4);
        using var f5 = ImageFiles.Load(keyed.Replace("####", "0005"), 4);
        using var f10 = ImageFiles.Load(keyed.Replace("####", "0010"), 4);
        using var c = ImageFiles.Load(classical, 4);
        using var m = ImageFiles.Load(model, 4);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(f0, c));
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(f10, m));
        Assert.True(QualityMetrics.MaxAbsoluteDifference(c, m) > 0.05, "the model must change the picture for the blend to mean anything");
        // strength 0.5 is exactly halfway: base + 0.5 (model − reference).
        using var halfway = f0.Clone();
        var h = halfway.Pixels;
        var p10 = f10.Pixels;
        for (int i = 0; i < h.Length; i++) h[i] = (h[i] + p10[i]) / 2;
        Assert.True(QualityMetrics.MaxAbsoluteDifference(f5, halfway) < 1e-4, $"frame 5 vs the mean of frames 0 and 10: {QualityMetrics.MaxAbsoluteDifference(f5, halfway)}");
    }

    [Fact]
    public void EnhanceInPlaceRebuildsATimelineSizedFrameInResolve()
    {
        var dir = ReferenceHost.OutputFolder(nameof(EnhanceInPlaceRebuildsATimelineSizedFrameInResolve));
        using var original = ImageFiles.Load(TestImages.Photo("coffee"), 3, 200);
        string originalPath = Path.Combine(dir, "original.png");
        ImageFiles.Save(original, originalPath);
        // What Resolve hands the node on the Edit page: the half-size clip enlarged to the timeline.
        string small = Path.Combine(dir, "small.png"), timeline = Path.Combine(dir, "timeline.tif");
        using (var reduced = ImageFiles.Load(originalPath, 3, 100)) ImageFiles.Save(reduced, small);
        ExternalTools.OiioLanczosResize(small, timeline, original.Width, original.Height);

        string output = Path.Combine(dir, "enhanced.tif");
        var run = ReferenceHost.Run("render", "--host-name", "DaVinciResolve", "--resolve-page", "Edit", "--node", Node,
            "--param", $"{Node}.sourceScale=2", "--input", timeline, "--output", output, "--output-format", "float");
        AssertOk(run);
        using var enhanced = ImageFiles.Load(output, 3);
        using var given = ImageFiles.Load(timeline, 3);
        Assert.Equal((original.Width, original.Height), (enhanced.Width, enhanced.Height));
        double before = QualityMetrics.Psnr(given, original, border: 8), after = QualityMetrics.Psnr(enhanced, original, border: 8);
        Assert.True(after > before, $"in place: {after:F2} dB vs the host's Lanczos {before:F2} dB");
    }

    [Theory]
    [InlineData("0", "1")]   // Classical
    [InlineData("3", "0")]   // the default model at strength 0
    // In place the host already scaled the clip: with nothing to add, the frame must pass unchanged
    // (it used to be rebuilt from a Lanczos round trip through the footprint, a visible blur).
    public void InPlaceWithNothingToAddLeavesTheHostsFrameAsItIs(string model, string strength)
    {
        var dir = ReferenceHost.OutputFolder($"{nameof(InPlaceWithNothingToAddLeavesTheHostsFrameAsItIs)}-{model}-{strength}");
        string timeline = Path.Combine(dir, "timeline.tif"), output = Path.Combine(dir, "out.tif");
        using (var photo = ImageFiles.Load(TestImages.Photo("coffee"), 4, 120)) ImageFiles.Save(photo, timeline);
        var run = ReferenceHost.Run("render", "--host-name", "DaVinciResolve", "--resolve-page", "Color", "--node", Node,
            "--param", $"{Node}.sourceScale=2", "--param", $"{Node}.model={model}", "--param", $"{Node}.strength={strength}",
            "--input", timeline, "--output", output, "--output-format", "float");
        AssertOk(run);
        using var given = ImageFiles.Load(timeline, 4);
        using var result = ImageFiles.Load(output, 4);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(result, given));
    }

    [Fact]
    public void ACustomModelFileIsUsedLikeABundledOne()
    {
        var dir = ReferenceHost.OutputFolder(nameof(ACustomModelFileIsUsedLikeABundledOne));
        string small = Reduced(dir, TestImages.AnimeFrame("bg_cave"), 64);
        string bundled = Path.Combine(ReferenceHost.InstalledPluginDir, "Enhance.ofx.bundle", "Contents", "Resources", "models", "realesr-animevideov3-x2.onnx");
        string custom = Path.Combine(dir, "my-model.onnx");
        File.Copy(bundled, custom);
        string viaCustom = Path.Combine(dir, "custom.tif"), viaChoice = Path.Combine(dir, "choice.tif");
        AssertOk(Upscale(small, viaCustom, "--param", $"{Node}.model=Custom model file", "--param", $"{Node}.customModel={custom}"));
        AssertOk(Upscale(small, viaChoice, "--param", $"{Node}.model=1"));
        using var a = ImageFiles.Load(viaCustom, 4);
        using var b = ImageFiles.Load(viaChoice, 4);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(a, b));
    }

    public static TheoryData<string> BrokenModels => new()
    {
        "garbage", "truncated", "single-channel", "three-dimensional", "missing", "nan-output", "huge-output", "empty",
        // A named pipe used to hang the render for ever (ONNX Runtime waited for a writer).
        "named-pipe",
    };

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public void ABrokenModelFileFailsTheRenderWithAMessageAndTheHostExitsNormally(string kind)
    {
        var dir = ReferenceHost.OutputFolder($"{nameof(ABrokenModelFileFailsTheRenderWithAMessageAndTheHostExitsNormally)}-{kind}");
        string small = Reduced(dir, TestImages.Photo("chelsea"), 48);
        string model = Path.Combine(dir, kind + ".onnx");
        byte[]? bytes = kind switch
        {
            "garbage" => OnnxTestModels.Garbage(),
            "truncated" => OnnxTestModels.Truncated(),
            "single-channel" => OnnxTestModels.SingleChannelModel(),
            "three-dimensional" => OnnxTestModels.ThreeDimensionalInputModel(),
            // Issue 17: a network whose output is NaN, or ×1e30, must be refused, never written out.
            "nan-output" => OnnxTestModels.BrokenOutputUpsampler(nan: true),
            "huge-output" => OnnxTestModels.BrokenOutputUpsampler(nan: false),
            _ => null,
        };
        if (bytes is not null) File.WriteAllBytes(model, bytes);
        if (kind == "empty") File.WriteAllBytes(model, []);
        if (kind == "named-pipe")
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", model);
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        var run = Upscale(small, Path.Combine(dir, "out.tif"), "--param", $"{Node}.model=Custom model file", "--param", $"{Node}.customModel={model}");
        Assert.True(run.ExitCode == 2, "a plug-in error is exit 2, not a crash:\n" + run.Log);
        Assert.Contains("cannot be used", run.StandardError);
        Assert.Contains(Path.GetFileName(model), run.StandardError);
    }
}
