using BenchmarkDotNet.Attributes;
using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;

namespace Enhance.Bench;

/// <summary>
/// Dehalo on a full RGBA float frame (a real photograph tiled to 1920×1080 or 3840×2160), next to one plain
/// copy of the same frame as the baseline: `enhance-bench --filter '*Dehalo*' --job short`.
/// </summary>
[MemoryDiagnoser]
public class DehaloBenchmarks
{
    private FloatImage _source = null!;
    private FloatImage _destination = null!;
    private readonly DehaloSettings _settings = new();
    private readonly DehaloSettings _noSupersample = new() { Supersample = false };
    private readonly DehaloSettings _noTextureProtection = new() { TextureProtection = 0 };

    [Params("1920x1080", "3840x2160")]
    public string Frame { get; set; } = "1920x1080";

    [GlobalSetup]
    public void Setup()
    {
        var size = Frame.Split('x').Select(int.Parse).ToArray();
        var bounds = PixelRect.FromSize(size[0], size[1]);
        using var photo = ImageFiles.Load(TestImages.Photo("Storm"), channels: 4);
        _source = new FloatImage(bounds, 4);
        // Tile the photo (mirrored, so tile borders are not edges) until the frame is full.
        for (int y = 0; y < bounds.Height; y++)
        {
            int py = Mirror(y, photo.Height);
            var dst = _source.Row(y);
            var src = photo.Row(py);
            for (int x = 0; x < bounds.Width; x++)
                src.Slice(Mirror(x, photo.Width) * 4, 4).CopyTo(dst.Slice(x * 4, 4));
        }
        _destination = new FloatImage(bounds, 4);
    }

    private static int Mirror(int i, int n)
    {
        int period = 2 * n, m = i % period;
        return m < n ? m : period - 1 - m;
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
    public void Dehalo() => DehaloProcessor.Process(_source, _source.Bounds, _destination, _settings);

    /// <summary>Without the texture protection stage: what that stage costs.</summary>
    [Benchmark]
    public void DehaloNoTextureProtection() => DehaloProcessor.Process(_source, _source.Bounds, _destination, _noTextureProtection);

    [Benchmark]
    public void DehaloNoSupersample() => DehaloProcessor.Process(_source, _source.Bounds, _destination, _noSupersample);
}
