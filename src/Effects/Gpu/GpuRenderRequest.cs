namespace Enhance.Effects.Gpu;

/// <summary>
/// The GPU flags of one OFX render call, as the bridge reads them from the render arguments:
/// OfxImageEffectPropCudaEnabled / OfxImageEffectPropCudaStream and
/// OfxImageEffectPropOpenCLEnabled / OfxImageEffectPropOpenCLCommandQueue. With either enabled,
/// the images' data pointers are device memory (CUdeviceptr / cl_mem), not host memory.
/// </summary>
public readonly record struct GpuRenderRequest(bool CudaEnabled, nint CudaStream, bool OpenClEnabled, nint OpenClCommandQueue)
{
    /// <summary>A plain CPU render.</summary>
    public static GpuRenderRequest Cpu => default;

    public static GpuRenderRequest Cuda(nint stream) => new(true, stream, false, 0);

    public static GpuRenderRequest OpenCl(nint queue) => new(false, 0, true, queue);

    public bool IsGpu => CudaEnabled || OpenClEnabled;
}
