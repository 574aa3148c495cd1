using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Moving between the host's interleaved RGB/RGBA pixels and the luma plane Dehalo works on.
/// Halos are a brightness artefact, so the detection and limiting run on luma (Rec.709 weights). The
/// luma correction d is then added equally to R, G and B: that leaves the colour differences B − Y and
/// R − Y (Cb, Cr) exactly as they were, so hue and saturation do not shift and HDR values stay unclamped.
/// Premultiplied RGBA: luma comes from straight colour, and adding d to straight colour then premultiplying
/// again is the same as adding d · alpha to the premultiplied value, which needs no division on the way out.
/// </summary>
internal static class LumaTransfer
{
    public const float Kr = 0.2126f, Kg = 0.7152f, Kb = 0.0722f;

    /// <summary>
    /// The largest luma magnitude the stages work with: half-float's largest value, far above any
    /// picture (HDR highlights reach hundreds). The stages square and sum luma; a host value near
    /// 1e20 or 3e38 overflowed there and turned whole neighbourhoods to NaN. Beyond this the pixel is
    /// not a picture value: it is worked on as this bound (and NaN as 0) so it cannot reach its
    /// neighbours; the pixel itself still gets only a bounded correction.
    /// </summary>
    public const float LumaLimit = 65504f;

    /// <summary><paramref name="y"/> within ±<see cref="LumaLimit"/>, NaN as 0 (the vector path selects the same way).</summary>
    private static float Bounded(float y) => y >= -LumaLimit ? (y <= LumaLimit ? y : LumaLimit) : (y < -LumaLimit ? -LumaLimit : 0f);

    private static Vector256<float> Bounded(Vector256<float> y)
    {
        var limit = Vector256.Create(LumaLimit);
        var inside = Vector256.GreaterThanOrEqual(y, -limit) & Vector256.LessThanOrEqual(y, limit);
        var outside = Vector256.ConditionalSelect(Vector256.GreaterThan(y, limit), limit,
            Vector256.ConditionalSelect(Vector256.LessThan(y, -limit), -limit, Vector256<float>.Zero));
        return Vector256.ConditionalSelect(inside, y, outside);
    }

    /// <summary>
    /// Fills <paramref name="luma"/> over its whole bounds. Pixels outside <paramref name="definition"/> are
    /// edge-extended (the nearest pixel of the clip), so a tile at the border sees what an untiled render sees.
    /// </summary>
    public static void Extract(FloatImage source, PixelRect definition, FloatImage luma)
    {
        var area = luma.Bounds;
        int channels = source.Channels;
        var (inside1, inside2) = Inside(area, definition);
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var src = source.Row(Math.Clamp(y, definition.Y1, definition.Y2 - 1));
                var dst = luma.Row(y);
                int first = source.Bounds.X1;
                // Left of the clip every pixel repeats its first column, right of it its last: computed once.
                // (Only read when the area reaches past that side: a tile's source need not hold the clip's edges.)
                if (inside1 > area.X1) dst.Slice(0, inside1 - area.X1).Fill(LumaOf(src, (definition.X1 - first) * channels, channels));
                if (inside2 < area.X2) dst.Slice(inside2 - area.X1).Fill(LumaOf(src, (definition.X2 - 1 - first) * channels, channels));
                if (inside2 > inside1)
                    LumaRun(src.Slice((inside1 - first) * channels), channels, dst.Slice(inside1 - area.X1, inside2 - inside1));
            }
        });
    }

    /// <summary>The columns of <paramref name="area"/> inside the clip, [X1, X2), clamped into the area (possibly empty).</summary>
    private static (int X1, int X2) Inside(PixelRect area, PixelRect definition)
    {
        int x1 = Math.Clamp(definition.X1, area.X1, area.X2), x2 = Math.Clamp(definition.X2, area.X1, area.X2);
        return (x1, Math.Max(x1, x2));
    }

    /// <summary>Luma of consecutive pixels; the same arithmetic as <see cref="LumaOf"/>, without a clamp or a
    /// channel test per pixel.</summary>
    private static void LumaRun(ReadOnlySpan<float> src, int channels, Span<float> dst)
    {
        if (channels == 1)
        {
            for (int j = 0; j < dst.Length; j++) dst[j] = Bounded(src[j]);
            return;
        }
        if (src.Length < dst.Length * channels) throw new ArgumentException("Source row too short.", nameof(src));
        ref float p = ref MemoryMarshal.GetReference(src);
        int i = 0;
        if (channels == 4 && Avx2.IsSupported)
        {
            i = LumaRgba8(ref p, dst);
            p = ref Unsafe.Add(ref p, i * 4);
        }
        for (; i < dst.Length; i++, p = ref Unsafe.Add(ref p, channels))
        {
            float y = Kr * p + Kg * Unsafe.Add(ref p, 1) + Kb * Unsafe.Add(ref p, 2);
            if (channels == 4)
            {
                float a = Unsafe.Add(ref p, 3);
                y *= Premultiplication.StraightFactor(a);
            }
            dst[i] = Bounded(y);
        }
    }

    /// <summary>
    /// RGBA luma eight pixels at a time, as many whole groups of eight as <paramref name="dst"/> holds; returns how
    /// many pixels it wrote. The four channels are separated by a 4×4 transpose within each 128-bit half (pixels
    /// land in the order 0 2 4 6 1 3 5 7, put back by one permute before the store), then per lane the scalar
    /// loop's arithmetic in its order: Kr·R + Kg·G, + Kb·B, times 1/A or 0 (1/A divided, not estimated).
    /// </summary>
    private static int LumaRgba8(ref float src, Span<float> dst)
    {
        var kr = Vector256.Create(Kr); var kg = Vector256.Create(Kg); var kb = Vector256.Create(Kb);
        var transparent = Vector256.Create(Premultiplication.TransparentAlpha);
        var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        ref float d = ref MemoryMarshal.GetReference(dst);
        int i = 0;
        for (; i <= dst.Length - 8; i += 8)
        {
            ref float p = ref Unsafe.Add(ref src, i * 4);
            var v0 = Vector256.LoadUnsafe(ref p, 0); var v1 = Vector256.LoadUnsafe(ref p, 8);
            var v2 = Vector256.LoadUnsafe(ref p, 16); var v3 = Vector256.LoadUnsafe(ref p, 24);
            var t0 = Avx.UnpackLow(v0, v1); var t1 = Avx.UnpackHigh(v0, v1);
            var t2 = Avx.UnpackLow(v2, v3); var t3 = Avx.UnpackHigh(v2, v3);
            var r = Avx.Shuffle(t0, t2, 0x44); var g = Avx.Shuffle(t0, t2, 0xEE);
            var b = Avx.Shuffle(t1, t3, 0x44); var a = Avx.Shuffle(t1, t3, 0xEE);
            var y = kr * r + kg * g + kb * b;
            y *= Vector256.ConditionalSelect(Vector256.GreaterThan(a, transparent), Vector256<float>.One / a, Vector256<float>.Zero);
            Avx2.PermuteVar8x32(Bounded(y), order).StoreUnsafe(ref d, (nuint)i);
        }
        return i;
    }

    private static float LumaOf(ReadOnlySpan<float> row, int o, int channels)
    {
        if (channels == 1) return Bounded(row[o]);
        float y = Kr * row[o] + Kg * row[o + 1] + Kb * row[o + 2];
        if (channels == 4)
        {
            float a = row[o + 3];
            y *= Premultiplication.StraightFactor(a);
        }
        return Bounded(y);
    }

    /// <summary>
    /// Writes destination.Bounds: the source plus <paramref name="delta"/> on every colour channel (Result),
    /// the grey <paramref name="mask"/> (HaloMask), or 0.5 − delta, what was removed around mid grey
    /// (RemovedDetail). Views are premultiplied by the source alpha so they stay valid images; alpha is
    /// copied untouched in every mode.
    /// </summary>
    public static void Write(FloatImage source, PixelRect definition, FloatImage delta, FloatImage mask, DehaloOutput output,
        FloatImage destination)
    {
        var area = destination.Bounds;
        int channels = destination.Channels;
        var (inside1, inside2) = Inside(area, definition);
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var src = source.Row(Math.Clamp(y, definition.Y1, definition.Y2 - 1));
                var dst = destination.Row(y);
                var d = delta.Row(y, area.X1, area.X2);
                var m = mask.Row(y, area.X1, area.X2);
                int first = source.Bounds.X1;
                // Three runs: left of the clip (every pixel reads its first column), inside, right of it.
                int n1 = inside1 - area.X1, n2 = inside2 - inside1, n3 = area.X2 - inside2;
                if (n1 > 0) WriteRun(src, (definition.X1 - first) * channels, 0, d.Slice(0, n1), m.Slice(0, n1), dst, channels, output);
                if (n2 > 0)
                    WriteRun(src, (inside1 - first) * channels, channels, d.Slice(n1, n2), m.Slice(n1, n2), dst.Slice(n1 * channels), channels, output);
                if (n3 > 0)
                    WriteRun(src, (definition.X2 - 1 - first) * channels, 0, d.Slice(n1 + n2), m.Slice(n1 + n2), dst.Slice((n1 + n2) * channels),
                        channels, output);
            }
        });
    }

    /// <summary>
    /// One run of output pixels whose source pixels start at <paramref name="o"/> and advance by
    /// <paramref name="srcStride"/> floats (0: an edge-extended run repeating one pixel): no clamp per pixel. The
    /// switch on the view is loop-invariant (always predicted); the arithmetic per pixel is unchanged.
    /// </summary>
    private static void WriteRun(ReadOnlySpan<float> src, int o, int srcStride, ReadOnlySpan<float> d, ReadOnlySpan<float> m,
        Span<float> dst, int channels, DehaloOutput output)
    {
        int colour = channels == 4 ? 3 : channels, n = d.Length;
        if (dst.Length < n * channels || src.Length < o + (n - 1) * srcStride + channels)
            throw new ArgumentException("Rows too short for the run.");
        bool hasAlpha = channels == 4;
        if (hasAlpha && output == DehaloOutput.Result && Vector128.IsHardwareAccelerated)
        {
            AddToColour(src.Slice(o), srcStride, d, dst);
            return;
        }
        for (int i = 0, t = 0; i < n; i++, o += srcStride, t += channels)
        {
            float alpha = hasAlpha ? src[o + 3] : 1f;
            switch (output)
            {
                case DehaloOutput.Result:
                    float add = d[i] * alpha;
                    for (int c = 0; c < colour; c++) dst[t + c] = src[o + c] + add;
                    break;
                case DehaloOutput.HaloMask:
                    float mv = m[i] * alpha;
                    for (int c = 0; c < colour; c++) dst[t + c] = mv;
                    break;
                default:
                    float rv = (0.5f - d[i]) * alpha;
                    for (int c = 0; c < colour; c++) dst[t + c] = rv;
                    break;
            }
            if (hasAlpha) dst[t + 3] = alpha;
        }
    }

    /// <summary>
    /// The common case, Result on RGBA, one pixel per 128-bit vector: R, G, B get d·alpha added, alpha is taken
    /// over as it is (selected, not added to, so its bits are untouched). Per lane the same operations as
    /// the scalar loop: add = d·alpha rounded once, then src + add.
    /// </summary>
    private static void AddToColour(ReadOnlySpan<float> src, int srcStride, ReadOnlySpan<float> d, Span<float> dst)
    {
        var colourLanes = Vector128.Create(-1, -1, -1, 0).AsSingle();
        ref float s = ref MemoryMarshal.GetReference(src);
        ref float t = ref MemoryMarshal.GetReference(dst);
        for (int i = 0; i < d.Length; i++, s = ref Unsafe.Add(ref s, srcStride), t = ref Unsafe.Add(ref t, 4))
        {
            var pixel = Vector128.LoadUnsafe(ref s);
            var add = Vector128.Create(d[i] * pixel.GetElement(3));
            Vector128.ConditionalSelect(colourLanes, pixel + add, pixel).StoreUnsafe(ref t);
        }
    }
}
