using BenchmarkDotNet.Attributes;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;

namespace Enhance.Bench;

/// <summary>
/// One 960×540 RGBA frame of a real photograph upscaled ×2 to 1920×1080: through an ONNX model
/// (CPU; default settings: tiles from the 512 MiB budget, 32-pixel overlap, strength 1), through
/// Lanczos alone, and a plain copy of the output frame as the floor.
/// Model: $ENHANCE_BENCH_MODEL, else build/models/enhance-faithful-x2.onnx (the default) when built, else the tiny
/// hand-written test model (one 3×3 convolution: measures the tiling and blending overhead).
/// </summary>
[MemoryDiagnoser]
public class UpscaleBenchmarks
{
    private FloatImage _source = null!;
    private FloatImage _output = null!;
    private FloatImage _copySource = null!;
    private ModelLease _lease = null!;
    private UpscaleSettings _settings = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var photo = ImageFiles.Load(TestImages.Photo("Garden"), 4, maxSide: 960);
        var frame = PixelRect.FromSize(960, 540);
        _source = new FloatImage(frame, 4);
        for (int y = 0; y < 540; y++)
            for (int x = 0; x < 960; x++)
                for (int c = 0; c < 4; c++)
                    _source.At(x, y, c) = photo.At(x % photo.Width, y % photo.Height, c);
        _output = new FloatImage(PixelRect.FromSize(1920, 1080), 4);
        _copySource = new FloatImage(PixelRect.FromSize(1920, 1080), 4);
        _lease = ModelCache.Acquire(ModelPath(), ExecutionProvider.Cpu);
        _settings = new UpscaleSettings { Model = _lease.Model };
        Console.WriteLine($"// model: {_lease.Model.ModelPath} (×{_lease.Model.Scale})");
    }

    private static string ModelPath()
    {
        if (Environment.GetEnvironmentVariable("ENHANCE_BENCH_MODEL") is { Length: > 0 } chosen) return chosen;
        var built = Path.Combine(RepoPaths.BuildDir, "models", "enhance-faithful-x2.onnx");
        return File.Exists(built) ? built : OnnxTestModels.Save(OnnxTestModels.SharpeningUpsampler(2), "bench_x2.onnx");
    }

    [Benchmark(Baseline = true, Description = "copy 1920x1080 RGBA")]
    public void PlainCopy() => _copySource.Pixels.CopyTo(_output.Pixels);

    [Benchmark(Description = "Lanczos 2x 960x540")]
    public void Lanczos() => LanczosResampler.Resample(_source, _source.Bounds, _output, 2, 2);

    [Benchmark(Description = "ONNX model 2x 960x540 (CPU)")]
    public void Model() => UpscaleRenderer.Render(_source, _source.Bounds, _output, _settings);

    [GlobalCleanup]
    public void Cleanup()
    {
        _lease.Dispose();
        _source.Dispose(); _output.Dispose(); _copySource.Dispose();
    }
}
