using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// Upscale's temporal stability on the device (<see cref="GpuTemporalStability"/>, Gpu/Kernels/temporal.cl)
/// against the CPU steps it reproduces (<see cref="TemporalStability.PreviousWeights"/>,
/// <see cref="TemporalStability.SmoothChange"/>, <see cref="TemporalStability.Blend"/>) on real photographs:
/// a previous frame with a moved patch (weight 0 there), faint noise (still: full weight) and a brightness
/// step over an area (followed by the smooth change). Bit for bit where the model sees clipped colour,
/// within the pow bound for scene-linear; CUDA rows skip with the reason where there is no GPU.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuTemporalStabilityTests
{
    private static readonly PixelRect Definition = new(-6, 4, 84, 68);

    public static TheoryData<string, InputTransfer, int, double, double> Cases => new()
    {
        // backend, transfer, channels, scale x, scale y
        { GpuBackends.OpenCl, InputTransfer.Display, 4, 2, 2 },
        { GpuBackends.OpenCl, InputTransfer.SceneLinear, 4, 2, 2 },
        { GpuBackends.OpenCl, InputTransfer.Display, 3, 1.5, 2.5 },
        { GpuBackends.Cuda, InputTransfer.Display, 4, 2, 2 },
        { GpuBackends.Cuda, InputTransfer.SceneLinear, 3, 1.5, 2.5 },
    };

    [Theory]
    [BackendRows(nameof(Cases), GpuBackends.OpenCl)]
    [BackendRows(nameof(Cases), GpuBackends.Cuda)]
    public void The_device_blend_is_the_CPU_blend(string backend, InputTransfer transfer, int channels, double scaleX, double scaleY)
    {
        using var current = Frame(channels);
        using var previous = PreviousOf(current);
        var window = new PixelRect((int)(4 * scaleX), (int)(10 * scaleY), (int)(70 * scaleX), (int)(60 * scaleY));
        using var model = PhotoCrops.Load("rocket", window.X1, window.Y1, window.Width, window.Height, 3);
        using var previousModel = PhotoCrops.Load("Garden", window.X1, window.Y1, window.Width, window.Height, 3);
        const float stability = 0.7f;

        using var expected = model.Clone();
        var region = TemporalStability.WeightRegion(window, scaleX, scaleY, Definition);
        using (var weights = TemporalStability.PreviousWeights(current, previous, Definition, region, transfer, stability))
        using (var smooth = TemporalStability.SmoothChange(current, previous, Definition, region))
        {
            // Not a trivial case: still pixels take the previous picture in, moved ones do not.
            float[] w = weights.Pixels.ToArray();
            Assert.Contains(0f, w);
            Assert.Contains(TemporalStability.FullWeight * stability, w);
            TemporalStability.Blend(expected, previousModel, weights, smooth, Definition, scaleX, scaleY);
        }
        Assert.True(QualityMetrics.MaxAbsoluteDifference(expected, model) > 0.1, "the blend changed nothing");

        using var session = GpuBackends.Open(backend);
        var deviceModel = session.Upload(model);
        var settings = new UpscaleSettings { ScaleX = scaleX, ScaleY = scaleY, Transfer = transfer, TemporalStability = stability };
        GpuTemporalStability.Blend(session.Primitives, session.Upload(current), session.Upload(previous), Definition,
                                   deviceModel, session.Upload(previousModel), settings);
        using var actual = session.Download(deviceModel);

        double tolerance = transfer == InputTransfer.SceneLinear ? ConformanceTolerance.LibraryFunction(backend) : ConformanceTolerance.Exact(backend);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, tolerance);
    }

    [Theory]
    [BackendRows(nameof(Cases), GpuBackends.OpenCl)]
    public void Frames_that_miss_the_margin_are_refused_before_any_work(string backend, InputTransfer transfer, int channels, double scaleX, double scaleY)
    {
        using var current = Frame(channels);
        var window = new PixelRect((int)(4 * scaleX), (int)(10 * scaleY), (int)(70 * scaleX), (int)(60 * scaleY));
        var needed = TemporalStability.RequiredSourceRegion(window, scaleX, scaleY, Definition);
        using var short_ = new FloatImage(needed.Inflate(-1, -1), channels);
        using var session = GpuBackends.Open(backend);
        var model = session.Allocate(window, 3, fill: 0.25f);
        var settings = new UpscaleSettings { ScaleX = scaleX, ScaleY = scaleY, Transfer = transfer, TemporalStability = 1 };

        Assert.Throws<ArgumentException>(() => GpuTemporalStability.Blend(session.Primitives, session.Upload(current), session.Upload(short_),
                                                                           Definition, model, session.Allocate(window, 3), settings));
        using var untouched = session.Download(model);
        Assert.All(untouched.Pixels.ToArray(), v => Assert.Equal(0.25f, v));
    }

    private static FloatImage Frame(int channels)
    {
        var frame = PhotoCrops.Load("coffee", Definition.X1, Definition.Y1, Definition.Width, Definition.Height, channels);
        return channels == 4 ? PhotoCrops.WithAlphaRamp(frame) : frame;
    }

    /// <summary>The frame before: a patch 3 pixels to the side (it moved), faint noise (±0.6 level: still), a brighter corner.</summary>
    private static FloatImage PreviousOf(FloatImage current)
    {
        var previous = current.Clone();
        int c = current.Channels;
        var random = new Random(14);
        for (int y = Definition.Y1; y < Definition.Y2; y++)
            for (int x = Definition.X1; x < Definition.X2; x++)
                for (int k = 0; k < 3; k++)
                {
                    ref float v = ref previous.At(x, y, k);
                    if (x >= 30 && x < 50 && y >= 20 && y < 40) v = current.At(x + 3, y, k);
                    else if (x < 10 && y >= 50) v += 1.5f / 255;
                    else v += (float)(random.NextDouble() - 0.5) * 1.2f / 255;
                }
        return previous;
    }
}
