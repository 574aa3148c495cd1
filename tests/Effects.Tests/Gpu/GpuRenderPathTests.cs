using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.OpenCl;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>Choosing the render path from the host's GPU flags, and failing cleanly (so the host retries on the CPU).</summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuRenderPathTests
{
    [Fact]
    public void No_GPU_flag_means_the_CPU_path()
    {
        var path = GpuRenderPath.Select(GpuRenderRequest.Cpu);
        Assert.Equal(GpuBackend.Cpu, path.Backend);
        Assert.Null(path.Primitives);
        path.Complete();
    }

    [Fact]
    public void An_OpenCL_render_runs_on_the_host_queue_without_a_final_wait()
    {
        using var host = new OpenClTestHost();
        var path = GpuRenderPath.Select(GpuRenderRequest.OpenCl(host.Queue));
        Assert.Equal(GpuBackend.OpenCl, path.Backend);
        Assert.False(path.SynchronizeAtEnd);
        var primitives = Assert.IsType<GpuPrimitives>(path.Primitives);
        Assert.Equal(host.Queue, Assert.IsType<OpenClDevice>(primitives.Device).Queue);
        path.Complete();
    }

    [Fact]
    public void An_OpenCL_request_without_a_queue_fails_as_a_GPU_render_failure()
    {
        var e = Assert.Throws<GpuRenderException>(() => GpuRenderPath.Select(GpuRenderRequest.OpenCl(0)));
        Assert.Contains("no command queue", e.Message);
    }

    [Fact]
    public void A_CUDA_request_without_a_usable_context_fails_as_a_GPU_render_failure()
    {
        // No CUDA context is current on a test thread: without a driver that is "unavailable",
        // with one it is "no context"; either way the host must be told to retry on the CPU.
        var e = Assert.Throws<GpuRenderException>(() => GpuRenderPath.Select(GpuRenderRequest.Cuda(0)));
        Assert.Contains("CUDA", e.Message);
    }

    [Fact]
    public void CUDA_wins_when_a_host_sets_both_flags()
    {
        var request = new GpuRenderRequest(true, 0, true, 0);
        var e = Assert.Throws<GpuRenderException>(() => GpuRenderPath.Select(request));
        Assert.Contains("CUDA", e.Message);
        Assert.True(request.IsGpu);
    }

    [Fact]
    public void OpenCL_support_is_advertised_where_the_runtime_loads()
    {
        Assert.True(GpuSupport.Current.OpenCl, GpuSupport.Current.OpenClReason);
    }
}
