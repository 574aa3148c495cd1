using Enhance.Effects.Imaging;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Rendering;

/// <summary>
/// OFX speaks canonical coordinates (full resolution, pixel aspect applied) in the RoD and RoI
/// actions, and pixel coordinates (times the render scale) for images and render windows:
/// pixel x = canonical x × render scale / pixel aspect; y has no aspect. A 720×576 PAL frame with
/// 768/720 pixels is 768 canonical units wide and 720 pixels wide. Every conversion takes the
/// pixel aspect of the clip it concerns, so no node can forget it. Conversions to pixels round
/// outwards so a region never loses a partly covered pixel.
/// </summary>
public static class CanonicalCoordinates
{
    public static PixelRect ToPixels(OfxRectD canonical, OfxPointD renderScale, double pixelAspect)
    {
        double sx = renderScale.X / pixelAspect, sy = renderScale.Y;
        return new(
            (int)Math.Floor(canonical.X1 * sx + 1e-6),
            (int)Math.Floor(canonical.Y1 * sy + 1e-6),
            (int)Math.Ceiling(canonical.X2 * sx - 1e-6),
            (int)Math.Ceiling(canonical.Y2 * sy - 1e-6));
    }

    public static OfxRectD ToCanonical(PixelRect pixels, OfxPointD renderScale, double pixelAspect)
    {
        double sx = pixelAspect / renderScale.X, sy = 1 / renderScale.Y;
        return new(pixels.X1 * sx, pixels.Y1 * sy, pixels.X2 * sx, pixels.Y2 * sy);
    }

    public static OfxRectD Scale(OfxRectD r, double sx, double sy) => new(r.X1 * sx, r.Y1 * sy, r.X2 * sx, r.Y2 * sy);
}
