using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The GPU primitives in the host's CUDA context, on the host's stream: <see cref="DeviceImage.Handle"/>
/// is a CUdeviceptr. Kernels are enqueued and never waited for (Resolve's CudaStream contract:
/// enqueue, do not synchronise); when the host gave no stream (0, the legacy default stream) the
/// caller must <see cref="Synchronize"/> before returning from the render, which
/// <see cref="GpuRenderPath"/> does.
/// </summary>
public sealed class CudaPrimitives : IGpuPrimitives
{
    private const uint BlockX = 32, BlockY = 8;

    private readonly CudaModuleSet _modules;

    private CudaPrimitives(CudaDriver driver, nint context, nint stream, CudaModuleSet modules)
    {
        Driver = driver;
        Context = context;
        Stream = stream;
        _modules = modules;
    }

    public CudaDriver Driver { get; }

    /// <summary>The host's CUcontext (current on the render thread).</summary>
    public nint Context { get; }

    /// <summary>The host's CUstream (0 = the default stream).</summary>
    public nint Stream { get; }

    public GpuBackend Backend => GpuBackend.Cuda;

    public GpuTransferCounter Transfers { get; } = new();

    /// <summary>Primitives for the context current on this thread and the host's stream; loads our kernels into that context once.</summary>
    public static CudaPrimitives ForCurrentContext(CudaDriver driver, nint stream)
    {
        nint context = driver.CurrentContext();
        if (context == 0) throw new CudaException("No CUDA context is current on the render thread; the host did not set up a CUDA render.");
        return new CudaPrimitives(driver, context, stream, CudaModuleCache.GetOrLoad(driver, context));
    }

    public IDeviceBuffer Allocate(long bytes) => new CudaBuffer(Driver, Stream, bytes);

    public void Copy(DeviceImage source, DeviceImage destination)
    {
        var area = PrimitiveChecks.CopyArea(source, destination);
        Fits(source); Fits(destination);
        if (area.IsEmpty) return;
        int c = source.Channels;
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(source.Handle, Elements(source)).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride)
            .View(destination.Handle, Elements(destination)).Int(destination.Bounds.X1).Int(destination.Bounds.Y1).Int(destination.Stride)
            .Int(area.X1).Int(area.Y1).Int(area.Width * c).Int(area.Height).Int(c);
        Launch(nameof(CudaKernels.Copy), args, area.Width * c, area.Height);
    }

    public unsafe void Resample(DeviceImage source, PixelRect sourceDefinition, DeviceImage destination, double scaleX, double scaleY)
    {
        var plan = ResamplePlan.Create(source, sourceDefinition, destination, scaleX, scaleY);
        Fits(source); Fits(destination);
        int c = source.Channels;
        var output = destination.Bounds;
        using var firstX = Upload<int>(plan.Horizontal.FirstSource);
        using var weightsX = Upload<float>(plan.Horizontal.Weights);
        using var firstY = Upload<int>(plan.Vertical.FirstSource);
        using var weightsY = Upload<float>(plan.Vertical.Weights);
        using var temp = new CudaBuffer(Driver, Stream, plan.TempBytes);
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var h = new CudaKernelArguments(storage, pointers)
            .View(source.Handle, Elements(source)).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride).Int(c)
            .View(temp.Handle, plan.TempBytes / sizeof(float)).Int(plan.TempFirstRow).Int(plan.TempRows).Int(output.Width)
            .View(firstX.Handle, plan.Horizontal.FirstSource.Length).View(weightsX.Handle, plan.Horizontal.Weights.Length).Int(plan.Horizontal.TapCount);
        Launch(nameof(CudaKernels.ResampleHorizontal), h, output.Width * c, plan.TempRows);
        Span<byte> storage2 = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers2 = stackalloc nint[CudaKernelArguments.MaxArguments];
        var v = new CudaKernelArguments(storage2, pointers2)
            .View(temp.Handle, plan.TempBytes / sizeof(float)).Int(plan.TempFirstRow).Int(plan.TempStride)
            .View(destination.Handle, Elements(destination)).Int(destination.Stride).Int(output.Width * c).Int(output.Height)
            .View(firstY.Handle, plan.Vertical.FirstSource.Length).View(weightsY.Handle, plan.Vertical.Weights.Length).Int(plan.Vertical.TapCount);
        Launch(nameof(CudaKernels.ResampleVertical), v, output.Width * c, output.Height);
    }

    public void AddDetail(DeviceImage destination, DeviceImage model, DeviceImage reference, float strength, float detailLimit)
    {
        PrimitiveChecks.Detail(destination, model, reference, strength, detailLimit);
        Fits(destination); Fits(model); Fits(reference);
        var area = destination.Bounds;
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(destination.Handle, Elements(destination)).Int(destination.Channels)
            .View(model.Handle, Elements(model)).View(reference.Handle, Elements(reference))
            .Int(area.Width).Int(area.Height).Float(strength).Float(detailLimit);
        Launch(nameof(CudaKernels.AddDetail), args, area.Width, area.Height);
    }

    public void ToPlanarRgb(DeviceImage source, PixelRect area, nint planar, PlanarElement element, bool topRowFirst, PlanarEncoding encoding = PlanarEncoding.AsIs)
    {
        PrimitiveChecks.Planar(source, area, planar, needsColour: false);
        Fits(source); FitsPlanar(planar, area, element);
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(source.Handle, Elements(source)).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride).Int(source.Channels)
            .Int(area.X1).Int(area.Y1).Int(area.Width).Int(area.Height).Int(topRowFirst ? 1 : 0)
            .View(planar, 3 * area.Area).Int((int)encoding);
        Launch(element == PlanarElement.Float16 ? nameof(CudaKernels.ToPlanarHalf) : nameof(CudaKernels.ToPlanarFloat), args, area.Width, area.Height);
    }

    public void FromPlanarRgb(nint planar, PlanarElement element, PixelRect area, DeviceImage destination, bool topRowFirst, PlanarEncoding encoding = PlanarEncoding.AsIs)
    {
        PrimitiveChecks.Planar(destination, area, planar, needsColour: true);
        Fits(destination); FitsPlanar(planar, area, element);
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(planar, 3 * area.Area)
            .View(destination.Handle, Elements(destination)).Int(destination.Bounds.X1).Int(destination.Bounds.Y1).Int(destination.Stride).Int(destination.Channels)
            .Int(area.X1).Int(area.Y1).Int(area.Width).Int(area.Height).Int(topRowFirst ? 1 : 0).Int((int)encoding);
        Launch(element == PlanarElement.Float16 ? nameof(CudaKernels.FromPlanarHalf) : nameof(CudaKernels.FromPlanarFloat), args, area.Width, area.Height);
    }

    public void ClampAlpha(DeviceImage image)
    {
        image.Validate(nameof(image));
        Fits(image);
        if (!CpuPrimitives.HasAlpha(image.Channels)) return;
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers).View(image.Handle, Elements(image)).Int((int)image.Bounds.Area).Int(image.Channels);
        Launch(nameof(CudaKernels.ClampAlpha), args, image.Bounds.Area, 1);
    }

    public void StraightRgb(DeviceImage source, DeviceImage destination, PlanarEncoding encoding)
    {
        PrimitiveChecks.StraightRgb(source, destination);
        Fits(source); Fits(destination);
        var area = destination.Bounds;
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(source.Handle, Elements(source)).Int(source.Bounds.X1).Int(source.Bounds.Y1).Int(source.Stride).Int(source.Channels)
            .View(destination.Handle, Elements(destination)).Int(area.X1).Int(area.Y1).Int(area.Width).Int(area.Height).Int((int)encoding);
        Launch(nameof(CudaModelKernels.StraightRgb), args, area.Width, area.Height);
    }

    public void GatherCell(DeviceImage modelInput, PixelRect definition, PixelRect input, nint planar, PlanarElement element)
    {
        PrimitiveChecks.GatherCell(modelInput, definition, input, planar);
        Fits(modelInput); FitsPlanar(planar, input, element);
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(modelInput.Handle, Elements(modelInput)).Int(modelInput.Bounds.X1).Int(modelInput.Bounds.Y1).Int(modelInput.Stride)
            .Int(definition.X1).Int(definition.Y1).Int(definition.X2).Int(definition.Y2)
            .Int(input.X1).Int(input.Y1).Int(input.Width).Int(input.Height)
            .View(planar, 3 * input.Area);
        Launch(element == PlanarElement.Float16 ? nameof(CudaModelKernels.GatherCellHalf) : nameof(CudaModelKernels.GatherCellFloat),
               args, input.Width, input.Height);
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
        using var rows = Upload(blend.RowWeights);
        using var columns = Upload(blend.ColumnWeights);
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(result, 3 * res.Area).Int(res.X1).Int(res.Y1).Int(res.Width).Int((int)res.Area)
            .Int(reach.X1).Int(reach.Y1).Int(reach.Width).Int(reach.Height)
            .View(rows.Handle, blend.RowWeights.Length).View(columns.Handle, blend.ColumnWeights.Length)
            .View(sums, 3 * region.Area).View(weights, region.Area).Int(region.X1).Int(region.Y1).Int(region.Width).Int((int)region.Area);
        Launch(element == PlanarElement.Float16 ? nameof(CudaModelKernels.AccumulateCellHalf) : nameof(CudaModelKernels.AccumulateCellFloat),
               args, reach.Width, reach.Height);
    }

    public void NormaliseCells(nint sums, nint weights, DeviceImage destination, PlanarEncoding encoding)
    {
        PrimitiveChecks.NormaliseCells(sums, weights, destination);
        Fits(destination);
        var area = destination.Bounds;
        var (sumBytes, weightBytes) = PrimitiveChecks.BlendBytes(area);
        FitsBytes(sums, sumBytes); FitsBytes(weights, weightBytes);
        Span<byte> storage = stackalloc byte[CudaKernelArguments.StorageBytes];
        Span<nint> pointers = stackalloc nint[CudaKernelArguments.MaxArguments];
        var args = new CudaKernelArguments(storage, pointers)
            .View(sums, 3 * area.Area).View(weights, area.Area).View(destination.Handle, Elements(destination))
            .Int(area.Width).Int(area.Height).Int((int)encoding);
        Launch(nameof(CudaModelKernels.NormaliseCells), args, area.Width, area.Height);
    }

    public void Zero(nint buffer, long bytes)
    {
        PrimitiveChecks.Zero(buffer, bytes);
        FitsBytes(buffer, bytes);
        if (bytes > 0) Driver.Fill((ulong)buffer, 0, bytes / 4, Stream);
    }

    public unsafe void Download(DeviceImage source, FloatImage destination)
    {
        PrimitiveChecks.Transfer(source, destination);
        fixed (float* p = destination.Pixels)
            Driver.CopyToHost(p, (ulong)source.Handle, source.ByteSize, Stream);
        Transfers.CountToHost(source.ByteSize);
    }

    public unsafe void Upload(FloatImage source, DeviceImage destination)
    {
        PrimitiveChecks.Transfer(destination, source);
        fixed (float* p = source.Pixels)
            Driver.CopyToDevice((ulong)destination.Handle, p, destination.ByteSize, Stream);
        Transfers.CountToDevice(destination.ByteSize);
    }

    public unsafe void ReadBytes(nint buffer, Span<byte> destination)
    {
        fixed (byte* p = destination)
            Driver.CopyToHost(p, (ulong)buffer, destination.Length, Stream);
        Transfers.CountToHost(destination.Length);
    }

    public unsafe void WriteBytes(ReadOnlySpan<byte> source, nint buffer)
    {
        fixed (byte* p = source)
            Driver.CopyToDevice((ulong)buffer, p, source.Length, Stream);
        Transfers.CountToDevice(source.Length);
    }

    public void Synchronize() => Driver.SynchronizeStream(Stream);

    internal unsafe CudaBuffer Upload<T>(T[] data) where T : unmanaged
    {
        var buffer = new CudaBuffer(Driver, Stream, (long)data.Length * sizeof(T));
        fixed (T* p = data)
            Driver.CopyToDevice((ulong)buffer.Handle, p, buffer.Bytes, Stream);
        return buffer;
    }

    // A kernel writing past an allocation corrupts other memory or faults the whole context, so
    // every pointer is checked against the allocation holding it before anything is launched.
    private void Fits(DeviceImage image)
    {
        long available = Driver.BytesAvailableFrom((ulong)image.Handle);
        if (available < image.ByteSize)
            throw new ArgumentException($"The CUDA allocation has {available} bytes from the image pointer but an image of {image.Bounds}x{image.Channels} floats needs {image.ByteSize}.");
    }

    private void FitsPlanar(nint planar, PixelRect area, PlanarElement element)
    {
        long available = Driver.BytesAvailableFrom((ulong)planar), needed = CpuPrimitives.PlanarByteSize(area, element);
        if (available < needed)
            throw new ArgumentException($"The planar buffer has {available} bytes; {area} needs {needed}.");
    }

    private void FitsBytes(nint buffer, long needed)
    {
        long available = Driver.BytesAvailableFrom((ulong)buffer);
        if (available < needed)
            throw new ArgumentException($"The buffer has {available} bytes; {needed} are needed.");
    }

    private static long Elements(DeviceImage image) => image.Bounds.Area * image.Channels;

    /// <summary>One thread per (x, y, z) over a width × height × depth range, in blocks of 32 × 8.</summary>
    internal unsafe void Launch(string kernel, CudaKernelArguments args, long width, long height, long depth = 1)
    {
        if (width <= 0 || height <= 0 || depth <= 0) return;
        uint gridX = (uint)((width + BlockX - 1) / BlockX), gridY = (uint)((height + BlockY - 1) / BlockY);
        fixed (nint* parameters = args.Pointers)
            Driver.Launch(_modules.Function(kernel), gridX, gridY, (uint)depth, BlockX, BlockY, Stream, (void**)parameters, kernel);
    }
}
