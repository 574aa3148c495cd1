using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;

namespace Enhance.Effects.Gpu;

/// <summary>
/// Whether a device failure is the card running short of memory (which smaller model cells can get
/// around) rather than a fault: CUDA_ERROR_OUT_OF_MEMORY from the driver, OpenCL's allocation
/// failures, or ONNX Runtime's CUDA allocator refusing a buffer (it reports that in words only).
/// </summary>
public static class DeviceMemoryShortage
{
    private const int CudaErrorOutOfMemory = 2;
    private const int ClMemObjectAllocationFailure = -4, ClOutOfResources = -5, ClOutOfHostMemory = -6;

    public static bool Is(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case CudaException cuda when cuda.Result == CudaErrorOutOfMemory:
                case OpenClException cl when cl.ErrorCode is ClMemObjectAllocationFailure or ClOutOfResources or ClOutOfHostMemory:
                    return true;
            }
            if (e.GetType().Name == "OnnxRuntimeException"
                && (e.Message.Contains("Failed to allocate memory", StringComparison.OrdinalIgnoreCase)
                    || e.Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase)))
                return true;
        }
        return false;
    }
}
