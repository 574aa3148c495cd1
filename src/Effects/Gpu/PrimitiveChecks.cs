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

    public static void Blend(DeviceImage baseImage, DeviceImage detailed, DeviceImage destination, float strength, float detailLimit)
    {
        baseImage.Validate(nameof(baseImage));
        detailed.Validate(nameof(detailed));
        destination.Validate(nameof(destination));
        DetailBlendMath.Validate(strength, detailLimit);
        if (baseImage.Channels != destination.Channels || detailed.Channels != destination.Channels)
            throw new ArgumentException("The base, detailed and destination images need the same channel count.");
        if (!baseImage.Bounds.Contains(destination.Bounds) || !detailed.Bounds.Contains(destination.Bounds))
            throw new ArgumentException($"The base ({baseImage.Bounds}) and detailed ({detailed.Bounds}) images must cover the destination {destination.Bounds}.");
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
