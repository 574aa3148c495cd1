using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;

namespace Enhance.Effects.Gpu;

/// <summary>The process-wide GPU caches, for the host's purge-caches action and for unload.</summary>
public static class GpuCaches
{
    /// <summary>
    /// Releases OpenCL programs (and the contexts retained for them) and forgets CUDA modules. Safe
    /// while no render is running; the next GPU render rebuilds what it needs. The compiled PTX text
    /// is kept: it belongs to no context and costs nothing to hold.
    /// </summary>
    public static void Purge()
    {
        OpenClProgramCache.Purge();
        if (CudaDriver.IsAvailable) CudaModuleCache.Purge();
    }
}
