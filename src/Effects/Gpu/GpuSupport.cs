using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;

namespace Enhance.Effects.Gpu;

/// <summary>
/// What the plug-in may advertise in Describe (OfxImageEffectPropCudaRenderSupported,
/// OfxImageEffectPropCudaStreamSupported, OfxImageEffectPropOpenCLRenderSupported): only what
/// this machine can actually run, so a host never hands us device memory we cannot touch.
/// Probing loads the libraries once; it creates no context.
/// </summary>
public sealed record GpuSupport(bool Cuda, string CudaReason, bool OpenCl, string OpenClReason)
{
    private static readonly Lazy<GpuSupport> Probed = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    public static GpuSupport Current => Probed.Value;

    private static GpuSupport Probe()
    {
        bool cuda = CudaDriver.TryGet(out var cudaReason) is not null;
        bool openCl = OpenClRuntime.TryGet(out var openClReason) is not null;
        return new GpuSupport(cuda, cudaReason, openCl, openClReason);
    }
}
