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
                        correction.Row(y, area.X1, area.X2));
            });
            return;
        }
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                // Rows y−1, y, y+1 of each plane, from one column left of the area to one right of it.
                var s = new Rows3(luma, y, area.X1 - 1, area.X2 + 1);
                var lo = new Rows3(low, y, area.X1 - 1, area.X2 + 1);
                var hi = new Rows3(high, y, area.X1 - 1, area.X2 + 1);
                SupersampledRow(s, lo, hi, correction.Row(y, area.X1, area.X2));
            }
        });
    }

    /// <summary>Three consecutive rows of one plane over the same columns.</summary>
    private readonly ref struct Rows3(FloatImage plane, int y, int x1, int x2)
    {
        public readonly ReadOnlySpan<float> Above = plane.Row(y - 1, x1, x2);
        public readonly ReadOnlySpan<float> Here = plane.Row(y, x1, x2);
        public readonly ReadOnlySpan<float> Below = plane.Row(y + 1, x1, x2);
    }

    /// <summary>
    /// One row of the supersampled limiter in a single pass over memory. At each of the four points (±¼, ±¼) the
    /// three planes are interpolated bilinearly, vertical first: v = 0.75·P[y] + 0.25·P[y±1], then
    /// 0.75·v[x] + 0.25·v[x±1]; the clamp's correction, scaled by ¼, is summed from 0 in the order
    /// (−¼,−¼), (−¼,+¼), (+¼,−¼), (+¼,+¼). Every value is rounded exactly as in the plane-at-a-time formulation
    /// (no fused multiply-add), so the result is bit-identical to it and body and tail agree.
    /// </summary>
    private static void SupersampledRow(Rows3 s, Rows3 lo, Rows3 hi, Span<float> dst)
    {
        int n = dst.Length, i = 0;
        var vq = new Vector<float>(0.25f); var v3q = new Vector<float>(0.75f);
        for (; i <= n - Lanes; i += Lanes)
        {
            var acc = Vector<float>.Zero;
            for (int dy = -1; dy <= 1; dy += 2)
            {
                var sOther = dy < 0 ? s.Above : s.Below;
                var loOther = dy < 0 ? lo.Above : lo.Below;
                var hiOther = dy < 0 ? hi.Above : hi.Below;
                // Vertically interpolated values at columns x−1, x, x+1 (offsets i, i+1, i+2 in the rows).
                var sC = Load(s.Here, i + 1) * v3q + Load(sOther, i + 1) * vq;
                var loC = Load(lo.Here, i + 1) * v3q + Load(loOther, i + 1) * vq;
                var hiC = Load(hi.Here, i + 1) * v3q + Load(hiOther, i + 1) * vq;
                for (int dx = 0; dx <= 2; dx += 2)
                {
                    var sv = sC * v3q + (Load(s.Here, i + dx) * v3q + Load(sOther, i + dx) * vq) * vq;
                    var lv = loC * v3q + (Load(lo.Here, i + dx) * v3q + Load(loOther, i + dx) * vq) * vq;
                    var hv = hiC * v3q + (Load(hi.Here, i + dx) * v3q + Load(hiOther, i + dx) * vq) * vq;
                    acc += (Vector.Max(Vector.Min(sv, hv), lv) - sv) * vq;
                }
            }
            Store(acc, dst, i);
        }
        for (; i < n; i++)
        {
            float acc = 0f;
            for (int dy = -1; dy <= 1; dy += 2)
            {
                var sOther = dy < 0 ? s.Above : s.Below;
                var loOther = dy < 0 ? lo.Above : lo.Below;
                var hiOther = dy < 0 ? hi.Above : hi.Below;
                float sC = s.Here[i + 1] * 0.75f + sOther[i + 1] * 0.25f;
                float loC = lo.Here[i + 1] * 0.75f + loOther[i + 1] * 0.25f;
                float hiC = hi.Here[i + 1] * 0.75f + hiOther[i + 1] * 0.25f;
                for (int dx = 0; dx <= 2; dx += 2)
                {
                    float sv = sC * 0.75f + (s.Here[i + dx] * 0.75f + sOther[i + dx] * 0.25f) * 0.25f;
                    float lv = loC * 0.75f + (lo.Here[i + dx] * 0.75f + loOther[i + dx] * 0.25f) * 0.25f;
                    float hv = hiC * 0.75f + (hi.Here[i + dx] * 0.75f + hiOther[i + dx] * 0.25f) * 0.25f;
                    acc += (MathF.Max(MathF.Min(sv, hv), lv) - sv) * 0.25f;
                }
            }
            dst[i] = acc;
        }
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

    /// <summary>dst = clamp(s, lo, hi) − s: the per-pixel limiter.</summary>
    private static void ClampCorrection(ReadOnlySpan<float> s, ReadOnlySpan<float> lo, ReadOnlySpan<float> hi, Span<float> dst)
    {
        int n = dst.Length, i = 0;
        for (; i <= n - Lanes; i += Lanes)
        {
            var sv = Load(s, i);
            Store(Vector.Max(Vector.Min(sv, Load(hi, i)), Load(lo, i)) - sv, dst, i);
        }
        for (; i < n; i++) dst[i] = MathF.Max(MathF.Min(s[i], hi[i]), lo[i]) - s[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> s, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> v, Span<float> d, int i) => v.StoreUnsafe(ref MemoryMarshal.GetReference(d), (nuint)i);
}
