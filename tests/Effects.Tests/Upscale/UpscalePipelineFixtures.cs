using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>Pictures and host stand-ins for the pipeline tests: a clip the way a node reads it from the host.</summary>
internal static class UpscalePipelineFixtures
{
    /// <summary>An RGBA photo whose alpha steps from 0 to 1 in a square (premultiplied), so Lanczos overshoots alpha both ways.</summary>
    public static FloatImage HardAlphaPhoto(string name, int maxSide)
    {
        var image = UpscaleFixtures.Photo(name, 4, maxSide);
        var b = image.Bounds;
        for (int y = b.Y1; y < b.Y2; y++)
            for (int x = b.X1; x < b.X2; x++)
            {
                float a = x > b.X1 + b.Width / 4 && x < b.X2 - b.Width / 4 && y > b.Y1 + b.Height / 4 && y < b.Y2 - b.Height / 4 ? 1f : 0f;
                image.At(x, y, 3) = a;
                for (int c = 0; c < 3; c++) image.At(x, y, c) *= a;
            }
        return image;
    }

    /// <summary>What a host hands for <paramref name="region"/>: the clip's pixels there (clipped to the clip), in a new image.</summary>
    public static FloatImage Crop(FloatImage clip, PixelRect region)
    {
        var part = new FloatImage(clip.Bounds.Intersect(region), clip.Channels);
        part.CopyFrom(clip);
        return part;
    }

    /// <summary>
    /// The pipeline's CPU render of <paramref name="window"/> from a whole clip (and its previous frame,
    /// if any), noting every region it read from the source and from the previous frame.
    /// </summary>
    public static FloatImage RenderOnCpu(UpscalePipeline pipeline, FloatImage clip, PixelRect window, FloatImage? previous,
                                         List<PixelRect>? sourceReads = null, List<PixelRect>? previousReads = null)
    {
        var result = new FloatImage(window, clip.Channels);
        pipeline.Render(new UpscaleCpuFrames(clip.Bounds, result,
            region =>
            {
                sourceReads?.Add(region);
                return Crop(clip, region);
            },
            region =>
            {
                previousReads?.Add(region);
                return previous is null ? null : Crop(previous, region);
            }));
        return result;
    }

    /// <summary>
    /// The clip with every colour value 2 levels brighter: under the temporal mode's still threshold
    /// (3 levels), so the two frames are averaged everywhere, and smooth, so the reduction to the
    /// footprint keeps it (alternating noise would average out there).
    /// </summary>
    public static FloatImage SlightlyChanged(FloatImage clip)
    {
        var changed = clip.Clone();
        var px = changed.Pixels;
        for (int i = 0; i < px.Length; i++)
            if (i % clip.Channels < 3) px[i] += 2f / 255f;
        return changed;
    }
}
