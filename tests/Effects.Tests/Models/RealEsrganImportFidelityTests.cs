using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// Proves tools/models/ncnn2onnx.py: our ONNX files, run by ONNX Runtime in fp32, must match the
/// upstream realesrgan-ncnn-vulkan binary (fp16 on lavapipe, 8-bit PNG output) on real photographs
/// and anime frames: mean absolute difference ≤ 1/255 and PSNR ≥ 42 dB on every image.
/// </summary>
public sealed class RealEsrganImportFidelityTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>The binary pads every tile by this many mirrored pixels (main.cpp: prepadding = 10).</summary>
    private const int UpstreamPrepadding = 10;

    private readonly string _work = Directory.CreateTempSubdirectory("enhance-fidelity-").FullName;

    // Small crops keep the lavapipe (CPU Vulkan) run of the upstream binary to seconds per image.
    [Theory]
    [InlineData("realesr-animevideov3-x2", 40)]
    [InlineData("realesr-animevideov3-x3", 40)]
    [InlineData("realesr-animevideov3-x4", 40)]
    [InlineData("realesrgan-x4plus-anime", 16)]
    public void OnnxImportMatchesUpstreamBinary(string model, int cropSize)
    {
        var entry = BundledModels.Get(model);
        var inputDir = Path.Combine(_work, "in");
        var crops = ModelTestCrops.WriteCentreCrops(ModelTestCrops.Mixed, cropSize, inputDir);
        Assert.True(crops.Count >= 5, "The proof needs at least five real images.");
        var upstreamDir = Path.Combine(_work, "upstream");
        UpstreamRealEsrgan.Run(inputDir, upstreamDir, model, entry.Scale);

        using var upscaler = new OnnxUpscaler(BundledModels.PathOf(model), entry.Scale, "network_output");
        var failures = new List<string>();
        foreach (var crop in crops)
        {
            using var input = ImageFiles.Load(crop, channels: 3);
            using var ours = upscaler.Run(input, UpstreamPrepadding, clamp: false);
            using var theirs = ImageFiles.Load(Path.Combine(upstreamDir, Path.GetFileName(crop)), channels: 3);
            Assert.Equal((theirs.Width, theirs.Height), (ours.Width, ours.Height));
            var (mad, psnr, undefinedShare) = Compare(ours, theirs);
            var line = $"{Path.GetFileName(crop)} {cropSize}px: MAD {mad * 255:F3}/255, PSNR {psnr:F2} dB, undefined {undefinedShare:P3}";
            output.WriteLine($"{model} {line}");
            if (mad > 1.0 / 255 || psnr < 42 || undefinedShare > 0.1)
                failures.Add(line);
        }
        Assert.True(failures.Count == 0, $"{model} differs from upstream: " + string.Join("; ", failures));
    }

    /// <summary>
    /// MAD and PSNR of our output (clamped to 0–1 as the binary does) against the binary's 8-bit
    /// values. One kind of sample is left out and counted: where the binary wrote 255 and our value
    /// rounds to 0. The binary's postproc shader converts v with uint(floor(v·255 + 0.5)), and for
    /// v below −0.5/255 that is a negative float to uint, which GLSL leaves undefined: lavapipe
    /// gives 255 (another driver may give 0). As its fp16 arithmetic moves v by up to about 1/255,
    /// any sample whose true value rounds to 0 can fall there. The test fails if such samples pass a
    /// tenth of an image, so a broken model cannot hide behind the rule.
    /// </summary>
    private static (double Mad, double Psnr, double UndefinedShare) Compare(FloatImage ours, FloatImage theirs)
    {
        double abs = 0, square = 0;
        long counted = 0, undefinedCount = 0;
        for (int y = 0; y < ours.Height; y++)
        {
            var a = ours.Row(y);
            var b = theirs.Row(y);
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] < 0.5f / 255 && b[i] == 1f) { undefinedCount++; continue; }
                double d = Math.Clamp(a[i], 0f, 1f) - b[i];
                abs += Math.Abs(d);
                square += d * d;
                counted++;
            }
        }
        double mse = square / counted;
        return (abs / counted, 10 * Math.Log10(1 / Math.Max(mse, 1e-20)), (double)undefinedCount / (counted + undefinedCount));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
