using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;

namespace Enhance.Effects.Gpu;

/// <summary>
/// Upscale's temporal stability (<see cref="TemporalStability"/>) on device memory, step for step with the
/// kernels of Gpu/Kernels/temporal.cl: both frames' straight colours as the model sees them
/// (<see cref="IGpuPrimitives.StraightRgb"/>), the previous frame's weight per source pixel (blurred change,
/// guard maximum, smoothstep), the frames' smooth change, and the blend of the two model pictures at the
/// output. The same regions, constants and sampling tables (<see cref="TemporalBlendTaps"/>) as the CPU, so
/// the result is the CPU's bit for bit where the encoding is plain clipping (scene-linear adds the sRGB
/// curve's pow, within <c>ConformanceTolerance.LibraryFunction</c>).
/// </summary>
public static class GpuTemporalStability
{
    /// <summary>Why a backend has no temporal kernels (the host then renders the frame on the CPU), or null.</summary>
    public static string? Refusal(IGpuPrimitives primitives) => primitives is CudaPrimitives
        ? "temporal stability has no ILGPU kernels (ENHANCE_CUDA_KERNELS=ilgpu); the single-source kernels have them"
        : null;

    /// <summary>
    /// <paramref name="model"/> (3 channels, the output window) += w · (previousModel + smooth change − model),
    /// as <see cref="TemporalStability.Blend"/> with <see cref="TemporalStability.PreviousWeights"/> and
    /// <see cref="TemporalStability.SmoothChange"/>. Both sources (the model's definition; the host's memory
    /// or our footprint) must cover <see cref="TemporalStability.RequiredSourceRegion"/>.
    /// </summary>
    public static void Blend(IGpuPrimitives primitives, DeviceImage current, DeviceImage previous, PixelRect definition,
                             DeviceImage model, DeviceImage previousModel, UpscaleSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (Refusal(primitives) is { } why) throw new GpuRenderException(why);
        if (primitives is not GpuPrimitives kernels)
            throw new ArgumentException($"No temporal kernels for {primitives?.Backend} primitives.", nameof(primitives));
        if (model.Channels != 3 || previousModel.Channels != 3 || model.Bounds != previousModel.Bounds)
            throw new ArgumentException("Both model pictures are straight RGB over the output window.");
        var window = model.Bounds;
        var region = TemporalStability.WeightRegion(window, s.ScaleX, s.ScaleY, definition);
        var (guarded, blurRead, smoothRead) = TemporalStability.Reads(region, definition);
        var read = blurRead.Union(smoothRead);
        if (!current.Bounds.Contains(read) || !previous.Bounds.Contains(read))
            throw new ArgumentException($"Both frames must cover {read} (current {current.Bounds}, previous {previous.Bounds}).");

        var device = kernels.Device;
        var encoding = s.Transfer == InputTransfer.SceneLinear ? PlanarEncoding.ModelSceneLinear : PlanarEncoding.ModelDisplay;
        using var weights = device.Allocate(region.Area * sizeof(float));
        using var smooth = device.Allocate(region.Area * 3 * sizeof(float));
        using var seenNow = StraightColours(kernels, current, read, encoding);
        using var seenBefore = StraightColours(kernels, previous, read, encoding);
        Weights(device, seenNow.Image, seenBefore.Image, definition, region, guarded, s.TemporalStability, weights.Handle);
        // The smooth change is measured on the pictures' own encoding (clipping alone), as the model pictures
        // are; for display-referred input that is what the model sees, so the same images serve.
        using var clippedNow = encoding == PlanarEncoding.ModelDisplay ? null : StraightColours(kernels, current, read, PlanarEncoding.ModelDisplay);
        using var clippedBefore = encoding == PlanarEncoding.ModelDisplay ? null : StraightColours(kernels, previous, read, PlanarEncoding.ModelDisplay);
        const float inverseArea = 1f / ((2 * TemporalStability.LowPassRadius + 1) * (2 * TemporalStability.LowPassRadius + 1));
        BoxCall(device.Kernel("enhance_temporal_smooth_change"), (clippedNow ?? seenNow).Image, (clippedBefore ?? seenBefore).Image, definition)
            .Int(region.X1).Int(region.Y1).Int(region.Width).Int(region.Height).Int(TemporalStability.LowPassRadius).Float(inverseArea)
            .Mem(smooth.Handle)
            .Enqueue(region.Width, region.Height);

        kernels.CheckFits(model);
        kernels.CheckFits(previousModel);
        var columns = TemporalBlendTaps.For(window.X1, window.Width, s.ScaleX, definition.X1, definition.X2, region.X1);
        var rows = TemporalBlendTaps.For(window.Y1, window.Height, s.ScaleY, definition.Y1, definition.Y2, region.Y1);
        // The tables are parameters (a few thousand numbers), not frame data.
        using var columnFirst = device.Upload<int>(columns.First);
        using var columnSecond = device.Upload<int>(columns.Second);
        using var columnFraction = device.Upload<float>(columns.Fraction);
        using var rowFirst = device.Upload<int>(rows.First);
        using var rowSecond = device.Upload<int>(rows.Second);
        using var rowFraction = device.Upload<float>(rows.Fraction);
        device.Kernel("enhance_temporal_blend")
            .Mem(model.Handle).Mem(previousModel.Handle).Int(window.Width).Int(window.Height)
            .Mem(weights.Handle).Mem(smooth.Handle).Int(region.Width)
            .Mem(columnFirst.Handle).Mem(columnSecond.Handle).Mem(columnFraction.Handle)
            .Mem(rowFirst.Handle).Mem(rowSecond.Handle).Mem(rowFraction.Handle)
            .Enqueue(window.Width, window.Height);
    }

    /// <summary><see cref="TemporalStability.PreviousWeights"/>: blurred change (largest channel), guard maximum by rows then columns, smoothstep.</summary>
    private static void Weights(IKernelDevice device, DeviceImage now, DeviceImage before, PixelRect definition,
                                PixelRect region, PixelRect guarded, float stability, nint weights)
    {
        const float inverseArea = 1f / ((2 * TemporalStability.BlurRadius + 1) * (2 * TemporalStability.BlurRadius + 1));
        int guard = TemporalStability.GuardRadius;
        using var blurred = device.Allocate(guarded.Area * sizeof(float));
        BoxCall(device.Kernel("enhance_temporal_blur_max"), now, before, definition)
            .Int(guarded.X1).Int(guarded.Y1).Int(guarded.Width).Int(guarded.Height).Int(TemporalStability.BlurRadius).Float(inverseArea)
            .Mem(blurred.Handle)
            .Enqueue(guarded.Width, guarded.Height);
        using var rowMax = device.Allocate((long)region.Width * guarded.Height * sizeof(float));
        device.Kernel("enhance_temporal_row_max")
            .Mem(blurred.Handle).Int(guarded.X1).Int(guarded.Width).Int(guarded.Height).Int(region.X1).Int(region.Width).Int(guard)
            .Mem(rowMax.Handle)
            .Enqueue(region.Width, guarded.Height);
        device.Kernel("enhance_temporal_weights")
            .Mem(rowMax.Handle).Int(guarded.Y1).Int(guarded.Height).Int(region.Y1).Int(region.Width).Int(region.Height).Int(guard)
            .Float(TemporalStability.FullWeight * stability).Float(TemporalStability.StillBelow).Float(TemporalStability.MovingAbove)
            .Mem(weights)
            .Enqueue(region.Width, region.Height);
    }

    /// <summary>The two frames' images and the definition, the box kernels' first arguments.</summary>
    private static KernelCall BoxCall(KernelCall call, DeviceImage now, DeviceImage before, PixelRect definition) =>
        call.Mem(now.Handle).Mem(before.Handle).Int(now.Bounds.X1).Int(now.Bounds.Y1).Int(now.Bounds.Width)
            .Int(definition.X1).Int(definition.Y1).Int(definition.X2).Int(definition.Y2);

    /// <summary>A frame's straight colours over <paramref name="region"/> in <paramref name="encoding"/>, in a temporary of ours.</summary>
    private static DeviceRgb StraightColours(GpuPrimitives kernels, DeviceImage frame, PixelRect region, PlanarEncoding encoding)
    {
        var buffer = kernels.Allocate(region.Area * 3 * sizeof(float));
        var image = new DeviceImage(buffer.Handle, region, 3);
        kernels.StraightRgb(frame, image, encoding);
        return new DeviceRgb(buffer, image);
    }

    private sealed class DeviceRgb(IDeviceBuffer buffer, DeviceImage image) : IDisposable
    {
        public DeviceImage Image { get; } = image;

        public void Dispose() => buffer.Dispose();
    }
}
