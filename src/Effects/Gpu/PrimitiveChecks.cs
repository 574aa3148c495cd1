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
}
