using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;

namespace Enhance.Effects.Upscale;

/// <summary>
/// Where Upscale's pixels come from, in pixel coordinates at the render scale. Resize maps output
/// (x, y) to input (x / scale, y / scale); Enhance in place goes through a reduced "source
/// footprint" grid (the clip before the host enlarged it) and back up to the frame's size.
/// One place for the CPU and device routes of <see cref="UpscalePipeline"/> and the node's region
/// of interest, so a render reads exactly the pixels its region of interest asked the host for.
/// </summary>
public static class UpscaleGeometry
{
    /// <summary>
    /// The factor the render works at: Resize enlarges by the scale; in place the model works at the
    /// source scale (how much the host already enlarged the clip) and the output keeps the frame's size.
    /// </summary>
    public static double WorkingScale(UpscaleFit fit, double scale, double sourceScale) =>
        fit == UpscaleFit.Resize ? scale : sourceScale;

    /// <summary>The reduced grid for Enhance in place: the frame's definition divided by the source scale.</summary>
    public static PixelRect FootprintDefinition(PixelRect frameDefinition, double sourceScale) => new(
        (int)Math.Floor(frameDefinition.X1 / sourceScale), (int)Math.Floor(frameDefinition.Y1 / sourceScale),
        (int)Math.Ceiling(frameDefinition.X2 / sourceScale), (int)Math.Ceiling(frameDefinition.Y2 / sourceScale));

    /// <summary>The input pixels needed to render <paramref name="window"/> in Resize mode.</summary>
    public static PixelRect ResizeInputRegion(PixelRect window, UpscaleSettings s, PixelRect sourceDefinition) =>
        UpscaleRenderer.RequiredSourceRegion(window, s, sourceDefinition);

    /// <summary>
    /// Enhance in place (<paramref name="s"/> scales by the source scale): the footprint pixels
    /// needed to rebuild <paramref name="window"/>, and the frame pixels needed to make them.
    /// </summary>
    public static (PixelRect Footprint, PixelRect Input) InPlaceRegions(PixelRect window, UpscaleSettings s, PixelRect frameDefinition)
    {
        var footprintDefinition = FootprintDefinition(frameDefinition, s.ScaleX);
        var footprint = UpscaleRenderer.RequiredSourceRegion(window, s, footprintDefinition).Intersect(footprintDefinition);
        var input = LanczosResampler.RequiredSourceRegion(footprint, 1 / s.ScaleX, 1 / s.ScaleY, frameDefinition);
        return (footprint, input);
    }

    /// <summary>
    /// The source pixels a render of <paramref name="window"/> reads: Resize, what the renderer needs;
    /// in place, what the footprint needs and the window itself (the host's frame is the base).
    /// </summary>
    public static PixelRect InputRegion(UpscaleFit fit, PixelRect window, UpscaleSettings s, PixelRect sourceDefinition) =>
        fit == UpscaleFit.Resize
            ? ResizeInputRegion(window, s, sourceDefinition)
            : InPlaceRegions(window, s, sourceDefinition).Input.Union(window);
}
