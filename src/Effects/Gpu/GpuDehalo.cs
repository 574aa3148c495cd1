using Enhance.Effects.Dehalo;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>
/// Dehalo on device images, whichever backend the host rendered with: <see cref="DehaloProcessor.Process"/>'s
/// contract (destination.Bounds is the window; the source covers RequiredInputRegion ∩ the definition, which
/// is edge-extended), computed on the host's queue or stream with no copies of the picture: the launches of
/// <see cref="DehaloGpuPlan"/> with the kernels of Gpu/Kernels/dehalo.cl. The only host→device transfers are
/// the blur's tap tables, and nothing waits for the device.
/// </summary>
public static class GpuDehalo
{
    public static void Apply(IGpuPrimitives primitives, DeviceImage source, PixelRect sourceDefinition, DeviceImage destination,
                             DehaloSettings settings)
    {
        switch (primitives)
        {
            case GpuPrimitives kernels:
                var plan = DehaloGpuPlan.Create(source, sourceDefinition, destination, settings);
                kernels.CheckFits(source);
                kernels.CheckFits(destination);
                DehaloPlanExecution.Run(plan, source, destination, new KernelDeviceBackend(kernels.Device));
                break;
            case CudaPrimitives ilgpu: // the ILGPU kernels, kept selectable until the single source is proven on a GPU
                CudaDehalo.Apply(ilgpu, source, sourceDefinition, destination, settings);
                break;
            case null:
                throw new ArgumentNullException(nameof(primitives));
            default:
                throw new ArgumentException($"Dehalo has no kernels for {primitives.GetType().Name} ({primitives.Backend}).", nameof(primitives));
        }
    }

    /// <summary>The kernel of Gpu/Kernels/dehalo.cl behind a plan step.</summary>
    internal static string KernelName(DehaloKernel kernel) => "enhance_dehalo_" + kernel.ToString().ToLowerInvariant();

    private sealed class KernelDeviceBackend(IKernelDevice device) : IDehaloPlanBackend
    {
        public IDeviceBuffer Create(DehaloBuffer spec) =>
            spec.Floats is { } floats ? device.Upload<float>(floats)
            : spec.Ints is { } ints ? device.Upload<int>(ints)
            : device.Allocate(spec.Bytes);

        public void Launch(DehaloGpuPlan plan, DehaloLaunch launch, nint[] handles)
        {
            var call = device.Kernel(KernelName(launch.Kernel));
            foreach (var a in launch.Arguments)
                call = a.Kind switch
                {
                    DehaloArgumentKind.Buffer => call.Mem(handles[a.Int]),
                    DehaloArgumentKind.Int => call.Int(a.Int),
                    _ => call.Float(a.Float),
                };
            call.Enqueue(launch.Width, launch.Height);
        }
    }
}
