using BenchmarkDotNet.Attributes;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.TestSupport;

namespace Enhance.Bench;

/// <summary>
/// Lanczos-3 on a real photograph, 960×540 RGBA float: 2× up to 1920×1080, 2.5× and 0.5×, against a
/// plain copy of the 1920×1080 output frame (the cost floor of touching that much memory).
/// </summary>
[MemoryDiagnoser]
public class ResamplingBenchmarks
{
    private FloatImage _source = null!;
    private FloatImage _output2x = null!;
    private FloatImage _output25x = null!;
    private FloatImage _outputHalf = null!;
    private FloatImage _copySource = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var photo = ImageFiles.Load(TestImages.Photo("Garden"), 4);
        var frame = PixelRect.FromSize(960, 540);
        _source = new FloatImage(frame, 4);
        // Fill the frame from the photo, tiling it if the photo is smaller.
        for (int y = 0; y < 540; y++)
            for (int x = 0; x < 960; x++)
                for (int c = 0; c < 4; c++)
                    _source.At(x, y, c) = photo.At(x % photo.Width, y % photo.Height, c);
        _output2x = new FloatImage(PixelRect.FromSize(1920, 1080), 4);
        _output25x = new FloatImage(PixelRect.FromSize(2400, 1350), 4);
        _outputHalf = new FloatImage(PixelRect.FromSize(480, 270), 4);
        _copySource = new FloatImage(PixelRect.FromSize(1920, 1080), 4);
    }

    [Benchmark(Baseline = true, Description = "copy 1920x1080 RGBA")]
    public void PlainCopy() => _copySource.Pixels.CopyTo(_output2x.Pixels);

    [Benchmark(Description = "Lanczos 2x 960x540 -> 1920x1080")]
    public void Lanczos2x() => LanczosResampler.Resample(_source, _source.Bounds, _output2x, 2, 2);

    [Benchmark(Description = "Lanczos 2.5x 960x540 -> 2400x1350")]
    public void Lanczos25x() => LanczosResampler.Resample(_source, _source.Bounds, _output25x, 2.5, 2.5);

    [Benchmark(Description = "Lanczos 0.5x 960x540 -> 480x270")]
    public void LanczosHalf() => LanczosResampler.Resample(_source, _source.Bounds, _outputHalf, 0.5, 0.5);

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose(); _output2x.Dispose(); _output25x.Dispose(); _outputHalf.Dispose(); _copySource.Dispose();
    }
}
