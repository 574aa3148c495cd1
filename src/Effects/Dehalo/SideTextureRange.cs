using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Widens the limiter's range by part of the texture range the source shows on the pixel's own side of the
/// edge, just beyond the halo band. Why: the limiter clamps to the range of a BLURRED reference, and blurring
/// takes the amplitude out of texture, so the brightest and darkest 1–2 px spots of a textured plateau (pockets
/// between stones, highlights) stick out of that range and get clamped as if they were halo tips. A spot no
/// brighter (darker) than the plateau's own texture a few pixels further from the edge is texture; a halo lobe
/// overshoots it.
///
/// Per pixel: the side is bright where the blurred reference is at least the midpoint of the merged reference's
/// local range (the limiter's low/high), dark otherwise; "away from the edge" is the blurred reference's
/// gradient direction on the bright side and the opposite on the dark side, quantised to 8 directions as in
/// <see cref="EdgeProtection"/>'s non-maximum suppression. The texture range is the source's 3×3 min/max
/// (<see cref="WindowRadius"/>) centred <see cref="Shift"/> px away in that direction (<see cref="DiagonalShift"/>
/// px on each axis diagonally), i.e. 2–4 px further out than the pixel. Then
/// high' = high + <see cref="Share"/>·max(textureMax − high, 0), low' = low − Share·max(low − textureMin, 0).
///
/// Why only a share: a sharpened picture's plateau texture is sharpened too, so its range is inflated like the
/// halo is; with the full excess the halo tips pass (measured on the 14 halo photos: halo removed ≥ 70 % on 2
/// of 14 instead of 14). With 0.28 (and the fade over 7×7, <see cref="DehaloProcessor.FadeRadius"/>) the node
/// still removes 70.1–92.6 % of the halo energy and leaves the halo-free pictures that missed 45 dB 0.5–2.3 dB
/// closer to their input (9 of 14 at ≥ 45 dB instead of 7; brick alone loses 0.9 dB, to the wider fade).
/// Why a shifted window and not the range of all pixels beyond the halo band of ANY edge: on densely
/// textured photos (gravel, grass) almost no pixel is more than 3 px from a strong edge, so that range is empty
/// exactly where it is needed; a shift from this pixel's own edge always finds pixels.
/// Why not also a halo-sign rule (bright side: only downward corrections): the clamp already obeys it, because
/// on a pixel's side the range reaches across the edge to the other plateau; only the overshooting bound can act.
/// Per-pixel selects among fixed offsets of two min/max planes: plain for the GPU kernels.
/// </summary>
internal static class SideTextureRange
{
    /// <summary>Distance of the texture window's centre from the pixel along an axis direction.</summary>
    internal const int Shift = 3;

    /// <summary>Per-axis distance along a diagonal direction: round(<see cref="Shift"/>/√2).</summary>
    internal const int DiagonalShift = 2;

    /// <summary>Radius of the source min/max window (3×3).</summary>
    internal const int WindowRadius = 1;

    /// <summary>Share of the texture range's excess over the limiter range that is allowed.</summary>
    internal const float Share = 0.28f;

    /// <summary>How far outside its area the stage reads the source luma.</summary>
    public const int Reach = Shift + WindowRadius;

    /// <summary>How far outside its area the stage reads the blurred reference (the gradient).</summary>
    public const int BlurReach = 1;

    /// <summary>tan 22.5°: beyond it a gradient points closer to a diagonal than to an axis.</summary>
    private const float Tan22 = 0.41421356f;

    private static int Lanes => Vector<float>.Count;

    /// <summary>
    /// Writes the widened range over <paramref name="area"/> into <paramref name="wideLow"/>/<paramref name="wideHigh"/>.
    /// Reads <paramref name="luma"/> over the area grown by <see cref="Reach"/>, <paramref name="blur"/> grown by
    /// <see cref="BlurReach"/>, <paramref name="low"/>/<paramref name="high"/> over the area.
    /// </summary>
    public static void Widen(FloatImage luma, FloatImage blur, FloatImage low, FloatImage high, PixelRect area,
        FloatImage wideLow, FloatImage wideHigh)
    {
        NeighbourhoodFilters.RequireCovers(luma, area.Inflate(Reach, Reach), "luma");
        NeighbourhoodFilters.RequireCovers(blur, area.Inflate(BlurReach, BlurReach), "blur");
        NeighbourhoodFilters.RequireCovers(low, area, "low");
        NeighbourhoodFilters.RequireCovers(high, area, "high");
        NeighbourhoodFilters.RequireCovers(wideLow, area, "wideLow");
        NeighbourhoodFilters.RequireCovers(wideHigh, area, "wideHigh");
        var textureArea = area.Inflate(Shift, Shift);
        using var textureMin = new FloatImage(textureArea, 1);
        using var textureMax = new FloatImage(textureArea, 1);
        NeighbourhoodFilters.MinMax(luma, textureArea, WindowRadius, WindowRadius, textureMin, textureMax);
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var rows = new Rows(blur, textureMin, textureMax, y, area.X1, area.X2);
                WidenRow(rows, low.Row(y, area.X1, area.X2), high.Row(y, area.X1, area.X2),
                    wideLow.Row(y, area.X1, area.X2), wideHigh.Row(y, area.X1, area.X2));
            }
        });
    }

    /// <summary>
    /// The rows one output row reads: the blurred reference on rows y−1..y+1 (from one column left of the area),
    /// the texture planes on rows y−Shift, y−DiagonalShift, y, y+DiagonalShift, y+Shift (from Shift columns left).
    /// </summary>
    private readonly ref struct Rows(FloatImage blur, FloatImage min, FloatImage max, int y, int x1, int x2)
    {
        public readonly ReadOnlySpan<float> BlurAbove = blur.Row(y - 1, x1, x2);
        public readonly ReadOnlySpan<float> Blur = blur.Row(y, x1 - 1, x2 + 1);
        public readonly ReadOnlySpan<float> BlurBelow = blur.Row(y + 1, x1, x2);
        public readonly ReadOnlySpan<float> MinUp = min.Row(y - Shift, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> MinUpDiagonal = min.Row(y - DiagonalShift, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> Min = min.Row(y, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> MinDownDiagonal = min.Row(y + DiagonalShift, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> MinDown = min.Row(y + Shift, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> MaxUp = max.Row(y - Shift, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> MaxUpDiagonal = max.Row(y - DiagonalShift, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> Max = max.Row(y, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> MaxDownDiagonal = max.Row(y + DiagonalShift, x1 - Shift, x2 + Shift);
        public readonly ReadOnlySpan<float> MaxDown = max.Row(y + Shift, x1 - Shift, x2 + Shift);
    }

    /// <summary>
    /// One row. The vector body selects among the eight offsets with masks, the tail with branches; both make
    /// the same comparisons and the same arithmetic (no fused multiply-add), so they agree bit for bit.
    /// Texture rows are indexed from Shift columns left of the pixel: column i + Shift is the pixel itself.
    /// </summary>
    private static void WidenRow(in Rows r, ReadOnlySpan<float> low, ReadOnlySpan<float> high, Span<float> wideLow, Span<float> wideHigh)
    {
        int n = low.Length, i = 0;
        var vTan = new Vector<float>(Tan22); var vHalf = new Vector<float>(0.5f); var vShare = new Vector<float>(Share);
        const int c = Shift;
        for (; i <= n - Lanes; i += Lanes)
        {
            var gx = Load(r.Blur, i + 2) - Load(r.Blur, i);
            var gy = Load(r.BlurBelow, i) - Load(r.BlurAbove, i);
            var lo = Load(low, i); var hi = Load(high, i);
            var bright = Vector.GreaterThanOrEqual(Load(r.Blur, i + 1), (lo + hi) * vHalf);
            // Away from the edge: along the gradient on the bright side, against it on the dark side.
            var right = Vector.Equals(Vector.GreaterThan(gx, Vector<float>.Zero), bright);
            var down = Vector.Equals(Vector.GreaterThan(gy, Vector<float>.Zero), bright);
            var ax = Vector.Abs(gx); var ay = Vector.Abs(gy);
            var horizontal = Vector.LessThanOrEqual(ay, vTan * ax);
            var vertical = Vector.LessThanOrEqual(ax, vTan * ay);
            var tMin = Pick(r.MinUp, r.MinUpDiagonal, r.Min, r.MinDownDiagonal, r.MinDown, i + c, right, down, horizontal, vertical);
            var tMax = Pick(r.MaxUp, r.MaxUpDiagonal, r.Max, r.MaxDownDiagonal, r.MaxDown, i + c, right, down, horizontal, vertical);
            Store(hi + vShare * Vector.Max(tMax - hi, Vector<float>.Zero), wideHigh, i);
            Store(lo - vShare * Vector.Max(lo - tMin, Vector<float>.Zero), wideLow, i);
        }
        for (; i < n; i++)
        {
            float gx = r.Blur[i + 2] - r.Blur[i], gy = r.BlurBelow[i] - r.BlurAbove[i];
            float lo = low[i], hi = high[i];
            bool bright = r.Blur[i + 1] >= (lo + hi) * 0.5f;
            bool right = (gx > 0f) == bright, down = (gy > 0f) == bright;
            float ax = MathF.Abs(gx), ay = MathF.Abs(gy);
            int dx, dy;
            if (ay <= Tan22 * ax) { dx = right ? Shift : -Shift; dy = 0; }
            else if (ax <= Tan22 * ay) { dx = 0; dy = down ? Shift : -Shift; }
            else { dx = right ? DiagonalShift : -DiagonalShift; dy = down ? DiagonalShift : -DiagonalShift; }
            float tMin = Row(r, dy, minimum: true)[i + c + dx], tMax = Row(r, dy, minimum: false)[i + c + dx];
            wideHigh[i] = hi + Share * MathF.Max(tMax - hi, 0f);
            wideLow[i] = lo - Share * MathF.Max(lo - tMin, 0f);
        }
    }

    /// <summary>The texture value at the chosen offset, by masks: one of (±Shift, 0), (0, ±Shift), (±DiagonalShift, ±DiagonalShift).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Pick(ReadOnlySpan<float> up, ReadOnlySpan<float> upDiagonal, ReadOnlySpan<float> here,
        ReadOnlySpan<float> downDiagonal, ReadOnlySpan<float> down, int at, Vector<int> right, Vector<int> isDown,
        Vector<int> horizontal, Vector<int> vertical)
    {
        var sideways = Vector.ConditionalSelect(right, Load(here, at + Shift), Load(here, at - Shift));
        var upright = Vector.ConditionalSelect(isDown, Load(down, at), Load(up, at));
        var diagonal = Vector.ConditionalSelect(isDown,
            Vector.ConditionalSelect(right, Load(downDiagonal, at + DiagonalShift), Load(downDiagonal, at - DiagonalShift)),
            Vector.ConditionalSelect(right, Load(upDiagonal, at + DiagonalShift), Load(upDiagonal, at - DiagonalShift)));
        return Vector.ConditionalSelect(horizontal, sideways, Vector.ConditionalSelect(vertical, upright, diagonal));
    }

    private static ReadOnlySpan<float> Row(in Rows r, int dy, bool minimum) => dy switch
    {
        -Shift => minimum ? r.MinUp : r.MaxUp,
        -DiagonalShift => minimum ? r.MinUpDiagonal : r.MaxUpDiagonal,
        0 => minimum ? r.Min : r.Max,
        DiagonalShift => minimum ? r.MinDownDiagonal : r.MaxDownDiagonal,
        _ => minimum ? r.MinDown : r.MaxDown,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> s, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> v, Span<float> d, int i) => v.StoreUnsafe(ref MemoryMarshal.GetReference(d), (nuint)i);
}
