using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>
/// The GPU primitives on any backend, written once: which kernel of Gpu/Kernels, with which arguments,
/// over which grid. <see cref="DeviceImage.Handle"/> is the backend's buffer (cl_mem, CUdeviceptr).
/// Everything is enqueued in order on the host's queue or stream; temporaries are released right away
/// (OpenCL defers the free until the commands using them finish, CUDA frees in stream order), so no
/// call waits for the device except the explicit transfers to the CPU.
/// </summary>
public sealed class GpuPrimitives(IKernelDevice device) : IGpuPrimitives
{
    public IKernelDevice Device { get; } = device ?? throw new ArgumentNullException(nameof(device));

    public GpuBackend Backend => Device.Backend;

    public GpuTransferCounter Transfers { get; } = new();

    public IDeviceBuffer Allocate(long bytes) => Device.Allocate(bytes);

    public void Copy(DeviceImage source, DeviceImage destination)
    {
        var area = PrimitiveChecks.CopyArea(source, destination);
        CheckFits(source); CheckFits(destination);
        if (area.IsEmpty) return;
        int c = source.Channels;
        Device.Kernel("enhance_copy")
            .Mem(source.Handle).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride)
            .Mem(destination.Handle).Int(destination.Bounds.X1).Int(destination.Bounds.Y1).Int(destination.Stride)
            .Int(area.X1).Int(area.Y1).Int(area.Width * c).Int(area.Height).Int(c)
            .Enqueue(area.Width * c, area.Height);
    }

    public void Resample(DeviceImage source, PixelRect sourceDefinition, DeviceImage destination, double scaleX, double scaleY)
    {
        var plan = ResamplePlan.Create(source, sourceDefinition, destination, scaleX, scaleY);
        CheckFits(source); CheckFits(destination);
        int c = source.Channels;
        var output = destination.Bounds;
        using var firstX = Device.Upload<int>(plan.Horizontal.FirstSource);
        using var weightsX = Device.Upload<float>(plan.Horizontal.Weights);
        using var firstY = Device.Upload<int>(plan.Vertical.FirstSource);
        using var weightsY = Device.Upload<float>(plan.Vertical.Weights);
        using var temp = Device.Allocate(plan.TempBytes);
        Device.Kernel("enhance_resample_h")
            .Mem(source.Handle).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride).Int(c)
            .Mem(temp.Handle).Int(plan.TempFirstRow).Int(plan.TempRows).Int(output.Width)
            .Mem(firstX.Handle).Mem(weightsX.Handle).Int(plan.Horizontal.TapCount)
            .Enqueue(output.Width * c, plan.TempRows);
        Device.Kernel("enhance_resample_v")
            .Mem(temp.Handle).Int(plan.TempFirstRow).Int(plan.TempStride)
            .Mem(destination.Handle).Int(destination.Stride).Int(0).Int(0)
            .Int(output.Width * c).Int(output.Height)
            .Mem(firstY.Handle).Mem(weightsY.Handle).Int(plan.Vertical.TapCount)
            .Enqueue(output.Width * c, output.Height);
    }

    public void AddDetail(DeviceImage destination, DeviceImage model, DeviceImage reference, float strength, float detailLimit)
    {
        PrimitiveChecks.Detail(destination, model, reference, strength, detailLimit);
        CheckFits(destination); CheckFits(model); CheckFits(reference);
        var area = destination.Bounds;
        Device.Kernel("enhance_add_detail")
            .Mem(destination.Handle).Int(destination.Channels).Mem(model.Handle).Mem(reference.Handle)
            .Int(area.Width).Int(area.Height).Float(strength).Float(detailLimit)
            .Enqueue(area.Width, area.Height);
    }

    public void ToPlanarRgb(DeviceImage source, PixelRect area, nint planar, PlanarElement element, bool topRowFirst, PlanarEncoding encoding = PlanarEncoding.AsIs)
    {
        PrimitiveChecks.Planar(source, area, planar, needsColour: false);
        CheckFits(source); FitsPlanar(planar, area, element);
        Device.Kernel("enhance_to_planar")
            .Mem(source.Handle).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride).Int(source.Channels)
            .Int(area.X1).Int(area.Y1).Int(area.Width).Int(area.Height).Int(topRowFirst ? 1 : 0)
            .Mem(planar).Int(element == PlanarElement.Float16 ? 1 : 0).Int((int)encoding)
            .Enqueue(area.Width, area.Height);
    }

    public void FromPlanarRgb(nint planar, PlanarElement element, PixelRect area, DeviceImage destination, bool topRowFirst, PlanarEncoding encoding = PlanarEncoding.AsIs)
    {
        PrimitiveChecks.Planar(destination, area, planar, needsColour: true);
        CheckFits(destination); FitsPlanar(planar, area, element);
        Device.Kernel("enhance_from_planar")
            .Mem(planar).Int(element == PlanarElement.Float16 ? 1 : 0)
            .Mem(destination.Handle).Int(destination.Bounds.X1).Int(destination.Bounds.Y1).Int(destination.Stride).Int(destination.Channels)
            .Int(area.X1).Int(area.Y1).Int(area.Width).Int(area.Height).Int(topRowFirst ? 1 : 0).Int((int)encoding)
            .Enqueue(area.Width, area.Height);
    }

    public void ClampAlpha(DeviceImage image)
    {
        image.Validate(nameof(image));
        CheckFits(image);
        if (!CpuPrimitives.HasAlpha(image.Channels)) return;
        Device.Kernel("enhance_clamp_alpha").Mem(image.Handle).Int((int)image.Bounds.Area).Int(image.Channels)
            .Enqueue(image.Bounds.Area, 1);
    }

    public void StraightRgb(DeviceImage source, DeviceImage destination, PlanarEncoding encoding)
    {
        PrimitiveChecks.StraightRgb(source, destination);
        CheckFits(source); CheckFits(destination);
        var area = destination.Bounds;
        Device.Kernel("enhance_straight_rgb")
            .Mem(source.Handle).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride).Int(source.Channels)
            .Mem(destination.Handle).Int(area.X1).Int(area.Y1).Int(area.Width).Int(area.Height).Int((int)encoding)
            .Enqueue(area.Width, area.Height);
    }

    public void GatherCell(DeviceImage modelInput, PixelRect definition, PixelRect input, nint planar, PlanarElement element)
    {
        PrimitiveChecks.GatherCell(modelInput, definition, input, planar);
        CheckFits(modelInput); FitsPlanar(planar, input, element);
        Device.Kernel("enhance_gather_cell")
            .Mem(modelInput.Handle).Int(modelInput.Bounds.X1).Int(modelInput.Bounds.Y1).Int(modelInput.Stride)
            .Int(definition.X1).Int(definition.Y1).Int(definition.X2).Int(definition.Y2)
            .Int(input.X1).Int(input.Y1).Int(input.Width).Int(input.Height)
            .Mem(planar).Int(element == PlanarElement.Float16 ? 1 : 0)
            .Enqueue(input.Width, input.Height);
    }

    public void AccumulateCell(nint result, PlanarElement element, CellBlend blend, nint sums, nint weights, PixelRect region)
    {
        PrimitiveChecks.AccumulateCell(result, blend, sums, weights, region);
        FitsPlanar(result, blend.ResultArea, element);
        var (sumBytes, weightBytes) = PrimitiveChecks.BlendBytes(region);
        FitsBytes(sums, sumBytes); FitsBytes(weights, weightBytes);
        var res = blend.ResultArea;
        var reach = blend.Reach;
        // The weight tables are parameters (a few hundred floats a cell), not frame data.
        using var rows = Device.Upload<float>(blend.RowWeights);
        using var columns = Device.Upload<float>(blend.ColumnWeights);
        Device.Kernel("enhance_accumulate_cell")
            .Mem(result).Int(element == PlanarElement.Float16 ? 1 : 0).Int(res.X1).Int(res.Y1).Int(res.Width).Int((int)res.Area)
            .Int(reach.X1).Int(reach.Y1).Int(reach.Width).Int(reach.Height)
            .Mem(rows.Handle).Mem(columns.Handle)
            .Mem(sums).Mem(weights).Int(region.X1).Int(region.Y1).Int(region.Width).Int((int)region.Area)
            .Enqueue(reach.Width, reach.Height);
    }

    public void NormaliseCells(nint sums, nint weights, DeviceImage destination, PlanarEncoding encoding)
    {
        PrimitiveChecks.NormaliseCells(sums, weights, destination);
        CheckFits(destination);
        var area = destination.Bounds;
        var (sumBytes, weightBytes) = PrimitiveChecks.BlendBytes(area);
        FitsBytes(sums, sumBytes); FitsBytes(weights, weightBytes);
        Device.Kernel("enhance_normalise_cells")
            .Mem(sums).Mem(weights).Mem(destination.Handle).Int(area.Width).Int(area.Height).Int((int)encoding)
            .Enqueue(area.Width, area.Height);
    }

    public void Zero(nint buffer, long bytes)
    {
        PrimitiveChecks.Zero(buffer, bytes);
        FitsBytes(buffer, bytes);
        if (bytes > 0) Device.Zero(buffer, bytes);
    }

    public void Download(DeviceImage source, FloatImage destination)
    {
        PrimitiveChecks.Transfer(source, destination);
        Device.Read(source.Handle, MemoryMarshal.AsBytes(destination.Pixels));
        Transfers.CountToHost(source.ByteSize);
    }

    public void Upload(FloatImage source, DeviceImage destination)
    {
        PrimitiveChecks.Transfer(destination, source);
        Device.Write(MemoryMarshal.AsBytes((ReadOnlySpan<float>)source.Pixels), destination.Handle);
        Transfers.CountToDevice(destination.ByteSize);
    }

    public void ReadBytes(nint buffer, Span<byte> destination)
    {
        Device.Read(buffer, destination);
        Transfers.CountToHost(destination.Length);
    }

    public void WriteBytes(ReadOnlySpan<byte> source, nint buffer)
    {
        Device.Write(source, buffer);
        Transfers.CountToDevice(source.Length);
    }

    public void Synchronize() => Device.Synchronize();

    // A kernel writing past a buffer does not fail cleanly (it corrupts memory or faults the context),
    // so every buffer is checked against the size the image claims before anything is enqueued.
    internal void CheckFits(DeviceImage image)
    {
        long size = Device.BytesFrom(image.Handle);
        if (size < image.ByteSize)
            throw new ArgumentException($"The device buffer holds {size} bytes but an image of {image.Bounds}x{image.Channels} floats needs {image.ByteSize}.");
    }

    private void FitsPlanar(nint planar, PixelRect area, PlanarElement element)
    {
        long size = Device.BytesFrom(planar), needed = CpuPrimitives.PlanarByteSize(area, element);
        if (size < needed)
            throw new ArgumentException($"The planar buffer holds {size} bytes; {area} needs {needed}.");
    }

    private void FitsBytes(nint buffer, long needed)
    {
        long size = Device.BytesFrom(buffer);
        if (size < needed)
            throw new ArgumentException($"The buffer holds {size} bytes; {needed} are needed.");
    }
}
