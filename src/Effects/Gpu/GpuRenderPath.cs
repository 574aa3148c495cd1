using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;

namespace Enhance.Effects.Gpu;

/// <summary>
/// Picks how one render runs from the host's GPU flags: CUDA in the host's current context on its
/// stream, OpenCL on its queue, or the CPU. A GPU request that we cannot serve throws
/// <see cref="GpuRenderException"/> (the host then retries on the CPU); it never falls back to the
/// CPU silently, because the images are device memory the CPU code cannot read.
/// Call <see cref="Complete"/> at the end of the render.
/// </summary>
public sealed class GpuRenderPath
{
    private GpuRenderPath(GpuBackend backend, IGpuPrimitives? primitives, bool synchronizeAtEnd, string description)
    {
        Backend = backend;
        Primitives = primitives;
        SynchronizeAtEnd = synchronizeAtEnd;
        Description = description;
    }

    public GpuBackend Backend { get; }

    /// <summary>The backend's primitives; null for <see cref="GpuBackend.Cpu"/>.</summary>
    public IGpuPrimitives? Primitives { get; }

    /// <summary>
    /// True for CUDA without a host stream: the OFX contract then requires all GPU work to be
    /// finished when render returns. With a stream (or an OpenCL queue) we only enqueue.
    /// </summary>
    public bool SynchronizeAtEnd { get; }

    /// <summary>A line for logs: which path and why.</summary>
    public string Description { get; }

    public static GpuRenderPath Cpu { get; } = new(GpuBackend.Cpu, null, false, "CPU render (host memory)");

    /// <summary>Chooses the path for a render (CUDA first if a host somehow enables both).</summary>
    public static GpuRenderPath Select(GpuRenderRequest request)
    {
        if (request.CudaEnabled) return SelectCuda(request.CudaStream);
        if (request.OpenClEnabled) return SelectOpenCl(request.OpenClCommandQueue);
        return Cpu;
    }

    private static GpuRenderPath SelectCuda(nint stream)
    {
        var driver = CudaDriver.TryGet(out var reason)
                     ?? throw new GpuRenderException($"The host asked for a CUDA render, but CUDA is unavailable: {reason}.");
        try
        {
            IGpuPrimitives primitives = CudaKernelChoice.Current == CudaKernelSource.Ilgpu
                ? CudaPrimitives.ForCurrentContext(driver, stream)
                : new GpuPrimitives(CudaKernelDevice.ForCurrentContext(driver, stream));
            return new GpuRenderPath(GpuBackend.Cuda, primitives, stream == 0,
                stream == 0 ? "CUDA render on the default stream (synchronised at the end)" : "CUDA render on the host's stream");
        }
        catch (CudaException e)
        {
            throw new GpuRenderException("The CUDA render could not start: " + e.Message, e);
        }
    }

    private static GpuRenderPath SelectOpenCl(nint queue)
    {
        if (queue == 0) throw new GpuRenderException("The host asked for an OpenCL render but gave no command queue.");
        if (OpenClRuntime.TryGet(out var reason) is null)
            throw new GpuRenderException($"The host asked for an OpenCL render, but OpenCL is unavailable: {reason}.");
        try
        {
            return new GpuRenderPath(GpuBackend.OpenCl, new GpuPrimitives(OpenClDevice.FromHostQueue(queue)), false, "OpenCL render on the host's queue");
        }
        catch (OpenClException e)
        {
            throw new GpuRenderException("The OpenCL render could not start: " + e.Message, e);
        }
    }

    /// <summary>Ends the render: waits for the GPU only where the OFX contract requires it.</summary>
    public void Complete()
    {
        if (SynchronizeAtEnd) Primitives!.Synchronize();
    }
}
