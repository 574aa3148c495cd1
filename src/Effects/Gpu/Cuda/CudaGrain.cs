using Enhance.Effects.Grain;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The Grain effect in the host's CUDA context, on its stream: <see cref="GrainRenderer.Apply"/> on
/// device images, the ILGPU twin of <see cref="GpuGrain"/> (same plan, kernels in C#), kept until the single source is proven on a GPU.
/// </summary>
public static class CudaGrain
{
    public static void Apply(CudaPrimitives primitives, DeviceImage source, DeviceImage destination, GrainSettings settings,
                             GrainProfile? matched, double time, int frameHeight, double renderScale)
    {
        GrainGpuPlan.CheckImages(source, destination);
        var plan = GrainGpuPlan.Create(settings, matched, time, frameHeight, renderScale);
        if (!plan.AddsGrain && !plan.GrainOnly)
        {
            primitives.Copy(source, destination);
            return;
        }

        var window = destination.Bounds;
        int width = window.Width, height = window.Height, fieldCount = plan.Streams.Length;
        long fieldFloats = (long)fieldCount * width * height;
        using var taps = primitives.Upload(plan.Taps);
        using var table = primitives.Upload(plan.Table);
        using var streams = primitives.Upload(plan.Streams);
        using var fields = (CudaBuffer)primitives.Allocate(fieldFloats * sizeof(float));
        if (plan.AddsGrain)
        {
            int rows = height + plan.Taps.Length - 1;
            using var filtered = (CudaBuffer)primitives.Allocate((long)fieldCount * rows * width * sizeof(float));
            Span<byte> s1 = stackalloc byte[CudaKernelArguments.StorageBytes];
            Span<nint> p1 = stackalloc nint[CudaKernelArguments.MaxArguments];
            var h = new CudaKernelArguments(s1, p1)
                .View(streams.Handle, plan.Streams.Length).View(taps.Handle, plan.Taps.Length).Int(plan.Taps.Length)
                .Int(window.X1).Int(window.Y1).Int(width).Int(rows).Float(GrainGpuPlan.NoiseScale)
                .View(filtered.Handle, filtered.Bytes / sizeof(float));
            primitives.Launch(nameof(CudaGrainKernels.GrainHorizontal), h, width, rows, fieldCount);
            Span<byte> s2 = stackalloc byte[CudaKernelArguments.StorageBytes];
            Span<nint> p2 = stackalloc nint[CudaKernelArguments.MaxArguments];
            var v = new CudaKernelArguments(s2, p2)
                .View(filtered.Handle, filtered.Bytes / sizeof(float)).View(taps.Handle, plan.Taps.Length).Int(plan.Taps.Length)
                .Int(width).Int(height).View(fields.Handle, fieldFloats);
            primitives.Launch(nameof(CudaGrainKernels.GrainVertical), v, width, height, fieldCount);
        }
        else
        {
            // Grain-only view of "no grain": mid grey, from a zero table over zero fields.
            primitives.Driver.Fill((ulong)fields.Handle, 0, fieldFloats, primitives.Stream);
        }
        Span<byte> s3 = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> p3 = stackalloc nint[CudaKernelArguments.MaxArguments];
        var c = new CudaKernelArguments(s3, p3)
            .View(source.Handle, source.Bounds.Area * source.Channels).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride)
            .View(destination.Handle, destination.Bounds.Area * destination.Channels).Int(window.X1).Int(window.Y1).Int(destination.Channels)
            .View(fields.Handle, fieldFloats).Int(fieldCount).Int(width).Int(height)
            .View(table.Handle, plan.Table.Length).Int(plan.LogSpace ? 1 : 0).Int(plan.GrainOnly ? 1 : 0)
            .Float(plan.Saturation).Float(plan.MixNormaliser)
            .Float(GrainGpuPlan.LogOfToe).Float(GrainGpuPlan.LogRange).Float(GrainGpuPlan.SlopeAtBlack);
        primitives.Launch(nameof(CudaGrainKernels.GrainCombine), c, width, height);
    }
}
