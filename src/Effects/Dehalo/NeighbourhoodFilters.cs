using System.Buffers;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Separable neighbourhood filters on single-channel planes (1-channel <see cref="FloatImage"/>s in canvas
/// coordinates): rectangle minimum/maximum (morphological inpand/expand, and the 3×3 local range of
/// DeHalo_alpha) and the 3×3 box blur FineDehalo smooths its masks with. Each computes its output over
/// <c>area</c> only and reads the input over <c>area</c> grown by the filter's reach.
/// </summary>
internal static class NeighbourhoodFilters
{
    /// <summary>
    /// Minimum and/or maximum over the (2rx+1)×(2ry+1) rectangle around each pixel of <paramref name="area"/>.
    /// Separable: a rectangle's max is the max over rows of the max along each row.
    /// </summary>
    public static void MinMax(FloatImage input, PixelRect area, int rx, int ry, FloatImage? min, FloatImage? max)
    {
        RequireCovers(input, area.Inflate(rx, ry), "input");
        if (min is not null) RequireCovers(min, area, "min");
        if (max is not null) RequireCovers(max, area, "max");
        // Vertical first, per output row, into per-band scratch rows (the width + 2rx), then the horizontal
        // window into the output: no intermediate planes to allocate, clear and stream through. Min and max do
        // not round, so the order of the comparisons does not change the values.
        int window = 2 * rx + 1;
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            int w = area.Width + 2 * rx;
            var scratch = ArrayPool<float>.Shared.Rent(2 * w);
            try
            {
                var vMin = scratch.AsSpan(0, w); var vMax = scratch.AsSpan(w, w);
                for (int y = y1; y < y2; y++)
                {
                    var first = input.Row(y - ry, area.X1 - rx, area.X2 + rx);
                    if (min is not null) first.CopyTo(vMin);
                    if (max is not null) first.CopyTo(vMax);
                    for (int k = -ry + 1; k <= ry; k++)
                    {
                        var src = input.Row(y + k, area.X1 - rx, area.X2 + rx);
                        if (min is not null) PlaneOps.MinInPlace(vMin, src);
                        if (max is not null) PlaneOps.MaxInPlace(vMax, src);
                    }
                    if (min is not null) PlaneOps.WindowMin(vMin, min.Row(y, area.X1, area.X2), window);
                    if (max is not null) PlaneOps.WindowMax(vMax, max.Row(y, area.X1, area.X2), window);
                }
            }
            finally { ArrayPool<float>.Shared.Return(scratch); }
        });
    }

    /// <summary>Local range (max − min over 3×3), DeHalo_alpha's measure of how much contrast a spot holds.</summary>
    public static void Range3x3(FloatImage input, PixelRect area, FloatImage range)
    {
        RequireCovers(input, area.Inflate(1, 1), "input");
        RequireCovers(range, area, "range");
        // One pass per output row, vertical first (min/max of the three rows over the width + 2), then the
        // horizontal 3-window of each: the rectangle's min/max without the two full intermediate planes and the
        // extra subtraction pass the separable MinMax would need. Min and max do not round, so the order of the
        // comparisons does not change the result.
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            int w = area.Width + 2;
            var scratch = ArrayPool<float>.Shared.Rent(3 * w);
            try
            {
                var vMin = scratch.AsSpan(0, w); var vMax = scratch.AsSpan(w, w); var hMin = scratch.AsSpan(2 * w, area.Width);
                for (int y = y1; y < y2; y++)
                {
                    var above = input.Row(y - 1, area.X1 - 1, area.X2 + 1);
                    var here = input.Row(y, area.X1 - 1, area.X2 + 1);
                    var below = input.Row(y + 1, area.X1 - 1, area.X2 + 1);
                    above.CopyTo(vMin); above.CopyTo(vMax);
                    PlaneOps.MinInPlace(vMin, here); PlaneOps.MinInPlace(vMin, below);
                    PlaneOps.MaxInPlace(vMax, here); PlaneOps.MaxInPlace(vMax, below);
                    var r = range.Row(y, area.X1, area.X2);
                    PlaneOps.WindowMin(vMin, hMin, 3);
                    PlaneOps.WindowMax(vMax, r, 3);
                    PlaneOps.Subtract(r, hMin, r);
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
        });
    }

    /// <summary>3×3 mean, the smoothing FineDehalo applies so its nearly binary masks blend without seams.</summary>
    public static void Box3x3(FloatImage input, PixelRect area, FloatImage output)
    {
        RequireCovers(input, area.Inflate(1, 1), "input");
        RequireCovers(output, area, "output");
        var rows = new PixelRect(area.X1, area.Y1 - 1, area.X2, area.Y2 + 1);
        using var h = new FloatImage(rows, 1);
        RowBands.For(rows.Y1, rows.Y2, rows.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++) PlaneOps.Sum3(input.Row(y, area.X1 - 1, area.X2 + 1), h.Row(y));
        });
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
                PlaneOps.Sum3Rows(h.Row(y - 1), h.Row(y), h.Row(y + 1), output.Row(y, area.X1, area.X2), 1f / 9f);
        });
    }

    internal static void RequireCovers(FloatImage image, PixelRect area, string name)
    {
        if (image.Channels != 1) throw new ArgumentException($"The {name} plane must have one channel.");
        if (!image.Bounds.Contains(area))
            throw new ArgumentException($"The {name} plane {image.Bounds} does not cover {area}.");
    }
}
