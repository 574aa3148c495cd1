using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>Argument checks every backend shares, so a bad call fails the same way on CPU, OpenCL and CUDA (and never writes out of bounds on the GPU, which has no such checks).</summary>
internal static class PrimitiveChecks
{
    public static PixelRect CopyArea(DeviceImage source, DeviceImage destination)
    {
        source.Validate(nameof(source));
        destination.Validate(nameof(destination));
        if (source.Channels != destination.Channels)
            throw new ArgumentException($"Source has {source.Channels} channels, destination {destination.Channels}.");
        return source.Bounds.Intersect(destination.Bounds);
    }

    public static void Detail(DeviceImage destination, DeviceImage model, DeviceImage reference, float strength, float detailLimit)
    {
        destination.Validate(nameof(destination));
        model.Validate(nameof(model));
        reference.Validate(nameof(reference));
        DetailArguments(destination.Channels, destination.Bounds, model.Channels, model.Bounds, reference.Channels, reference.Bounds, strength, detailLimit);
    }

    public static void DetailArguments(int channels, PixelRect bounds, int modelChannels, PixelRect modelBounds,
                                       int referenceChannels, PixelRect referenceBounds, float strength, float detailLimit)
    {
        if (!float.IsFinite(strength))
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength must be a finite number.");
        if (float.IsNaN(detailLimit) || detailLimit < 0)
            throw new ArgumentOutOfRangeException(nameof(detailLimit), detailLimit, "The detail limit must be zero or more (infinity for none).");
        if (channels is not (3 or 4))
            throw new ArgumentException($"Detail is added to RGB or RGBA, not {channels} channels.");
        if (modelChannels != 3 || referenceChannels != 3)
            throw new ArgumentException("The model and reference images are straight RGB (3 channels).");
        if (modelBounds != bounds || referenceBounds != bounds)
            throw new ArgumentException($"The model ({modelBounds}) and reference ({referenceBounds}) must have the destination's bounds {bounds}.");
    }

    public static void Planar(DeviceImage image, PixelRect area, nint planar, bool needsColour)
    {
        image.Validate(nameof(image));
        if (planar == 0) throw new ArgumentException("No planar buffer given.", nameof(planar));
        if (area.IsEmpty || !image.Bounds.Contains(area))
            throw new ArgumentException($"The area {area} must be non-empty and inside the image {image.Bounds}.", nameof(area));
        if (needsColour && image.Channels < 3)
            throw new ArgumentException("Planar RGB needs a destination with 3 or 4 channels.", nameof(image));
    }

    public static void Transfer(DeviceImage device, FloatImage host)
    {
        device.Validate("device image");
        if (device.Bounds != host.Bounds || device.Channels != host.Channels)
            throw new ArgumentException($"The device image ({device.Bounds}x{device.Channels}) and the CPU image ({host.Bounds}x{host.Channels}) differ.");
    }

    public static void StraightRgb(DeviceImage source, DeviceImage destination)
    {
        source.Validate(nameof(source));
        destination.Validate(nameof(destination));
        if (source.Channels < 3) throw new ArgumentException("Straight RGB needs a 3- or 4-channel source.", nameof(source));
        if (destination.Channels != 3) throw new ArgumentException("Straight RGB is written to a 3-channel image.", nameof(destination));
        if (!source.Bounds.Contains(destination.Bounds))
            throw new ArgumentException($"The source covers {source.Bounds} but the region is {destination.Bounds}.", nameof(source));
    }

    /// <summary>The pixels of <paramref name="modelInput"/> a cell over <paramref name="input"/> reads (its coordinates clamped to the definition).</summary>
    public static PixelRect GatherCell(DeviceImage modelInput, PixelRect definition, PixelRect input, nint planar)
    {
        modelInput.Validate(nameof(modelInput));
        if (modelInput.Channels != 3) throw new ArgumentException("The model input is straight RGB (3 channels).", nameof(modelInput));
        if (planar == 0) throw new ArgumentException("No planar buffer given.", nameof(planar));
        if (input.IsEmpty || definition.IsEmpty) throw new ArgumentException($"The cell input {input} and the definition {definition} must be non-empty.");
        var read = new PixelRect(Math.Clamp(input.X1, definition.X1, definition.X2 - 1), Math.Clamp(input.Y1, definition.Y1, definition.Y2 - 1),
                                 Math.Clamp(input.X2 - 1, definition.X1, definition.X2 - 1) + 1, Math.Clamp(input.Y2 - 1, definition.Y1, definition.Y2 - 1) + 1);
        if (!modelInput.Bounds.Contains(read))
            throw new ArgumentException($"The model input covers {modelInput.Bounds} but the cell {input} reads {read}.", nameof(modelInput));
        return read;
    }

    public static void AccumulateCell(nint result, CellBlend blend, nint sums, nint weights, PixelRect region)
    {
        ArgumentNullException.ThrowIfNull(blend);
        if (result == 0 || sums == 0 || weights == 0) throw new ArgumentException("The result, sums and weights buffers must all be given.");
        if (region.IsEmpty || !region.Contains(blend.Reach))
            throw new ArgumentException($"The cell reaches {blend.Reach}, outside the blend region {region}.", nameof(blend));
        if (region.Area > int.MaxValue / 3 || blend.ResultArea.Area > int.MaxValue / 3)
            throw new ArgumentException($"The blend region {region} or the cell {blend.ResultArea} is too large for the GPU kernels.");
    }

    public static void NormaliseCells(nint sums, nint weights, DeviceImage destination)
    {
        destination.Validate(nameof(destination));
        if (destination.Channels != 3) throw new ArgumentException("The blended model result is straight RGB (3 channels).", nameof(destination));
        if (sums == 0 || weights == 0) throw new ArgumentException("The sums and weights buffers must both be given.");
    }

    /// <summary>Bytes of the blend's sums (3 planes) and weights (1 plane) over <paramref name="region"/>.</summary>
    public static (long Sums, long Weights) BlendBytes(PixelRect region) => (3 * region.Area * sizeof(float), region.Area * sizeof(float));

    public static void Zero(nint buffer, long bytes)
    {
        if (buffer == 0) throw new ArgumentException("No buffer given.", nameof(buffer));
        if (bytes < 0 || bytes % 4 != 0) throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "Zeroing works on whole 32-bit words.");
    }
}
