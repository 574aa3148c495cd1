using Enhance.Effects.Dehalo;
using Enhance.Effects.Gpu;
using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// Samples a host does send (NaN, infinities, 1e30, −3e38, a NaN alpha) read by every kernel that reads the
/// host's memory in place: the GPU result must be exactly what the CPU node computes from the image it
/// converted through <see cref="FiniteSamples"/>, and finite. Without this, one NaN pixel spreads through
/// the Lanczos taps (and Grain and Dehalo) on the GPU while the CPU node stops it at the door.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuHostSampleTests
{
    private const string Copy = "copy", Resample = "resample ×1.7", Straight = "straight RGB for display", GrainOp = "grain", DehaloOp = "dehalo";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var backend in new[] { GpuBackends.OpenCl, GpuBackends.Cuda })
            foreach (var op in new[] { Copy, Resample, Straight, GrainOp, DehaloOp })
                data.Add(backend, op);
        return data;
    }

    [Theory]
    [BackendRows(nameof(Cases), GpuBackends.OpenCl)]
    [BackendRows(nameof(Cases), GpuBackends.Cuda)]
    public void Hostile_host_samples_read_as_the_CPU_node_reads_them(string backend, string operation)
    {
        using var raw = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("rocket", -7, 3, 72, 56));
        Spoil(raw);
        using var converted = raw.Clone();
        FiniteSamples.Copy(raw.Pixels, converted.Pixels);   // what HostImageConverter gives the CPU node

        using var session = GpuBackends.Open(backend);
        var device = session.Upload(raw);
        var (expected, actual) = operation switch
        {
            Copy => CopyBoth(session, converted, device),
            Resample => ResampleBoth(session, converted, device),
            Straight => StraightBoth(session, converted, device),
            GrainOp => GrainBoth(session, converted, device),
            _ => DehaloBoth(session, converted, device),
        };
        using (expected)
        using (actual)
        {
            Assert.All(actual.Pixels.ToArray(), v => Assert.True(float.IsFinite(v), $"{operation} let {v} out"));
            Assert.Equal(0, QualityMetrics.MaxAbsoluteDifference(expected, actual), ConformanceTolerance.Exact(backend));
        }
    }

    /// <summary>Hostile values in colour and alpha, inside the area every operation reads.</summary>
    private static void Spoil(FloatImage image)
    {
        float[] hostile = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e30f, -3e38f, 70000f];
        int stride = image.Width * 4;
        for (int i = 0; i < hostile.Length; i++)
        {
            int at = (10 + 6 * i) * stride + (12 + 7 * i) * 4;
            image.Pixels[at + i % 3] = hostile[i];
        }
        image.Pixels[30 * stride + 40 * 4 + 3] = float.NaN;   // a NaN alpha
    }

    private static (FloatImage, FloatImage) CopyBoth(GpuTestSession session, FloatImage converted, DeviceImage device)
    {
        var window = new PixelRect(-3, 8, 50, 50);
        var expected = new FloatImage(window, 4);
        expected.CopyFrom(converted);
        var output = session.Allocate(window, 4);
        session.Primitives.Copy(device, output);
        return (expected, session.Download(output));
    }

    private static (FloatImage, FloatImage) ResampleBoth(GpuTestSession session, FloatImage converted, DeviceImage device)
    {
        var window = new PixelRect(-10, 6, 100, 90);
        var expected = new FloatImage(window, 4);
        LanczosResampler.Resample(converted, converted.Bounds, expected, 1.7, 1.7);
        var output = session.Allocate(window, 4);
        session.Primitives.Resample(device, converted.Bounds, output, 1.7, 1.7);
        return (expected, session.Download(output));
    }

    private static (FloatImage, FloatImage) StraightBoth(GpuTestSession session, FloatImage converted, DeviceImage device)
    {
        var region = new PixelRect(-5, 5, 60, 55);
        var expected = UpscaleRenderer.ClippedStraightRgb(converted, region);
        var output = session.Allocate(region, 3);
        session.Primitives.StraightRgb(device, output, PlanarEncoding.ModelDisplay);
        return (expected, session.Download(output));
    }

    private static (FloatImage, FloatImage) GrainBoth(GpuTestSession session, FloatImage converted, DeviceImage device)
    {
        var window = new PixelRect(-4, 6, 60, 56);
        var settings = new GrainSettings { Amount = 0.08 };
        var expected = new FloatImage(window, 4);
        GrainRenderer.Apply(converted, expected, settings, null, time: 3.0, frameHeight: 1080, renderScale: 1.0);
        var output = session.Allocate(window, 4);
        GpuGrain.Apply(session.Primitives, device, output, settings, null, 3.0, 1080, 1.0);
        return (expected, session.Download(output));
    }

    private static (FloatImage, FloatImage) DehaloBoth(GpuTestSession session, FloatImage converted, DeviceImage device)
    {
        var window = new PixelRect(0, 8, 60, 52);
        var settings = new DehaloSettings();
        var expected = new FloatImage(window, 4);
        DehaloProcessor.Process(converted, converted.Bounds, expected, settings);
        var output = session.Allocate(window, 4);
        GpuDehalo.Apply(session.Primitives, device, converted.Bounds, output, settings);
        return (expected, session.Download(output));
    }
}
