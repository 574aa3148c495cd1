using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Edge protection in the manner of FineDehalo: an edge map that treats strong edges and their halo zone
/// differently. The weight is 1 in the zone within the radius of a strong edge, 0 on the edge's centre line
/// (so the edge itself is never moved) and 0 away from strong edges, so flat areas and texture are untouched.
///
/// Where FineDehalo thresholds a Prewitt map of the source, this finds edges in the halo-free reference and
/// thins them to their centre line. Why: on a sharpened picture the halo's own slopes are steep, so a source
/// edge map covers the halo zone itself and protecting "the edge" would protect the halo. FineDehalo's second
/// mask (closing of lighter edges, to exclude thin lines and stripes) is left out for the same reason: a
/// haloed edge looks like several close parallel edges, and the closing excluded almost every halo (measured:
/// halo reduction fell from ~80 % to ~30 %). Thin lines are protected in the limiter instead
/// (<see cref="HaloLimiter.FadeLargeCorrections"/>).
/// Edge strength is the reference gradient rescaled to the height of the step that produced it, so
/// FineDehalo's thresholds keep their meaning: strong from a step of 80/765 to 128/765 of full range
/// (thmi, thma on its 8-bit Prewitt scale, where a step gives three times its height).
/// </summary>
internal static class EdgeProtection
{
    internal const float StrongFrom = 80f / 765f, StrongTo = 128f / 765f;

    /// <summary>How far outside its output area <see cref="Build"/> reads the reference.</summary>
    public static (int X, int Y) Reach(int rx, int ry) => (rx + 3, ry + 3);

    /// <summary>
    /// Writes the protection weight over <paramref name="area"/>. <paramref name="reference"/> is the down/up
    /// blurred luma, made with radii <paramref name="radiusX"/>, <paramref name="radiusY"/>; rx, ry are the
    /// whole-pixel radii of the morphology.
    /// </summary>
    public static void Build(FloatImage reference, double originX, double originY, double radiusX, double radiusY,
        PixelRect area, int rx, int ry, FloatImage weight)
    {
        // Areas, from the output inwards: the final 3×3 blur reads `raw` one pixel out; `raw` needs the strong
        // centre lines grown by the radius.
        var raw = area.Inflate(1, 1);
        var lineArea = raw.Inflate(rx, ry);
        using var strength = new FloatImage(lineArea, 1);
        CentreLineStrength(reference, lineArea, StepScale(originX, radiusX), StepScale(originY, radiusY), strength);

        // The strength is only needed as the 0–1 "strong" mask, so it is ramped in place (one plane less to
        // allocate, clear and stream through).
        var strong = strength;
        RowBands.For(lineArea.Y1, lineArea.Y2, lineArea.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var row = strength.Row(y);
                PlaneOps.Ramp(row, row, StrongFrom, 1f / (StrongTo - StrongFrom));
            }
        });

        // large: the strong centre lines grown by the radius, i.e. the edge plus the zone its halos live in.
        using var large = new FloatImage(raw, 1);
        NeighbourhoodFilters.MinMax(strong, raw, rx, ry, null, large);

        // outside = 2·(large − strong): the halo zone minus the edge's centre line, doubled so the zone reaches
        // full weight. (The transition either side of the centre survives the limiter on its own: the
        // reference range it is clamped to spans the edge from plateau to plateau.)
        RowBands.For(raw.Y1, raw.Y2, raw.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var e = large.Row(y);
                PlaneOps.Subtract(e, strong.Row(y, raw.X1, raw.X2), e);
                PlaneOps.Ramp(e, e, 0f, 2f);
            }
        });
        // Blur and double once more: grows the zone a little so halo parts stuck to the edge are not missed.
        NeighbourhoodFilters.Box3x3(large, area, weight);
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var w = weight.Row(y, area.X1, area.X2);
                PlaneOps.Ramp(w, w, 0f, 2f);
                // Last, the centre line itself is taken out again: the blur above would fill it in.
                PlaneOps.Suppress(w, strong.Row(y, area.X1, area.X2));
            }
        });
    }

    /// <summary>
    /// Edge strength on edge centre lines, 0 elsewhere: the reference's gradient (central differences, each axis
    /// rescaled to step height by <paramref name="scaleX"/>/<paramref name="scaleY"/>) where it is a local
    /// maximum across the edge (non-maximum suppression along the gradient, quantised to 4 directions).
    /// </summary>
    internal static void CentreLineStrength(FloatImage reference, PixelRect area, float scaleX, float scaleY, FloatImage strength)
    {
        NeighbourhoodFilters.RequireCovers(reference, area.Inflate(2, 2), "reference");
        var gradArea = area.Inflate(1, 1);
        // Only the magnitude is kept as a plane (suppression reads it on three rows); the suppression pass
        // recomputes its own row's gx, gy into scratch, cheaper than writing and re-reading two more planes.
        using var magnitude = new FloatImage(gradArea, 1);
        float sx = 0.5f * scaleX, sy = 0.5f * scaleY;
        RowBands.For(gradArea.Y1, gradArea.Y2, gradArea.Width, (y1, y2) =>
        {
            int w = gradArea.Width;
            var scratch = ArrayPool<float>.Shared.Rent(2 * w);
            try
            {
                for (int y = y1; y < y2; y++)
                    Gradient(reference.Row(y, gradArea.X1 - 1, gradArea.X2 + 1), reference.Row(y - 1, gradArea.X1, gradArea.X2),
                        reference.Row(y + 1, gradArea.X1, gradArea.X2), sx, sy, scratch.AsSpan(0, w), scratch.AsSpan(w, w), magnitude.Row(y));
            }
            finally { ArrayPool<float>.Shared.Return(scratch); }
        });
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            int w = area.Width;
            var scratch = ArrayPool<float>.Shared.Rent(3 * w);
            try
            {
                Span<float> gx = scratch.AsSpan(0, w), gy = scratch.AsSpan(w, w), unused = scratch.AsSpan(2 * w, w);
                for (int y = y1; y < y2; y++)
                {
                    Gradient(reference.Row(y, area.X1 - 1, area.X2 + 1), reference.Row(y - 1, area.X1, area.X2),
                        reference.Row(y + 1, area.X1, area.X2), sx, sy, gx, gy, unused);
                    SuppressNonMaxima(gx, gy, magnitude.Row(y - 1), magnitude.Row(y), magnitude.Row(y + 1), strength.Row(y, area.X1, area.X2));
                }
            }
            finally { ArrayPool<float>.Shared.Return(scratch); }
        });
    }

    /// <summary>
    /// One row of central differences and their magnitude, in one pass over memory: gx = (right − left)·sx,
    /// gy = (below − above)·sy, |g|. <paramref name="row"/> holds the row from one pixel left of the output to
    /// one right of it; <paramref name="above"/>/<paramref name="below"/> are aligned with the output.
    /// </summary>
    private static void Gradient(ReadOnlySpan<float> row, ReadOnlySpan<float> above, ReadOnlySpan<float> below, float sx, float sy,
        Span<float> gx, Span<float> gy, Span<float> magnitude)
    {
        int n = gx.Length, i = 0;
        var vsx = new Vector<float>(sx); var vsy = new Vector<float>(sy);
        for (; i <= n - Lanes; i += Lanes)
        {
            var x = (Load(row, i + 2) - Load(row, i)) * vsx;
            var y = (Load(below, i) - Load(above, i)) * vsy;
            Store(x, gx, i); Store(y, gy, i);
            Store(Vector.SquareRoot(x * x + y * y), magnitude, i);
        }
        for (; i < n; i++)
        {
            float x = (row[i + 2] - row[i]) * sx, y = (below[i] - above[i]) * sy;
            gx[i] = x; gy[i] = y;
            magnitude[i] = MathF.Sqrt(x * x + y * y);
        }
    }

    /// <summary>
    /// Non-maximum suppression of one row: the magnitude where it is no smaller than both neighbours along the
    /// gradient (quantised to horizontal, vertical or one of the diagonals), else 0. The magnitude rows start
    /// one pixel left of the output; gx/gy are aligned with it. The vector body picks the neighbours with masks
    /// instead of branches and makes the same comparisons, so body and tail agree bit for bit.
    /// </summary>
    private static void SuppressNonMaxima(ReadOnlySpan<float> gx, ReadOnlySpan<float> gy, ReadOnlySpan<float> up,
        ReadOnlySpan<float> here, ReadOnlySpan<float> down, Span<float> dst)
    {
        // tan 22.5° ≈ 0.4142: beyond it the gradient points closer to a diagonal than to an axis.
        const float tan22 = 0.41421356f;
        int n = dst.Length, i = 0;
        var vTan = new Vector<float>(tan22);
        for (; i <= n - Lanes; i += Lanes)
        {
            var x = Load(gx, i); var y = Load(gy, i);
            var ax = Vector.Abs(x); var ay = Vector.Abs(y);
            var horizontal = Vector.LessThanOrEqual(ay, vTan * ax);
            var vertical = Vector.LessThanOrEqual(ax, vTan * ay);
            var sameSign = Vector.Equals(Vector.GreaterThan(x, Vector<float>.Zero), Vector.GreaterThan(y, Vector<float>.Zero));
            // Columns i, i+1, i+2 of the magnitude rows are the pixel's left, centre and right.
            var a = Vector.ConditionalSelect(sameSign, Load(up, i), Load(up, i + 2));
            var b = Vector.ConditionalSelect(sameSign, Load(down, i + 2), Load(down, i));
            a = Vector.ConditionalSelect(vertical, Load(up, i + 1), a);
            b = Vector.ConditionalSelect(vertical, Load(down, i + 1), b);
            a = Vector.ConditionalSelect(horizontal, Load(here, i), a);
            b = Vector.ConditionalSelect(horizontal, Load(here, i + 2), b);
            var m = Load(here, i + 1);
            var keep = Vector.BitwiseAnd(Vector.GreaterThanOrEqual(m, a), Vector.GreaterThanOrEqual(m, b));
            Store(Vector.ConditionalSelect(keep, m, Vector<float>.Zero), dst, i);
        }
        for (; i < n; i++)
        {
            int c = i + 1;
            float ax = MathF.Abs(gx[i]), ay = MathF.Abs(gy[i]), m = here[c];
            float a, b;
            if (ay <= tan22 * ax) { a = here[c - 1]; b = here[c + 1]; }
            else if (ax <= tan22 * ay) { a = up[c]; b = down[c]; }
            else if ((gx[i] > 0) == (gy[i] > 0)) { a = up[c - 1]; b = down[c + 1]; }
            else { a = up[c + 1]; b = down[c - 1]; }
            dst[i] = m >= a && m >= b ? m : 0f;
        }
    }

    /// <summary>
    /// Factor turning the reference's peak central-difference gradient into the height of the step that
    /// produced it: the down/up blur spreads a unit step over a few pixels, lowering its peak slope to some
    /// s(radius) &lt; 1; strength = gradient / s. Found by running a unit step through the same taps.
    /// </summary>
    internal static float StepScale(double origin, double radius)
    {
        // The blur is periodic with the coarse grid, so the peak slope depends on where the step falls
        // between coarse samples; average over the whole-pixel phases of one period.
        int phases = Math.Max(1, (int)Math.Ceiling(radius));
        double sum = 0;
        for (int p = 0; p < phases; p++) sum += PeakSlopeOfUnitStep(origin, radius, p);
        return (float)(phases / Math.Max(sum, 1e-3));
    }

    private static double PeakSlopeOfUnitStep(double origin, double radius, int stepAt)
    {
        int reach = (int)Math.Ceiling(4 * radius) + 4;
        int x1 = stepAt - reach, x2 = stepAt + reach;
        var (j1, j2) = ResampleTaps.CoarseSpan(origin, radius, x1, x2);
        var down = ResampleTaps.Down(origin, radius, j1, j2);
        var up = ResampleTaps.Up(origin, radius, x1, x2 - 1);
        var coarse = new double[j2 - j1 + 1];
        for (int j = j1; j <= j2; j++)
        {
            var w = down.Weights(j);
            for (int k = 0; k < w.Length; k++) coarse[j - j1] += down.Start(j) + k >= stepAt ? w[k] : 0;
        }
        var fine = new double[x2 - x1];
        for (int x = x1; x < x2; x++)
        {
            var w = up.Weights(x);
            for (int k = 0; k < w.Length; k++) fine[x - x1] += w[k] * coarse[up.Start(x) + k - j1];
        }
        double peak = 0;
        for (int i = 1; i + 1 < fine.Length; i++) peak = Math.Max(peak, (fine[i + 1] - fine[i - 1]) * 0.5);
        return peak;
    }

    private static int Lanes => Vector<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> s, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> v, Span<float> d, int i) => v.StoreUnsafe(ref MemoryMarshal.GetReference(d), (nuint)i);
}
