using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// Dehalo in the host's CUDA context, on its stream: <see cref="DehaloProcessor.Process"/> on device images,
/// the ILGPU twin of <see cref="GpuDehalo"/> (same plan, kernels in C#, <see cref="CudaDehaloKernels"/>), kept until the single source is proven on a GPU.
/// Only the blur's tap tables are copied to the device (stream-ordered); nothing waits for the GPU.
/// </summary>
public static class CudaDehalo
{
    public static void Apply(CudaPrimitives primitives, DeviceImage source, PixelRect sourceDefinition, DeviceImage destination,
                             DehaloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(primitives);
        var plan = DehaloGpuPlan.Create(source, sourceDefinition, destination, settings);
        Fits(primitives, source, plan.Buffers[DehaloGpuPlan.SourceBuffer]);
        Fits(primitives, destination, plan.Buffers[DehaloGpuPlan.DestinationBuffer]);
        DehaloPlanExecution.Run(plan, source, destination, new Backend(primitives));
    }

    internal static string KernelName(DehaloKernel kernel) => "Dehalo" + kernel;

    private sealed class Backend(CudaPrimitives primitives) : IDehaloPlanBackend
    {
        public IDeviceBuffer Create(DehaloBuffer spec) =>
            spec.Floats is { } floats ? primitives.Upload(floats)
            : spec.Ints is { } ints ? primitives.Upload(ints)
            : primitives.Allocate(spec.Bytes);

        public void Launch(DehaloGpuPlan plan, DehaloLaunch launch, nint[] handles)
        {
            Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
            Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
            var args = new CudaKernelArguments(storage, pointers);
            foreach (var a in launch.Arguments)
                args = a.Kind switch
                {
                    DehaloArgumentKind.Buffer => args.View(handles[a.Int], plan.Buffers[a.Int].Elements),
                    DehaloArgumentKind.Int => args.Int(a.Int),
                    _ => args.Float(a.Float),
                };
            primitives.Launch(KernelName(launch.Kernel), args, launch.Width, launch.Height);
        }
    }

    // A kernel writing past an allocation faults the whole context, so the host's pointers are checked first.
    private static void Fits(CudaPrimitives primitives, DeviceImage image, DehaloBuffer spec)
    {
        long available = primitives.Driver.BytesAvailableFrom((ulong)image.Handle);
        if (available < spec.Bytes)
            throw new ArgumentException($"The CUDA allocation has {available} bytes from the {spec.Name} image pointer; {image.Bounds}x{image.Channels} floats need {spec.Bytes}.");
    }
}
