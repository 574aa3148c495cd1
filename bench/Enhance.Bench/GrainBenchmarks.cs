using BenchmarkDotNet.Attributes;
using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;

namespace Enhance.Bench;

/// <summary>
/// Grain on a 16:9 RGBA float frame (1080 and 2160 lines): hand-set synthesis, matched synthesis,
/// and estimation of the source's grain followed by matched synthesis — next to a plain copy of the
/// same frame. The frame is a real photo (Storm) tiled to size, with grain already on it so the
/// estimator has a realistic amount of flat area and grain to measure.
/// </summary>
[MemoryDiagnoser]
public class GrainBenchmarks
{
    private FloatImage _source = null!;
    private FloatImage _destination = null!;
    private GrainProfile _profile = null!;
    private readonly GrainSettings _settings = new() { Amount = 0.03, Size = 1.5, Softness = 0.5, Saturation = 0.6, Seed = 5 };

    [Params(1080, 2160)]
    public int Height { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int width = Height * 16 / 9;
        using var photo = ImageFiles.Load(TestImages.Photo("Storm"), 4);
        using var clean = new FloatImage(PixelRect.FromSize(width, Height), 4);
        for (int y = 0; y < Height; y++)
        {
            // Mirror-tile the photo so the frame has no hard seams (seams would read as texture).
            int sy = Mirror(y, photo.Height);
            var row = clean.Row(y);
            for (int x = 0; x < width; x++)
                photo.Row(sy).Slice(Mirror(x, photo.Width) * 4, 4).CopyTo(row.Slice(x * 4, 4));
        }
        _source = new FloatImage(clean.Bounds, 4);
        GrainRenderer.Apply(clean, _source, _settings with { Seed = 77 }, null, 0, Height, 1.0);
        _destination = new FloatImage(clean.Bounds, 4);
        _profile = GrainEstimator.Estimate(_source);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _destination.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void PlainCopy() => _source.Pixels.CopyTo(_destination.Pixels);

    [Benchmark]
    public void Synthesis() => GrainRenderer.Apply(_source, _destination, _settings, null, 3, Height, 1.0);

    [Benchmark]
    public void MonochromeSynthesis() => GrainRenderer.Apply(_source, _destination, _settings with { Monochrome = true }, null, 3, Height, 1.0);

    [Benchmark]
    public void MatchedSynthesis() => GrainRenderer.Apply(_source, _destination, new GrainSettings(), _profile, 3, Height, 1.0);

    [Benchmark]
    public void EstimationThenMatchedSynthesis()
    {
        var profile = GrainEstimator.Estimate(_source);
        GrainRenderer.Apply(_source, _destination, new GrainSettings(), profile, 3, Height, 1.0);
    }

    private static int Mirror(int i, int size)
    {
        int period = 2 * size;
        int m = i % period;
        return m < size ? m : period - 1 - m;
    }
}
