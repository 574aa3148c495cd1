using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.TestSupport;

namespace Enhance.Effects.Tests.Resampling;

/// <summary>Images and a slow, obviously-correct reference for the resampler tests.</summary>
internal static class ResamplingFixtures
{
    /// <summary>A real photograph (premultiplied RGBA with opaque alpha, or RGB), shrunk so tests stay quick.</summary>
    public static FloatImage Photo(string name, int channels = 4, int maxSide = 256) =>
        ImageFiles.Load(TestImages.Photo(name), channels, maxSide);

    /// <summary>The same pixels with bounds moved to start at (x1, y1).</summary>
    public static FloatImage Moved(FloatImage image, int x1, int y1)
    {
        var moved = new FloatImage(new PixelRect(x1, y1, x1 + image.Width, y1 + image.Height), image.Channels);
        image.Pixels.CopyTo(moved.Pixels);
        return moved;
    }

    /// <summary>Copies the part of <paramref name="image"/> inside <paramref name="region"/> into a new image.</summary>
    public static FloatImage Crop(FloatImage image, PixelRect region)
    {
        var crop = new FloatImage(region, image.Channels);
        crop.CopyFrom(image);
        return crop;
    }

    /// <summary>Output canvas bounds of a whole source definition resampled by (sx, sy).</summary>
    public static PixelRect ScaledBounds(PixelRect definition, double sx, double sy) => new(
        (int)Math.Floor(definition.X1 * sx), (int)Math.Floor(definition.Y1 * sy),
        (int)Math.Ceiling(definition.X2 * sx), (int)Math.Ceiling(definition.Y2 * sy));

    public static FloatImage Render(FloatImage source, PixelRect definition, PixelRect window, double sx, double sy)
    {
        var output = new FloatImage(window, source.Channels);
        LanczosResampler.Resample(source, definition, output, sx, sy);
        return output;
    }

    /// <summary>
    /// Straight from the definition, in double precision, one output sample at a time: the 2-D
    /// Lanczos-3 sum over every source pixel within the (stretched) kernel, edges repeated,
    /// normalised per axis. Slow; for small images only.
    /// </summary>
    public static double Reference(FloatImage source, PixelRect definition, double sx, double sy, int x, int y, int channel)
    {
        var (xs, xw) = AxisTaps(x, sx, definition.X1, definition.X2);
        var (ys, yw) = AxisTaps(y, sy, definition.Y1, definition.Y2);
        double sum = 0;
        for (int j = 0; j < ys.Count; j++)
            for (int i = 0; i < xs.Count; i++)
                sum += yw[j] * xw[i] * source.At(xs[i], ys[j], channel);
        return sum;
    }

    private static (List<int> Index, List<double> Weight) AxisTaps(int o, double scale, int start, int end)
    {
        double centre = (o + 0.5) / scale - 0.5;
        double stretch = Math.Max(1, 1 / scale);
        var index = new List<int>(); var weight = new List<double>();
        for (int s = (int)Math.Floor(centre - 3 * stretch) - 1; s <= centre + 3 * stretch + 1; s++)
        {
            double t = Math.Abs(s - centre) / stretch;
            if (t >= 3) continue;
            double w = t == 0 ? 1 : 3 * Math.Sin(Math.PI * t) * Math.Sin(Math.PI * t / 3) / (Math.PI * Math.PI * t * t);
            index.Add(Math.Clamp(s, start, end - 1)); weight.Add(w);
        }
        double total = weight.Sum();
        for (int i = 0; i < weight.Count; i++) weight[i] /= total;
        return (index, weight);
    }
}
