using Enhance.Effects.Gpu;
using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// What the nodes rely on when they render on either GPU backend: <see cref="GpuGrain"/> sends the
/// work to the backend's own kernels (same result as the CPU renderer), and
/// <see cref="IGpuPrimitives.Transfers"/> counts exactly the frame bytes moved between host and
/// device — none for the kernels, every byte for Upload/Download/ReadBytes/WriteBytes. OpenCL
/// (pocl) always; CUDA where a device exists, else its rows are skipped with the reason.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class CudaWiringTests
{
    [Theory]
    [BackendRows(nameof(GpuBackends.All), GpuBackends.OpenCl, MemberType = typeof(GpuBackends))]
    [BackendRows(nameof(GpuBackends.All), GpuBackends.Cuda, MemberType = typeof(GpuBackends))]
    public void Grain_through_the_dispatcher_matches_the_CPU_and_copies_no_frame_bytes(string backend)
    {
        using var session = GpuBackends.Open(backend);
        var settings = new GrainSettings { Amount = 0.08 };
        using var source = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("coffee", 10, 5, 90, 70));
        var window = new PixelRect(14, 9, 96, 70);
        using var expected = new FloatImage(window, 4);
        GrainRenderer.Apply(source, expected, settings, null, 4.0, 1080, 1.0);

        var gpuSource = session.Upload(source);
        var gpuOut = session.Allocate(window, 4);
        session.Primitives.Synchronize();
        var before = (session.Primitives.Transfers.BytesToHost, session.Primitives.Transfers.BytesToDevice);
        GpuGrain.Apply(session.Primitives, gpuSource, gpuOut, settings, null, 4.0, 1080, 1.0);
        session.Primitives.Synchronize();
        Assert.Equal(before, (session.Primitives.Transfers.BytesToHost, session.Primitives.Transfers.BytesToDevice));

        using var actual = session.Download(gpuOut);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, 1e-4);
    }

    [Theory]
    [BackendRows(nameof(GpuBackends.All), GpuBackends.OpenCl, MemberType = typeof(GpuBackends))]
    [BackendRows(nameof(GpuBackends.All), GpuBackends.Cuda, MemberType = typeof(GpuBackends))]
    public void Transfers_count_every_frame_byte_and_kernels_count_none(string backend)
    {
        using var session = GpuBackends.Open(backend);
        var counter = session.Primitives.Transfers;
        using var source = PhotoCrops.Load("rocket", 0, 0, 40, 30, 3);
        long frame = 40L * 30 * 3 * sizeof(float);
        var device = session.Upload(source);                        // a marker fill, then the pixels
        Assert.Equal((0L, 2 * frame), (counter.BytesToHost, counter.BytesToDevice));

        var output = new PixelRect(0, 0, 80, 60);
        var upscaled = session.Allocate(output, 3);                 // + the marker fill of 80×60
        long upscaledBytes = 80L * 60 * 3 * sizeof(float);
        session.Primitives.Resample(device, source.Bounds, upscaled, 2, 2);
        Assert.Equal((0L, 2 * frame + upscaledBytes), (counter.BytesToHost, counter.BytesToDevice));

        using var back = session.Download(upscaled);
        using var expected = new FloatImage(output, 3);
        LanczosResampler.Resample(source, source.Bounds, expected, 2, 2);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, back), 0, 1e-4);
        Assert.Equal(upscaledBytes, counter.BytesToHost);

        var bytes = session.Buffer(64);
        session.Primitives.WriteBytes(new byte[48], bytes.Handle);
        session.Primitives.Synchronize();
        session.Primitives.ReadBytes(bytes.Handle, new byte[20]);
        Assert.Equal((upscaledBytes + 20, 2 * frame + upscaledBytes + 48), (counter.BytesToHost, counter.BytesToDevice));
    }

    /// <summary>
    /// The checks behind binding ONNX Runtime's CUDA provider to the host's memory (DeviceModelRunners.For):
    /// a context the host created itself is not the device's primary context, the primary context is,
    /// and the host's current context can be read back and restored after a library switched it.
    /// </summary>
    [CudaFact]
    public void The_primary_context_check_tells_a_host_context_from_the_devices_primary_one()
    {
        using var host = CudaTestHost.TryCreate(out var reason)
                         ?? throw new InvalidOperationException($"no CUDA host where CudaFact found CUDA: {reason}");
        var driver = host.Driver;
        int device = driver.CurrentDevice();
        Assert.Equal(0, device);
        Assert.False(driver.IsPrimaryContext(host.Context, device));
        nint primary = host.RetainPrimaryContext();
        try
        {
            Assert.NotEqual(host.Context, primary);
            Assert.True(driver.IsPrimaryContext(primary, device));
            Assert.False(driver.IsPrimaryContext(host.Context, device));
            driver.SetCurrentContext(primary);       // what cudaSetDevice in a library does to the thread
            Assert.Equal(0, driver.CurrentDevice());
            driver.SetCurrentContext(host.Context);  // what the runner restores
            Assert.Equal(host.Context, driver.CurrentContext());
        }
        finally
        {
            host.ReleasePrimaryContext();
        }
    }
}
