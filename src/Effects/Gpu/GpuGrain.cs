using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;
using Enhance.Effects.Grain;

namespace Enhance.Effects.Gpu;

/// <summary>
/// The Grain effect on whichever device the host rendered with: <see cref="GrainRenderer.Apply"/>
/// on device images, sent to the backend's kernels (OpenCL C on the host's queue, PTX on the host's
/// CUDA stream). Nodes call this one entry point and never name a backend.
/// </summary>
public static class GpuGrain
{
    public static void Apply(IGpuPrimitives primitives, DeviceImage source, DeviceImage destination, GrainSettings settings,
                             GrainProfile? matched, double time, int frameHeight, double renderScale)
    {
        switch (primitives)
        {
            case OpenClPrimitives openCl:
                OpenClGrain.Apply(openCl, source, destination, settings, matched, time, frameHeight, renderScale);
                break;
            case CudaPrimitives cuda:
                CudaGrain.Apply(cuda, source, destination, settings, matched, time, frameHeight, renderScale);
                break;
            default:
                throw new ArgumentException($"No Grain kernels for {primitives.Backend} primitives ({primitives.GetType().Name}).", nameof(primitives));
        }
    }
}
