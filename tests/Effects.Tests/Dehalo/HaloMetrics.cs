using Enhance.Effects.Imaging;

namespace Enhance.Effects.Tests.Dehalo;

/// <summary>
/// Measures halos around strong edges, on luma (Rec.709), against the clean (un-sharpened) picture:
/// <list type="bullet">
/// <item>Strong edges: pixels of the clean picture whose gradient (central differences) is at least
/// <see cref="EdgeGradient"/> per pixel.</item>
/// <item>Halo zone: pixels within <see cref="ZoneRadius"/> of a strong edge.</item>
/// <item>Halo energy: Σ over the zone of the squared amount by which a picture leaves the local plateaus,
/// i.e. the [min, max] of the clean picture over the (2·ZoneRadius+1)² window: overshoot above the bright
/// plateau plus undershoot below the dark one.</item>
/// <item>Edge contrast: Σ over strong edges of clamp(X(p + n)) − clamp(X(p − n)), the step across the edge one
/// pixel either side along the clean picture's gradient direction n (bilinear samples), each sample clamped to
/// the edge's plateaus (the clean picture's [min, max] over the window around p). Clamping keeps overshoot out:
/// a halo is not contrast, so removing it must not count as losing contrast, while pulling the two sides of the
/// edge towards each other (blurring it) does. <see cref="RawEdgeContrast"/> is the unclamped step.</item>
/// </list>
/// </summary>
public static class HaloMetrics
{
    public const float EdgeGradient = 0.08f;
    public const int ZoneRadius = 3;

    public sealed record EdgeSet(float[] CleanLuma, int Width, int Height, int[] Edges, float[] NormalX, float[] NormalY,
        float[] EdgeLow, float[] EdgeHigh, int[] Zone, float[] PlateauLow, float[] PlateauHigh);

    public static EdgeSet FindEdges(FloatImage clean)
    {
        int w = clean.Width, h = clean.Height;
        var luma = Luma(clean);
        var edges = new List<int>(); var nx = new List<float>(); var ny = new List<float>();
        var isEdge = new bool[w * h];
        for (int y = 1; y < h - 1; y++)
            for (int x = 1; x < w - 1; x++)
            {
                int i = y * w + x;
                float gx = (luma[i + 1] - luma[i - 1]) * 0.5f, gy = (luma[i + w] - luma[i - w]) * 0.5f;
                float g = MathF.Sqrt(gx * gx + gy * gy);
                // Stay clear of the border, where the window and the normal samples would leave the picture.
                if (g < EdgeGradient || x < 2 * ZoneRadius || y < 2 * ZoneRadius || x >= w - 2 * ZoneRadius || y >= h - 2 * ZoneRadius) continue;
                isEdge[i] = true; edges.Add(i); nx.Add(gx / g); ny.Add(gy / g);
            }
        var zone = new List<int>(); var lo = new List<float>(); var hi = new List<float>();
        int r = ZoneRadius;
        for (int y = 2 * r; y < h - 2 * r; y++)
            for (int x = 2 * r; x < w - 2 * r; x++)
            {
                bool near = false;
                for (int dy = -r; dy <= r && !near; dy++)
                    for (int dx = -r; dx <= r && !near; dx++) near = isEdge[(y + dy) * w + x + dx];
                if (!near) continue;
                var (min, max) = WindowRange(luma, w, x, y, r);
                zone.Add(y * w + x); lo.Add(min); hi.Add(max);
            }
        var edgeLow = new float[edges.Count]; var edgeHigh = new float[edges.Count];
        for (int k = 0; k < edges.Count; k++)
            (edgeLow[k], edgeHigh[k]) = WindowRange(luma, w, edges[k] % w, edges[k] / w, r);
        return new EdgeSet(luma, w, h, edges.ToArray(), nx.ToArray(), ny.ToArray(), edgeLow, edgeHigh, zone.ToArray(), lo.ToArray(), hi.ToArray());
    }

    public static double HaloEnergy(EdgeSet set, FloatImage image)
    {
        var luma = Luma(image);
        double sum = 0;
        for (int k = 0; k < set.Zone.Length; k++)
        {
            float v = luma[set.Zone[k]];
            double over = Math.Max(0, v - set.PlateauHigh[k]) + Math.Max(0, set.PlateauLow[k] - v);
            sum += over * over;
        }
        return sum;
    }

    /// <summary>The share of <paramref name="before"/>'s halo energy that <paramref name="after"/> no longer has (1 = all removed); NaN when there was none.</summary>
    public static double HaloReduction(EdgeSet set, FloatImage before, FloatImage after)
    {
        double energyBefore = HaloEnergy(set, before);
        return energyBefore > 0 ? 1 - HaloEnergy(set, after) / energyBefore : double.NaN;
    }

    /// <summary><see cref="EdgeContrast"/> of <paramref name="after"/> as a share of <paramref name="before"/>'s.</summary>
    public static double EdgeContrastKept(EdgeSet set, FloatImage before, FloatImage after, double distance = 1) =>
        EdgeContrast(set, after, distance) / EdgeContrast(set, before, distance);

    public static double EdgeContrast(EdgeSet set, FloatImage image, double distance = 1) => Step(set, image, distance, clampToPlateaus: true);

    public static double RawEdgeContrast(EdgeSet set, FloatImage image, double distance = 1) => Step(set, image, distance, clampToPlateaus: false);

    private static double Step(EdgeSet set, FloatImage image, double distance, bool clampToPlateaus)
    {
        var luma = Luma(image);
        double sum = 0;
        for (int k = 0; k < set.Edges.Length; k++)
        {
            int x = set.Edges[k] % set.Width, y = set.Edges[k] / set.Width;
            // n points up the gradient: `high` is the bright side, `low` the dark side.
            double high = Bilinear(luma, set.Width, x + distance * set.NormalX[k], y + distance * set.NormalY[k]);
            double low = Bilinear(luma, set.Width, x - distance * set.NormalX[k], y - distance * set.NormalY[k]);
            if (clampToPlateaus)
            {
                high = Math.Clamp(high, set.EdgeLow[k], set.EdgeHigh[k]);
                low = Math.Clamp(low, set.EdgeLow[k], set.EdgeHigh[k]);
            }
            sum += high - low;
        }
        return sum;
    }

    private static (float Min, float Max) WindowRange(float[] luma, int w, int x, int y, int r)
    {
        float min = float.MaxValue, max = float.MinValue;
        for (int dy = -r; dy <= r; dy++)
            for (int dx = -r; dx <= r; dx++) { float v = luma[(y + dy) * w + x + dx]; min = MathF.Min(min, v); max = MathF.Max(max, v); }
        return (min, max);
    }

    public static float[] Luma(FloatImage image)
    {
        var result = new float[image.Width * image.Height];
        var px = image.Pixels;
        int c = image.Channels;
        for (int i = 0; i < result.Length; i++)
            result[i] = c >= 3 ? 0.2126f * px[i * c] + 0.7152f * px[i * c + 1] + 0.0722f * px[i * c + 2] : px[i * c];
        return result;
    }

    private static double Bilinear(float[] plane, int w, double x, double y)
    {
        int x0 = (int)Math.Floor(x), y0 = (int)Math.Floor(y);
        double fx = x - x0, fy = y - y0;
        double top = plane[y0 * w + x0] * (1 - fx) + plane[y0 * w + x0 + 1] * fx;
        double bottom = plane[(y0 + 1) * w + x0] * (1 - fx) + plane[(y0 + 1) * w + x0 + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
