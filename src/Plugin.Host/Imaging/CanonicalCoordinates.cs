using Enhance.Effects.Imaging;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Imaging;

/// <summary>
/// OFX speaks canonical coordinates (full-resolution, pixel aspect applied) in RoD/RoI actions and
/// pixel coordinates (times the render scale) for images and render windows. Conversions here
/// round outwards so a region never loses a partly covered pixel.
/// </summary>
public static class CanonicalCoordinates
{
    public static PixelRect ToPixels(OfxRectD canonical, OfxPointD renderScale) => new(
        (int)Math.Floor(canonical.X1 * renderScale.X + 1e-6),
        (int)Math.Floor(canonical.Y1 * renderScale.Y + 1e-6),
        (int)Math.Ceiling(canonical.X2 * renderScale.X - 1e-6),
        (int)Math.Ceiling(canonical.Y2 * renderScale.Y - 1e-6));

    public static OfxRectD ToCanonical(PixelRect pixels, OfxPointD renderScale) => new(
        pixels.X1 / renderScale.X, pixels.Y1 / renderScale.Y,
        pixels.X2 / renderScale.X, pixels.Y2 / renderScale.Y);

    public static OfxRectD Scale(OfxRectD r, double sx, double sy) => new(r.X1 * sx, r.Y1 * sy, r.X2 * sx, r.Y2 * sy);
}
