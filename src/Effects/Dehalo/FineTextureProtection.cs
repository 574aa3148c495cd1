using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Leaves pixel-fine texture alone: scales the limiter's correction down where the source has much more energy
/// in its top octave than in the band below it. Why: the limiter cannot tell a sharpening halo's tip from a
/// 1–2 px speck of natural texture (a pebble's highlight, a blade of grass) beside a strong edge; both stick out
/// of the blurred range. But halos are made at the scale of the sharpener and the upscale (a ×2 upscale has no
/// detail finer than two pixels, and sharpening it is linear, so it adds none), while pixel-fine texture is what
/// natively sharp pictures are full of. FineDehalo's exclusion zones (on by default there) protect dense detail
/// for the same reason.
///
/// Per pixel, over the (2·<see cref="WindowRadius"/>+1)² window:
///   top = Σ (h4² + v4²), the source's fourth differences (1, −4, 6, −4, 1) along x and y, gain 16·sin⁴(ω/2);
///   mid = Σ (h2² + v2²), second differences (1, −2, 1) of the source blurred by the 3×3 binomial, gain sin²ω;
///   ρ = top / (mid + ε) grows as 16·tan⁴(ω/2) with frequency: 16 at half the Nyquist frequency (the finest
///   detail of a ×2 upscale), ≈ 500 at three quarters of it;
///   g = clamp((ρ − <see cref="RatioFrom"/>) / (<see cref="RatioTo"/> − RatioFrom), 0, 1), and c ← c·(1 − protection·g).
///
/// Measured (`enhance-eval dehalo`, 14 photos), protection 1 against 0: on the sharpened ×2 upscales halo removal is
/// unchanged on every photo (70.1–92.6 %); the halo-free pictures left at ≥ 45 dB go from 9 to 13 of 14 (grass
/// 45.5 → 53.2 dB, gravel 42.2 → 45.8, motorcycle 43.8 → 47.4); on photos over-sharpened at their own resolution,
/// whose halos do sit in pixel-fine texture, mean halo removal falls from 31.2 to 26.4 % (every photo still
/// gains PSNR). Thresholds 15–80 protect more (native 24.1 %, two photos under 3 %); 25–120 protect less
/// (halo-free 11 of 14). A smoothstep on log ρ from 20 to 80 protected more (native 22.8 %, two photos under 3 %)
/// and needs a log per pixel.
/// </summary>
internal static class FineTextureProtection
{
    /// <summary>Radius of the window the two energies are summed over (7×7).</summary>
    internal const int WindowRadius = 3;

    /// <summary>Top-to-mid ratio up to which nothing is protected: a little above a ×2 upscale's finest band (16).</summary>
    internal const float RatioFrom = 20f;

    /// <summary>Top-to-mid ratio from which the texture is fully protected.</summary>
    internal const float RatioTo = 100f;

    /// <summary>Guards the ratio where the window is flat (no energy, nothing to protect).</summary>
    internal const float Epsilon = 1e-10f;

    /// <summary>How far each energy reads the source: the fourth difference ±2, the binomial and second difference ±1 each.</summary>
    internal const int EnergyReach = 2;

    /// <summary>How far outside its area the stage reads the source luma.</summary>
    public const int Reach = WindowRadius + EnergyReach;

    private static int Lanes => Vector<float>.Count;

    /// <summary>
    /// Scales <paramref name="correction"/> over <paramref name="area"/> in place by 1 − protection·g. Reads
    /// <paramref name="luma"/> over the area grown by <see cref="Reach"/>. Protection 0 leaves it untouched.
    /// </summary>
    public static void Apply(FloatImage luma, PixelRect area, float protection, FloatImage correction)
    {
        if (protection <= 0f) return;
        NeighbourhoodFilters.RequireCovers(luma, area.Inflate(Reach, Reach), "luma");
        NeighbourhoodFilters.RequireCovers(correction, area, "correction");
        var energyArea = area.Inflate(WindowRadius, WindowRadius);
        using var smooth = new FloatImage(energyArea.Inflate(1, 1), 1);
        Binomial3x3(luma, smooth.Bounds, smooth);
        using var top = new FloatImage(energyArea, 1);
        using var mid = new FloatImage(energyArea, 1);
        RowBands.For(energyArea.Y1, energyArea.Y2, energyArea.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                Energies(luma, smooth, y, energyArea.X1, energyArea.X2, top.Row(y), mid.Row(y));
            }
        });
        using var topSum = new FloatImage(area, 1);
        using var midSum = new FloatImage(area, 1);
        BoxSum(top, area, WindowRadius, topSum);
        BoxSum(mid, area, WindowRadius, midSum);
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
                GateRow(correction.Row(y, area.X1, area.X2), topSum.Row(y), midSum.Row(y), protection);
        });
    }

    /// <summary>The 3×3 binomial blur ([1 2 1]/4 horizontally, then vertically) of the source over <paramref name="area"/>.</summary>
    internal static void Binomial3x3(FloatImage luma, PixelRect area, FloatImage dst)
    {
        using var horizontal = new FloatImage(area.Inflate(0, 1), 1);
        var rows = area.Inflate(0, 1);
        RowBands.For(rows.Y1, rows.Y2, rows.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
                Binomial(luma.Row(y, area.X1 - 1, area.X2), luma.Row(y, area.X1, area.X2), luma.Row(y, area.X1 + 1, area.X2 + 1), horizontal.Row(y));
        });
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
                Binomial(horizontal.Row(y - 1), horizontal.Row(y), horizontal.Row(y + 1), dst.Row(y, area.X1, area.X2));
        });
    }

    /// <summary>dst = (a + 2b + c)·¼, one row.</summary>
    private static void Binomial(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> dst)
    {
        int n = dst.Length, i = 0;
        var two = new Vector<float>(2f); var quarter = new Vector<float>(0.25f);
        for (; i <= n - Lanes; i += Lanes)
            Store((Load(a, i) + two * Load(b, i) + Load(c, i)) * quarter, dst, i);
        for (; i < n; i++) dst[i] = (a[i] + 2f * b[i] + c[i]) * 0.25f;
    }

    /// <summary>top = h4² + v4² of the source and mid = h2² + v2² of the blurred source, one row from x1 to x2.</summary>
    private static void Energies(FloatImage luma, FloatImage smooth, int y, int x1, int x2, Span<float> top, Span<float> mid)
    {
        ReadOnlySpan<float> s = luma.Row(y, x1 - 2, x2 + 2);
        ReadOnlySpan<float> up2 = luma.Row(y - 2, x1, x2), up1 = luma.Row(y - 1, x1, x2);
        ReadOnlySpan<float> down1 = luma.Row(y + 1, x1, x2), down2 = luma.Row(y + 2, x1, x2);
        ReadOnlySpan<float> b = smooth.Row(y, x1 - 1, x2 + 1);
        ReadOnlySpan<float> bUp = smooth.Row(y - 1, x1, x2), bDown = smooth.Row(y + 1, x1, x2);
        int n = top.Length, i = 0;
        var four = new Vector<float>(4f); var six = new Vector<float>(6f); var two = new Vector<float>(2f);
        for (; i <= n - Lanes; i += Lanes)
        {
            var c = Load(s, i + 2);
            var h4 = Load(s, i) - four * Load(s, i + 1) + six * c - four * Load(s, i + 3) + Load(s, i + 4);
            var v4 = Load(up2, i) - four * Load(up1, i) + six * c - four * Load(down1, i) + Load(down2, i);
            var bc = Load(b, i + 1);
            var h2 = Load(b, i) - two * bc + Load(b, i + 2);
            var v2 = Load(bUp, i) - two * bc + Load(bDown, i);
            Store(h4 * h4 + v4 * v4, top, i);
            Store(h2 * h2 + v2 * v2, mid, i);
        }
        for (; i < n; i++)
        {
            float c = s[i + 2];
            float h4 = s[i] - 4f * s[i + 1] + 6f * c - 4f * s[i + 3] + s[i + 4];
            float v4 = up2[i] - 4f * up1[i] + 6f * c - 4f * down1[i] + down2[i];
            float bc = b[i + 1];
            float h2 = b[i] - 2f * bc + b[i + 2];
            float v2 = bUp[i] - 2f * bc + bDown[i];
            top[i] = h4 * h4 + v4 * v4;
            mid[i] = h2 * h2 + v2 * v2;
        }
    }

    /// <summary>Sum over the (2r+1)² window, horizontal first, each in increasing offset order.</summary>
    internal static void BoxSum(FloatImage input, PixelRect area, int r, FloatImage dst)
    {
        var rows = area.Inflate(0, r);
        using var horizontal = new FloatImage(rows, 1);
        RowBands.For(rows.Y1, rows.Y2, rows.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var src = input.Row(y, area.X1 - r, area.X2 + r); var h = horizontal.Row(y);
                int n = h.Length, i = 0;
                for (; i <= n - Lanes; i += Lanes)
                {
                    var acc = Load(src, i);
                    for (int k = 1; k <= 2 * r; k++) acc += Load(src, i + k);
                    Store(acc, h, i);
                }
                for (; i < n; i++)
                {
                    float acc = src[i];
                    for (int k = 1; k <= 2 * r; k++) acc += src[i + k];
                    h[i] = acc;
                }
            }
        });
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var d = dst.Row(y, area.X1, area.X2);
                horizontal.Row(y - r).CopyTo(d);
                for (int k = 1 - r; k <= r; k++) PlaneOps.AddScaled(d, horizontal.Row(y + k), 1f);
            }
        });
    }

    /// <summary>c ← c·(1 − protection·clamp((top/(mid + ε) − RatioFrom)/(RatioTo − RatioFrom), 0, 1)), one row.</summary>
    private static void GateRow(Span<float> c, ReadOnlySpan<float> top, ReadOnlySpan<float> mid, float protection)
    {
        const float gain = 1f / (RatioTo - RatioFrom);
        int n = c.Length, i = 0;
        var vFrom = new Vector<float>(RatioFrom); var vGain = new Vector<float>(gain);
        var vEps = new Vector<float>(Epsilon); var vP = new Vector<float>(protection);
        for (; i <= n - Lanes; i += Lanes)
        {
            var ratio = Load(top, i) / (Load(mid, i) + vEps);
            var g = Vector.Min(Vector.Max((ratio - vFrom) * vGain, Vector<float>.Zero), Vector<float>.One);
            Store(Load(c, i) * (Vector<float>.One - vP * g), c, i);
        }
        for (; i < n; i++)
        {
            float ratio = top[i] / (mid[i] + Epsilon);
            float g = MathF.Min(MathF.Max((ratio - RatioFrom) * gain, 0f), 1f);
            c[i] = c[i] * (1f - protection * g);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> s, int i) => Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> v, Span<float> d, int i) => v.StoreUnsafe(ref MemoryMarshal.GetReference(d), (nuint)i);
}
