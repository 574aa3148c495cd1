using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// Proves tools/models/tfjs2onnx.py: the npm package @upscalerjs/esrgan-slim ships its own
/// fixture and the results TensorFlow.js produced from it at x2/x3/x4 (assets/samples); our ONNX
/// import run by ONNX Runtime must reproduce them to within 8-bit rounding.
/// </summary>
public sealed class EsrganSlimImportFidelityTests(ITestOutputHelper output)
{
    private static string Assets => Path.Combine(BundledModels.PackageCache, "esrgan-slim-1.0.0", "assets");

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void OnnxImportReproducesThePackagesOwnSamples(int scale)
    {
        var fixture = Path.Combine(Assets, "fixture.png");
        if (!File.Exists(fixture))
            throw new FileNotFoundException($"{fixture} is missing: run `tools/models/build-models.sh {BundledModels.Folder}` first.");
        using var upscaler = new OnnxUpscaler(BundledModels.PathOf($"esrgan-slim-x{scale}"), scale);
        using var input = ImageFiles.Load(fixture, channels: 3);
        using var ours = upscaler.Run(input);
        using var theirs = ImageFiles.Load(Path.Combine(Assets, "samples", $"{scale}x", "result.png"), channels: 3);
        Assert.Equal((theirs.Width, theirs.Height), (ours.Width, ours.Height));
        double mad = QualityMetrics.MeanAbsoluteDifference(ours, theirs), psnr = QualityMetrics.Psnr(ours, theirs);
        output.WriteLine($"esrgan-slim-x{scale} vs UpscalerJS sample: MAD {mad * 255:F3}/255, PSNR {psnr:F2} dB");
        Assert.True(mad <= 1.0 / 255 && psnr >= 42, $"MAD {mad * 255:F3}/255, PSNR {psnr:F2} dB");
    }
}
