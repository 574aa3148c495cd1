using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Tells halo corrections from texture corrections by what the source does around the pixel, and drops
/// corrections too small to be a halo. Both act on the limiter's correction, per pixel, after
/// <see cref="HaloLimiter.FadeLargeCorrections"/>:
/// <list type="number">
/// <item>Dead zone: |c| shrinks by <see cref="DeadZone"/> of the local reference range (soft threshold). A real
/// halo overshoots by a sizeable part of its edge's step; texture grazing the range does not.</item>
/// <item>Coherence: e = source − blurred reference. A sharpening halo is a lobe of ONE sign beside an edge, so over
/// the 3×3 around a halo pixel e keeps the sign of the overshoot (and the edge's own steepening, just inside
/// the lobe, has that sign too). Texture oscillates about the blurred level, so over a 3×3 e takes both
/// signs even where one peak of it pokes out of the range. The weight is
/// w = (max(0, ±Σe) / Σ|e|)², the sign taken so that Σe must point the way the pixel overshoots; c·w.</item>
/// </list>
/// Why not coherence of the correction itself: the clamp only cuts what leaves the range, so corrections have
/// one sign per edge side by construction, for halos and texture alike; the source's high-pass is what differs.
/// Measured on the 14 halo photos (`enhance-eval dehalo`), together with SensitivityLow 40 → 50 (which the
/// weight pays for): halo energy removed 62.8–88.2 % → 71.4–85.6 % (≥ 70 % on 10 → 14 photos), halo-free
/// pictures changed about as little as before (PSNR of the node against its input −0.7 … +1.1 dB per photo,
/// 7 of 14 still ≥ 45 dB). The square sharpens the split between one-sided lobes (w ≈ 1) and two-sided texture
/// (w ≈ 0.3–0.6); the dead zone alone, at 1 %, is worth ~0.5 dB on the halo-free pictures for ~2 points of halo.
/// Tried and dropped, because each moved the halo and halo-free figures along the same trade (about 5–7 points
/// of halo energy per dB) as SensitivityLow does: a 5×5 window (halo-free ≥ 45 dB on 14/14, halo 26–73 %),
/// the window restricted to the pixel's side of the edge, coherence of the correction itself (it has one sign
/// per edge side by construction, texture included), coherence along the edge tangent, morphological openings
/// of the correction (halo corrections are 1 px wide tips), Hessian blob/ridge tests, edge density, a dilated
/// detail mask, a wider dead zone (3 %: halo-free +2.5 dB, halo −12 points), clamping a smoothed source.
/// Plain per-pixel and 3×3 box formulation (two box sums of per-pixel maps), as the GPU kernels want it.
/// </summary>
internal static class HaloCoherence
{
    /// <summary>Corrections up to this fraction of the local reference range are dropped, larger ones shrink by it.</summary>
    internal const float DeadZone = 0.01f;

    /// <summary>Guards the division where source and reference agree over the whole 3×3 (no halo there).</summary>
    internal const float Epsilon = 1e-6f;

    private static int Lanes => Vector<float>.Count;

    /// <summary>How far outside its area the stage reads the luma and blurred reference planes.</summary>
    public const int Reach = 1;

    /// <summary>
    /// Weights <paramref name="correction"/> over <paramref name="area"/> in place. Reads <paramref name="luma"/>
    /// and <paramref name="blur"/> over the area grown by <see cref="Reach"/>, <paramref name="low"/>/<paramref name="high"/>
    /// (the merged reference's local min/max) over the area.
    /// </summary>
    public static void Apply(FloatImage luma, FloatImage blur, FloatImage low, FloatImage high, PixelRect area, FloatImage correction)
    {
        var reach = area.Inflate(Reach, Reach);
        NeighbourhoodFilters.RequireCovers(luma, reach, "luma");
        NeighbourhoodFilters.RequireCovers(blur, reach, "blur");
        NeighbourhoodFilters.RequireCovers(low, area, "low");
        NeighbourhoodFilters.RequireCovers(high, area, "high");
        NeighbourhoodFilters.RequireCovers(correction, area, "correction");
        // Horizontal 3-sums of e and |e| are kept for three rows only (a ring per band), not as two planes: a
        // band recomputes the two rows it shares with its neighbours, which gives the same values, and saves
        // allocating, clearing, writing and re-reading two full planes. Sums keep their order: horizontal first.
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            int w = area.Width, rw = reach.Width;
            var scratch = ArrayPool<float>.Shared.Rent(2 * rw + 8 * w);
            try
            {
                var e = scratch.AsSpan(0, rw); var a = scratch.AsSpan(rw, rw);
                var sum = scratch.AsSpan(2 * rw + 6 * w, w); var abs = scratch.AsSpan(2 * rw + 7 * w, w);
                // The ring: three slots of (row sum, row |sum|), slot = y mod 3.
                Span<float> SumRow(int y) => scratch.AsSpan(2 * rw + Slot(y) * 2 * w, w);
                Span<float> AbsRow(int y) => scratch.AsSpan(2 * rw + Slot(y) * 2 * w + w, w);
                void RowSums(int y, Span<float> e, Span<float> a)
                {
                    HighPass(luma.Row(y, reach.X1, reach.X2), blur.Row(y, reach.X1, reach.X2), e, a);
                    PlaneOps.Sum3(e, SumRow(y));
                    PlaneOps.Sum3(a, AbsRow(y));
                }
                RowSums(y1 - 1, e, a);
                RowSums(y1, e, a);
                for (int y = y1; y < y2; y++)
                {
                    RowSums(y + 1, e, a);
                    PlaneOps.Sum3Rows(SumRow(y - 1), SumRow(y), SumRow(y + 1), sum, 1f);
                    PlaneOps.Sum3Rows(AbsRow(y - 1), AbsRow(y), AbsRow(y + 1), abs, 1f);
                    WeightRow(correction.Row(y, area.X1, area.X2), low.Row(y, area.X1, area.X2), high.Row(y, area.X1, area.X2), sum, abs);
                }
            }
            finally { ArrayPool<float>.Shared.Return(scratch); }
        });
    }

    private static int Slot(int y) => ((y % 3) + 3) % 3;

    /// <summary>e = source − reference and |e|, one row.</summary>
    private static void HighPass(ReadOnlySpan<float> s, ReadOnlySpan<float> b, Span<float> e, Span<float> a)
    {
        int n = e.Length, i = 0;
        for (; i <= n - Lanes; i += Lanes)
        {
            var d = Load(s, i) - Load(b, i);
            Store(d, e, i);
            Store(Vector.Abs(d), a, i);
        }
        for (; i < n; i++) { float d = s[i] - b[i]; e[i] = d; a[i] = MathF.Abs(d); }
    }

    /// <summary>
    /// c ← sign(c)·max(|c| − DeadZone·(high − low), 0)·w², w = max(0, ∓Σe)/(Σ|e| + ε): a negative correction
    /// (a bright overshoot pulled down) needs Σe &gt; 0, a positive one (a dark undershoot filled) Σe &lt; 0.
    /// </summary>
    private static void WeightRow(Span<float> c, ReadOnlySpan<float> lo, ReadOnlySpan<float> hi, ReadOnlySpan<float> sum, ReadOnlySpan<float> abs)
    {
        int n = c.Length, i = 0;
        var vDead = new Vector<float>(DeadZone); var vEps = new Vector<float>(Epsilon);
        for (; i <= n - Lanes; i += Lanes)
        {
            var cv = Load(c, i);
            var magnitude = Vector.Max(Vector.Abs(cv) - vDead * (Load(hi, i) - Load(lo, i)), Vector<float>.Zero);
            var s = Load(sum, i);
            var negative = Vector.LessThan(cv, Vector<float>.Zero);
            var along = Vector.Max(Vector.ConditionalSelect(negative, s, -s), Vector<float>.Zero);
            var w = along / (Load(abs, i) + vEps);
            var weighted = magnitude * (w * w);
            Store(Vector.ConditionalSelect(negative, -weighted, weighted), c, i);
        }
        for (; i < n; i++)
        {
            float cv = c[i];
            float magnitude = MathF.Max(MathF.Abs(cv) - DeadZone * (hi[i] - lo[i]), 0f);
            bool negative = cv < 0f;
            float along = MathF.Max(negative ? sum[i] : -sum[i], 0f);
            float w = along / (abs[i] + Epsilon);
            float weighted = magnitude * (w * w);
            c[i] = negative ? -weighted : weighted;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> s, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> v, Span<float> d, int i) => v.StoreUnsafe(ref MemoryMarshal.GetReference(d), (nuint)i);
}
