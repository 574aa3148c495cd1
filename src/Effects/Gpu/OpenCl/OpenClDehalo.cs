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
        var handles = new nint[plan.Buffers.Count];
        var owned = new Dictionary<int, OpenClBuffer>();
        try
        {
            handles[DehaloGpuPlan.SourceBuffer] = source.Handle;
            handles[DehaloGpuPlan.DestinationBuffer] = destination.Handle;
            for (int i = 0; i < plan.Launches.Count; i++)
            {
                var (create, release) = plan.Schedule[i];
                foreach (int b in create)
                {
                    var spec = plan.Buffers[b];
                    var buffer = spec.Floats is { } floats ? device.Upload<float>(floats)
                               : spec.Ints is { } ints ? device.Upload<int>(ints)
                               : device.Allocate(spec.Bytes);
                    owned.Add(b, buffer);
                    handles[b] = buffer.Handle;
                }
                var launch = plan.Launches[i];
                var call = device.Kernel(KernelName(launch.Kernel));
                foreach (var a in launch.Arguments)
                    call = a.Kind switch
                    {
                        DehaloArgumentKind.Buffer => call.Mem(handles[a.Int]),
                        DehaloArgumentKind.Int => call.Int(a.Int),
                        _ => call.Float(a.Float),
                    };
                call.Enqueue(launch.Width, launch.Height);
                // OpenCL frees a released buffer only after the queued commands using it finish.
                foreach (int b in release)
                    if (owned.Remove(b, out var done)) done.Dispose();
            }
        }
        finally
        {
            foreach (var buffer in owned.Values) buffer.Dispose();
        }
    }

    internal static string KernelName(DehaloKernel kernel) => "enhance_dehalo_" + kernel.ToString().ToLowerInvariant();

    // A kernel writing past a cl_mem corrupts the device, so the host's buffers are checked first.
    private static void Fits(OpenClDevice device, DeviceImage image, DehaloBuffer spec)
    {
        long size = device.SizeOf(image.Handle);
        if (size < spec.Bytes)
            throw new ArgumentException($"The OpenCL buffer holds {size} bytes but the {spec.Name} image {image.Bounds}x{image.Channels} needs {spec.Bytes}.");
    }
}
