using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>
/// Dehalo on the host's OpenCL queue: <see cref="DehaloProcessor.Process"/> on device images (same
/// arguments, same result within 1e-4). Runs <see cref="DehaloGpuPlan"/>'s launches with the kernels of
/// Kernels/dehalo.cl; the only host→device transfers are the blur's tap tables (made with the buffers,
/// no queue command), and nothing waits for the device.
/// </summary>
public static class OpenClDehalo
{
    public static void Apply(OpenClPrimitives primitives, DeviceImage source, PixelRect sourceDefinition, DeviceImage destination,
                             DehaloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(primitives);
        var plan = DehaloGpuPlan.Create(source, sourceDefinition, destination, settings);
        var device = primitives.Device;
        Fits(device, source, plan.Buffers[DehaloGpuPlan.SourceBuffer]);
        Fits(device, destination, plan.Buffers[DehaloGpuPlan.DestinationBuffer]);
        DehaloPlanExecution.Run(plan, source, destination, new Backend(device));
    }

    internal static string KernelName(DehaloKernel kernel) => "enhance_dehalo_" + kernel.ToString().ToLowerInvariant();

    private sealed class Backend(OpenClDevice device) : IDehaloPlanBackend
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

    // A kernel writing past a cl_mem corrupts the device, so the host's buffers are checked first.
    private static void Fits(OpenClDevice device, DeviceImage image, DehaloBuffer spec)
    {
        long size = device.SizeOf(image.Handle);
        if (size < spec.Bytes)
            throw new ArgumentException($"The OpenCL buffer holds {size} bytes but the {spec.Name} image {image.Bounds}x{image.Channels} needs {spec.Bytes}.");
    }
}
