using Enhance.Effects.Dehalo;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>
/// Dehalo on device images, whichever backend the host rendered with: <see cref="DehaloProcessor.Process"/>'s
/// contract (destination.Bounds is the window; the source covers RequiredInputRegion ∩ the definition, which
/// is edge-extended), computed on the host's queue or stream with no copies of the picture.
/// </summary>
public static class GpuDehalo
{
    public static void Apply(IGpuPrimitives primitives, DeviceImage source, PixelRect sourceDefinition, DeviceImage destination,
                             DehaloSettings settings)
    {
        switch (primitives)
        {
            case OpenClPrimitives openCl:
                OpenClDehalo.Apply(openCl, source, sourceDefinition, destination, settings);
                break;
            case CudaPrimitives cuda:
                CudaDehalo.Apply(cuda, source, sourceDefinition, destination, settings);
                break;
            case null:
                throw new ArgumentNullException(nameof(primitives));
            default:
                throw new ArgumentException($"Dehalo has no kernels for {primitives.GetType().Name} ({primitives.Backend}).", nameof(primitives));
        }
    }
}
