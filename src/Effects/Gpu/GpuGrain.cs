using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Grain;

namespace Enhance.Effects.Gpu;

/// <summary>
/// The Grain effect on whichever device the host rendered with: <see cref="GrainRenderer.Apply"/> on device
/// images (same arguments, same result within the conformance bound), with the kernels of Gpu/Kernels/grain.cl.
/// The grain fields for the window are synthesised on the device (hash, filter across, filter down) and
/// added in one pass; nothing waits for the device. Nodes call this one entry point and never name a backend.
/// </summary>
public static class GpuGrain
{
    public static void Apply(IGpuPrimitives primitives, DeviceImage source, DeviceImage destination, GrainSettings settings,
                             GrainProfile? matched, double time, int frameHeight, double renderScale)
    {
        switch (primitives)
        {
            case GpuPrimitives kernels:
                Run(kernels, source, destination, settings, matched, time, frameHeight, renderScale);
                break;
            case CudaPrimitives ilgpu: // the ILGPU kernels, kept selectable until the single source is proven on a GPU
                CudaGrain.Apply(ilgpu, source, destination, settings, matched, time, frameHeight, renderScale);
                break;
            case null:
                throw new ArgumentNullException(nameof(primitives));
            default:
                throw new ArgumentException($"No Grain kernels for {primitives.Backend} primitives ({primitives.GetType().Name}).", nameof(primitives));
        }
    }

    private static void Run(GpuPrimitives primitives, DeviceImage source, DeviceImage destination, GrainSettings settings,
                            GrainProfile? matched, double time, int frameHeight, double renderScale)
    {
        GrainGpuPlan.CheckImages(source, destination);
        var plan = GrainGpuPlan.Create(settings, matched, time, frameHeight, renderScale);
        if (!plan.AddsGrain && !plan.GrainOnly)
        {
            primitives.Copy(source, destination);
            return;
        }
        primitives.CheckFits(source);
        primitives.CheckFits(destination);

        var device = primitives.Device;
        var window = destination.Bounds;
        int width = window.Width, height = window.Height;
        int fieldCount = plan.Streams.Length;
        using var taps = device.Upload<float>(plan.Taps);
        using var table = device.Upload<float>(plan.Table);
        using var streams = device.Upload<uint>(plan.Streams);
        using var fields = device.Allocate((long)fieldCount * width * height * sizeof(float));
        if (plan.AddsGrain)
        {
            int rows = height + plan.Taps.Length - 1;
            using var filtered = device.Allocate((long)fieldCount * rows * width * sizeof(float));
            device.Kernel("enhance_grain_h")
                .Mem(streams.Handle).Mem(taps.Handle).Int(plan.Taps.Length)
                .Int(window.X1).Int(window.Y1).Int(width).Int(rows).Float(GrainGpuPlan.NoiseScale).Mem(filtered.Handle)
                .Enqueue(width, rows, fieldCount);
            device.Kernel("enhance_grain_v")
                .Mem(filtered.Handle).Mem(taps.Handle).Int(plan.Taps.Length).Int(width).Int(height).Mem(fields.Handle)
                .Enqueue(width, height, fieldCount);
        }
        else
        {
            // Grain-only view of "no grain": mid grey, from a zero table over zero fields.
            device.Zero(fields.Handle, fields.Bytes);
        }
        device.Kernel("enhance_grain_combine")
            .Mem(source.Handle).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride)
            .Mem(destination.Handle).Int(window.X1).Int(window.Y1).Int(destination.Channels)
            .Mem(fields.Handle).Int(fieldCount).Int(width).Int(height)
            .Mem(table.Handle).Int(plan.LogSpace ? 1 : 0).Int(plan.GrainOnly ? 1 : 0)
            .Float(plan.Saturation).Float(plan.MixNormaliser)
            .Float(GrainGpuPlan.LogOfToe).Float(GrainGpuPlan.LogRange).Float(GrainGpuPlan.SlopeAtBlack)
            .Enqueue(width, height);
    }
}
