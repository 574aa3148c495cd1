using Enhance.Effects.Gpu.OpenCl;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>The OpenCL wrapper built from nothing but the host's queue handle, and the per-context program cache.</summary>
[Collection(GpuTestCollection.Name)]
public sealed class OpenClDeviceTests
{
    [Fact]
    public void A_device_from_the_host_queue_finds_the_queue_context_and_device()
    {
        using var host = new OpenClTestHost();
        var device = OpenClDevice.FromHostQueue(host.Queue);
        Assert.Equal(host.Queue, device.Queue);
        Assert.Equal(host.Context, device.Context);
        Assert.Equal(host.Device, device.Device);
    }

    [Fact]
    public void The_program_is_built_once_per_context_even_from_many_threads()
    {
        using var host = new OpenClTestHost();
        var programs = new OpenClProgram[8];
        Parallel.For(0, programs.Length, i => programs[i] = OpenClDevice.FromHostQueue(host.Queue).Program);
        Assert.All(programs, p => Assert.Same(programs[0], p));
        Assert.Equal(host.Context, programs[0].Context);

        using var otherHost = new OpenClTestHost();
        var other = OpenClDevice.FromHostQueue(otherHost.Queue).Program;
        Assert.NotSame(programs[0], other);
        Assert.Equal(otherHost.Context, other.Context);
    }

    [Fact]
    public void A_null_queue_is_refused_with_a_sentence()
    {
        var e = Assert.Throws<ArgumentException>(() => OpenClDevice.FromHostQueue(0));
        Assert.Contains("command queue", e.Message);
    }

    [Fact]
    public void The_embedded_kernel_source_holds_every_kernel_the_primitives_launch()
    {
        foreach (var kernel in new[] { "enhance_copy", "enhance_resample_h", "enhance_resample_v", "enhance_add_detail", "enhance_to_planar", "enhance_from_planar" })
            Assert.Contains("__kernel void " + kernel + "(", OpenClProgram.Source);
    }

    [Fact]
    public void A_host_buffer_size_is_read_from_the_cl_mem()
    {
        using var host = new OpenClTestHost();
        var device = OpenClDevice.FromHostQueue(host.Queue);
        using var buffer = device.Allocate(12345);
        Assert.Equal(12345, device.BytesFrom(buffer.Handle));
    }

    [Fact]
    public void Purging_drops_the_program_and_the_next_render_builds_a_new_one()
    {
        using var host = new OpenClTestHost();
        var first = OpenClDevice.FromHostQueue(host.Queue).Program;
        Enhance.Effects.Gpu.GpuCaches.Purge();
        Assert.Throws<ObjectDisposedException>(() => first.CreateKernel("enhance_copy"));
        var second = OpenClDevice.FromHostQueue(host.Queue).Program;
        Assert.NotSame(first, second);
        nint kernel = second.CreateKernel("enhance_copy");
        Assert.NotEqual(0, kernel);
        host.Api.ReleaseKernel(kernel);
    }
}
