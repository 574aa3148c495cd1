using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// The DeHalo_alpha core on luma planes: a detail mask from how much local range the halo-free reference
/// loses, a merged reference (source where there is detail, reference where there is a clean edge), and the
/// limiter that keeps the source inside the local range of that merged reference (over the window of
/// <see cref="DehaloProcessor.LimitRadius"/>). A halo is the part of the source that overshoots the range its
/// edge really spans, so clamping removes it; <see cref="FadeLargeCorrections"/> spares thin lines.
/// </summary>
internal static class HaloLimiter
{
    /// <summary>Guards the division by the local range in flat areas (range 0 there means "no halo").</summary>
    internal const float RangeEpsilon = 1e-5f;

    private static int Lanes => Vector<float>.Count;

    /// <summary>
    /// detail = clamp((drop − low) · ((range + 1) / 2 + high), 0, 1), drop = (range − blurRange) / range, and
    /// reference = blur + (source − blur) · detail, over <paramref name="area"/>.
    /// Why: texture and fine detail lose most of their range when blurred (drop near 1), so they are kept as
    /// they are; a clean edge keeps its range (drop near 0), so there the smooth reference defines how far the
    /// picture may go, and anything the sharpener pushed beyond it is halo. The second factor makes
    /// high-contrast spots count as detail sooner (DeHalo_alpha's highsens).
    /// </summary>
    public static void DetailMaskAndReference(FloatImage luma, FloatImage blur, FloatImage range, FloatImage blurRange,
        PixelRect area, float low, float high, FloatImage detail, FloatImage reference)
    {
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            var vLow = new Vector<float>(low); var vHigh = new Vector<float>(high);
            var vEps = new Vector<float>(RangeEpsilon); var vHalf = new Vector<float>(0.5f);
            for (int y = y1; y < y2; y++)
            {
                var s = luma.Row(y, area.X1, area.X2); var b = blur.Row(y, area.X1, area.X2);
                var r = range.Row(y, area.X1, area.X2); var br = blurRange.Row(y, area.X1, area.X2);
                var d = detail.Row(y, area.X1, area.X2); var f = reference.Row(y, area.X1, area.X2);
                int n = area.Width, i = 0;
                for (; i <= n - Lanes; i += Lanes)
                {
                    var are = Load(r, i);
                    var drop = (are - Load(br, i)) / (are + vEps);
                    var m = (drop - vLow) * ((are + Vector<float>.One) * vHalf + vHigh);
                    m = Vector.Min(Vector.Max(m, Vector<float>.Zero), Vector<float>.One);
                    var bv = Load(b, i);
                    Store(m, d, i);
                    Store(bv + (Load(s, i) - bv) * m, f, i);
                }
                for (; i < n; i++)
                {
                    float are = r[i];
                    float drop = (are - br[i]) / (are + RangeEpsilon);
                    float m = (drop - low) * ((are + 1f) * 0.5f + high);
                    m = MathF.Min(MathF.Max(m, 0f), 1f);
                    d[i] = m;
                    f[i] = b[i] + (s[i] - b[i]) * m;
                }
            }
        });
    }

    /// <summary>
    /// correction = clamp(source, low, high) − source over <paramref name="area"/>, where low/high are the local
    /// minimum/maximum of the merged reference. With <paramref name="supersample"/> the clamp is evaluated at
    /// the four points (±¼, ±¼) of each pixel (bilinear interpolation of all three planes) and the corrections
    /// averaged: a per-pixel clamp switches on and off in stair steps along a diagonal edge, the sub-pixel one
    /// follows the edge smoothly. Only the correction is averaged, so a pixel that needs none stays bit-identical.
    /// </summary>
    public static void Limit(FloatImage luma, FloatImage low, FloatImage high, PixelRect area, bool supersample, FloatImage correction)
    {
        if (!supersample)
        {
            RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
            {
                for (int y = y1; y < y2; y++)
                    ClampCorrection(luma.Row(y, area.X1, area.X2), low.Row(y, area.X1, area.X2), high.Row(y, area.X1, area.X2),
                        correction.Row(y, area.X1, area.X2), 1f, accumulate: false);
            });
            return;
        }
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            int w = area.Width + 2;
            // Vertically interpolated rows (y ± ¼) of source, low and high, one column of margin each side.
            var scratch = new float[6 * w];
            var mid = new float[3 * area.Width];
            var planes = new[] { luma, low, high };
            for (int y = y1; y < y2; y++)
            {
                var dst = correction.Row(y, area.X1, area.X2);
                dst.Clear();
                for (int dy = -1; dy <= 1; dy += 2)
                {
                    for (int p = 0; p < 3; p++)
                    {
                        var v = scratch.AsSpan(p * w, w);
                        PlaneOps.Scale(v, planes[p].Row(y, area.X1 - 1, area.X2 + 1), 0.75f);
                        PlaneOps.AddScaled(v, planes[p].Row(y + dy, area.X1 - 1, area.X2 + 1), 0.25f);
                    }
                    for (int dx = -1; dx <= 1; dx += 2)
                    {
                        for (int p = 0; p < 3; p++)
                        {
                            var v = scratch.AsSpan(p * w, w);
                            var m = mid.AsSpan(p * area.Width, area.Width);
                            PlaneOps.Scale(m, v.Slice(1, area.Width), 0.75f);
                            PlaneOps.AddScaled(m, v.Slice(1 + dx, area.Width), 0.25f);
                        }
                        ClampCorrection(mid.AsSpan(0, area.Width), mid.AsSpan(area.Width, area.Width),
                            mid.AsSpan(2 * area.Width, area.Width), dst, 0.25f, accumulate: true);
                    }
                }
            }
        });
    }

    /// <summary>
    /// Separate strengths for the two halo kinds: a positive correction fills a dark halo (source below what the edge allows), a negative one pulls
    /// down a bright halo. Written into <paramref name="correction"/> in place.
    /// </summary>
    public static void ApplyStrengths(FloatImage correction, PixelRect area, float dark, float bright)
    {
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            var vDark = new Vector<float>(dark); var vBright = new Vector<float>(bright);
            for (int y = y1; y < y2; y++)
            {
                var c = correction.Row(y, area.X1, area.X2);
                int n = c.Length, i = 0;
                for (; i <= n - Lanes; i += Lanes)
                {
                    var v = Load(c, i);
                    Store(Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v * vDark, v * vBright), c, i);
                }
                for (; i < n; i++) c[i] = c[i] > 0f ? c[i] * dark : c[i] * bright;
            }
        });
    }

    /// <summary>
    /// Fades out corrections that are a large part of the local edge contrast: |c| up to
    /// <see cref="FadeFrom"/> of the reference's local range passes fully, from <see cref="FadeTo"/> on not at all.
    /// Why: a halo is a fringe beside an edge, a fraction of the edge's height, while a thin line, a highlight
    /// or a fine stripe sticks out of the blurred reference by a large part of its own contrast. Clamping
    /// those would erase real detail; this keeps them (FineDehalo's thin-line exclusion, done per pixel).
    /// </summary>
    public static void FadeLargeCorrections(FloatImage correction, FloatImage low, FloatImage high, PixelRect area)
    {
        const float gain = 1f / (FadeTo - FadeFrom);
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            var vEps = new Vector<float>(RangeEpsilon); var vTo = new Vector<float>(FadeTo); var vGain = new Vector<float>(gain);
            for (int y = y1; y < y2; y++)
            {
                var c = correction.Row(y, area.X1, area.X2);
                var lo = low.Row(y, area.X1, area.X2); var hi = high.Row(y, area.X1, area.X2);
                int n = c.Length, i = 0;
                for (; i <= n - Lanes; i += Lanes)
                {
                    var cv = Load(c, i);
                    var f = Vector.Abs(cv) / (Load(hi, i) - Load(lo, i) + vEps);
                    var keep = Vector.Min(Vector.Max((vTo - f) * vGain, Vector<float>.Zero), Vector<float>.One);
                    Store(cv * keep, c, i);
                }
                for (; i < n; i++)
                {
                    float f = MathF.Abs(c[i]) / (hi[i] - lo[i] + RangeEpsilon);
                    c[i] = c[i] * MathF.Min(MathF.Max((FadeTo - f) * gain, 0f), 1f);
                }
            }
        });
    }

    /// <summary>Correction, as a fraction of the local reference range, below which it applies fully.</summary>
    internal const float FadeFrom = 0.25f;
    /// <summary>Correction fraction from which it is dropped entirely (a thin line, not a halo).</summary>
    internal const float FadeTo = 0.5f;

    private static void ClampCorrection(ReadOnlySpan<float> s, ReadOnlySpan<float> lo, ReadOnlySpan<float> hi, Span<float> dst,
        float scale, bool accumulate)
    {
        int n = dst.Length, i = 0;
        var vScale = new Vector<float>(scale);
        for (; i <= n - Lanes; i += Lanes)
        {
            var sv = Load(s, i);
            var c = (Vector.Max(Vector.Min(sv, Load(hi, i)), Load(lo, i)) - sv) * vScale;
            Store(accumulate ? Load(dst, i) + c : c, dst, i);
        }
        for (; i < n; i++)
        {
            float c = (MathF.Max(MathF.Min(s[i], hi[i]), lo[i]) - s[i]) * scale;
            dst[i] = accumulate ? dst[i] + c : c;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> s, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> v, Span<float> d, int i) => v.StoreUnsafe(ref MemoryMarshal.GetReference(d), (nuint)i);
}
