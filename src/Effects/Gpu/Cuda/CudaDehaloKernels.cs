using ILGPU;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The Dehalo kernels for CUDA, twins of Gpu/Kernels/dehalo.cl (same arguments, same arithmetic in the
/// same order), compiled to PTX with the others (<see cref="PtxCompiler"/>) and launched in the order
/// <see cref="DehaloGpuPlan"/> lists. A plane arrives as (view, x1, y1, stride); a plane a kernel writes
/// covers exactly the area it computes. Nothing here may throw (PTX has no exceptions).
/// </summary>
internal static class CudaDehaloKernels
{
    public static void DehaloLuma(ArrayView<float> src, int srcX1, int srcY1, int srcStride, int channels,
                                  int defX1, int defY1, int defX2, int defY2,
                                  ArrayView<float> luma, int x1, int y1, int width, int height,
                                  float kr, float kg, float kb, float transparent, float limit)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = Clamp(x1 + i, defX1, defX2 - 1), y = Clamp(y1 + r, defY1, defY2 - 1);
        int p = (y - srcY1) * srcStride + (x - srcX1) * channels;
        float v;
        if (channels == 1) v = src[p];
        else
        {
            v = kr * src[p] + kg * src[p + 1] + kb * src[p + 2];
            if (channels == 4) v *= src[p + 3] > transparent ? 1f / src[p + 3] : 0f;
        }
        luma[r * width + i] = v >= -limit ? (v <= limit ? v : limit) : (v < -limit ? -limit : 0f);
    }

    public static void DehaloRows(ArrayView<float> input, int inX1, int inY1, int inStride,
                                  ArrayView<int> taps, ArrayView<float> weights, int maxTaps, int tapFirst,
                                  ArrayView<float> output, int x1, int y1, int width, int height)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int t = y1 + r - tapFirst;
        int start = taps[2 * t], count = taps[2 * t + 1], w = t * maxTaps;
        int at = (start - inY1) * inStride + (x1 + i - inX1);
        float acc = input[at] * weights[w];
        for (int k = 1; k < count; k++) acc = acc + input[at + k * inStride] * weights[w + k];
        output[r * width + i] = acc;
    }

    public static void DehaloGather(ArrayView<float> input, int inX1, int inY1, int inStride,
                                    ArrayView<int> taps, ArrayView<float> weights, int maxTaps, int tapFirst,
                                    ArrayView<float> output, int x1, int y1, int width, int height)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int t = x1 + i - tapFirst;
        int start = taps[2 * t], count = taps[2 * t + 1], w = t * maxTaps;
        int at = (y1 + r - inY1) * inStride + (start - inX1);
        float acc = 0f;
        for (int k = 0; k < count; k++) acc = acc + weights[w + k] * input[at + k];
        output[r * width + i] = acc;
    }

    public static void DehaloDetail(ArrayView<float> luma, int lumaX1, int lumaY1, int lumaStride,
                                    ArrayView<float> blur, int blurX1, int blurY1, int blurStride,
                                    int x1, int y1, int width, int height, float low, float high, float eps,
                                    ArrayView<float> detail, ArrayView<float> reference)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = x1 + i, y = y1 + r;
        int s = (y - lumaY1) * lumaStride + (x - lumaX1), b = (y - blurY1) * blurStride + (x - blurX1);
        float sMin = luma[s], sMax = sMin, bMin = blur[b], bMax = bMin;
        for (int dy = -1; dy <= 1; dy++)
            for (int dx = -1; dx <= 1; dx++)
            {
                float sv = luma[s + dy * lumaStride + dx], bv = blur[b + dy * blurStride + dx];
                sMin = Math.Min(sMin, sv); sMax = Math.Max(sMax, sv);
                bMin = Math.Min(bMin, bv); bMax = Math.Max(bMax, bv);
            }
        float range = sMax - sMin, blurRange = bMax - bMin;
        float drop = (range - blurRange) / (range + eps);
        float m = (drop - low) * ((range + 1f) * 0.5f + high);
        m = Math.Min(Math.Max(m, 0f), 1f);
        float centre = blur[b];
        detail[r * width + i] = m;
        reference[r * width + i] = centre + (luma[s] - centre) * m;
    }

    public static void DehaloMinMax(ArrayView<float> input, int inX1, int inY1, int inStride, int rx, int ry,
                                    int x1, int y1, int width, int height, ArrayView<float> low, ArrayView<float> high)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int at = (y1 + r - inY1) * inStride + (x1 + i - inX1);
        float mn = input[at], mx = mn;
        for (int dy = -ry; dy <= ry; dy++)
            for (int dx = -rx; dx <= rx; dx++)
            {
                float v = input[at + dy * inStride + dx];
                mn = Math.Min(mn, v); mx = Math.Max(mx, v);
            }
        low[r * width + i] = mn;
        high[r * width + i] = mx;
    }

    public static void DehaloSide(ArrayView<float> blur, int blurX1, int blurY1, int blurStride,
                                  ArrayView<float> tlo, int tloX1, int tloY1, int tloStride,
                                  ArrayView<float> thi, int thiX1, int thiY1, int thiStride,
                                  ArrayView<float> low, ArrayView<float> high,
                                  int x1, int y1, int width, int height, int shift, int diag, float share,
                                  ArrayView<float> wideLow, ArrayView<float> wideHigh)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = x1 + i, y = y1 + r;
        int b = (y - blurY1) * blurStride + (x - blurX1);
        float gx = blur[b + 1] - blur[b - 1];
        float gy = blur[b + blurStride] - blur[b - blurStride];
        float lo = low[r * width + i], hi = high[r * width + i];
        bool bright = blur[b] >= (lo + hi) * 0.5f;
        bool right = (gx > 0f) == bright, down = (gy > 0f) == bright;
        float ax = Math.Abs(gx), ay = Math.Abs(gy);
        int dx, dy;
        if (ay <= 0.41421356f * ax) { dx = right ? shift : -shift; dy = 0; }
        else if (ax <= 0.41421356f * ay) { dx = 0; dy = down ? shift : -shift; }
        else { dx = right ? diag : -diag; dy = down ? diag : -diag; }
        float tMin = tlo[(y + dy - tloY1) * tloStride + (x + dx - tloX1)];
        float tMax = thi[(y + dy - thiY1) * thiStride + (x + dx - thiX1)];
        wideHigh[r * width + i] = hi + share * Math.Max(tMax - hi, 0f);
        wideLow[r * width + i] = lo - share * Math.Max(lo - tMin, 0f);
    }

    public static void DehaloLimit(ArrayView<float> luma, int lumaX1, int lumaY1, int lumaStride,
                                   ArrayView<float> low, ArrayView<float> high, int lhX1, int lhY1, int lhStride,
                                   int x1, int y1, int width, int height, int supersample,
                                   ArrayView<float> fadeLow, ArrayView<float> fadeHigh,
                                   float fadeTo, float fadeGain, float eps, ArrayView<float> delta)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = x1 + i, y = y1 + r;
        int s = (y - lumaY1) * lumaStride + (x - lumaX1), l = (y - lhY1) * lhStride + (x - lhX1);
        float c;
        if (supersample != 0)
        {
            c = 0f;
            for (int dy = -1; dy <= 1; dy += 2)
                for (int dx = -1; dx <= 1; dx += 2)
                {
                    float sv = Sub(luma, lumaStride, s, dx, dy);
                    float lo = Sub(low, lhStride, l, dx, dy), hi = Sub(high, lhStride, l, dx, dy);
                    c = c + (Math.Max(Math.Min(sv, hi), lo) - sv) * 0.25f;
                }
        }
        else
        {
            float sv = luma[s];
            c = (Math.Max(Math.Min(sv, high[l]), low[l]) - sv) * 1f;
        }
        float f = Math.Abs(c) / (fadeHigh[r * width + i] - fadeLow[r * width + i] + eps);
        delta[r * width + i] = c * Math.Min(Math.Max((fadeTo - f) * fadeGain, 0f), 1f);
    }

    public static void DehaloCoherence(ArrayView<float> luma, int lumaX1, int lumaY1, int lumaStride,
                                       ArrayView<float> blur, int blurX1, int blurY1, int blurStride,
                                       ArrayView<float> low, ArrayView<float> high, int lhX1, int lhY1, int lhStride,
                                       int x1, int y1, int width, int height, float deadZone, float eps,
                                       float dark, float bright, ArrayView<float> delta)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = x1 + i, y = y1 + r;
        // Rows summed left to right, then the three row sums in order: HaloCoherence's Sum3 and Sum3Rows.
        // The strengths are 1 when DehaloTextureGate follows and applies them.
        int s = (y - lumaY1) * lumaStride + (x - lumaX1), b = (y - blurY1) * blurStride + (x - blurX1);
        float sum = (HighPassRow(luma, s - lumaStride, blur, b - blurStride, false) + HighPassRow(luma, s, blur, b, false)
                     + HighPassRow(luma, s + lumaStride, blur, b + blurStride, false)) * 1f;
        float abs = (HighPassRow(luma, s - lumaStride, blur, b - blurStride, true) + HighPassRow(luma, s, blur, b, true)
                     + HighPassRow(luma, s + lumaStride, blur, b + blurStride, true)) * 1f;
        int l = (y - lhY1) * lhStride + (x - lhX1), o = r * width + i;
        float c = delta[o];
        float magnitude = Math.Max(Math.Abs(c) - deadZone * (high[l] - low[l]), 0f);
        bool negative = c < 0f;
        float along = Math.Max(negative ? sum : -sum, 0f);
        float w = along / (abs + eps);
        float weighted = magnitude * (w * w);
        c = negative ? -weighted : weighted;
        delta[o] = c > 0f ? c * dark : c * bright;
    }

    public static void DehaloEnergies(ArrayView<float> luma, int lumaX1, int lumaY1, int lumaStride,
                                      int x1, int y1, int width, int height, ArrayView<float> top, ArrayView<float> mid)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int s = (y1 + r - lumaY1) * lumaStride + (x1 + i - lumaX1);
        float c = luma[s];
        float h4 = luma[s - 2] - 4f * luma[s - 1] + 6f * c - 4f * luma[s + 1] + luma[s + 2];
        float v4 = luma[s - 2 * lumaStride] - 4f * luma[s - lumaStride] + 6f * c - 4f * luma[s + lumaStride] + luma[s + 2 * lumaStride];
        float bc = Binomial(luma, lumaStride, s);
        float h2 = Binomial(luma, lumaStride, s - 1) - 2f * bc + Binomial(luma, lumaStride, s + 1);
        float v2 = Binomial(luma, lumaStride, s - lumaStride) - 2f * bc + Binomial(luma, lumaStride, s + lumaStride);
        top[r * width + i] = h4 * h4 + v4 * v4;
        mid[r * width + i] = h2 * h2 + v2 * v2;
    }

    public static void DehaloTextureGate(ArrayView<float> top, int topX1, int topY1, int topStride,
                                         ArrayView<float> mid, int midX1, int midY1, int midStride, int radius,
                                         int x1, int y1, int width, int height, float from, float gain, float eps,
                                         float protection, float dark, float bright, ArrayView<float> delta)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = x1 + i, y = y1 + r, o = r * width + i;
        float topSum = BoxSum(top, topStride, (y - topY1) * topStride + (x - topX1), radius);
        float midSum = BoxSum(mid, midStride, (y - midY1) * midStride + (x - midX1), radius);
        float ratio = topSum / (midSum + eps);
        float g = Math.Min(Math.Max((ratio - from) * gain, 0f), 1f);
        float c = delta[o];
        c = c * (1f - protection * g);
        delta[o] = c > 0f ? c * dark : c * bright;
    }

    public static void DehaloStrong(ArrayView<float> blur, int blurX1, int blurY1, int blurStride,
                                    int x1, int y1, int width, int height, float hx, float hy, float from, float gain,
                                    ArrayView<float> strong)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int at = (y1 + r - blurY1) * blurStride + (x1 + i - blurX1);
        float gx = (blur[at + 1] - blur[at - 1]) * hx;
        float gy = (blur[at + blurStride] - blur[at - blurStride]) * hy;
        float m = Magnitude(gx, gy);
        float ax = Math.Abs(gx), ay = Math.Abs(gy);
        int a, b;
        if (ay <= 0.41421356f * ax) { a = at - 1; b = at + 1; }
        else if (ax <= 0.41421356f * ay) { a = at - blurStride; b = at + blurStride; }
        else if ((gx > 0f) == (gy > 0f)) { a = at - blurStride - 1; b = at + blurStride + 1; }
        else { a = at - blurStride + 1; b = at + blurStride - 1; }
        float ma = MagnitudeAt(blur, blurStride, a, hx, hy), mb = MagnitudeAt(blur, blurStride, b, hx, hy);
        float v = m >= ma && m >= mb ? m : 0f;
        strong[r * width + i] = Math.Min(Math.Max((v - from) * gain, 0f), 1f);
    }

    public static void DehaloZone(ArrayView<float> strong, int strongX1, int strongY1, int strongStride, int rx, int ry,
                                  int x1, int y1, int width, int height, ArrayView<float> zone)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int at = (y1 + r - strongY1) * strongStride + (x1 + i - strongX1);
        float large = strong[at];
        for (int dy = -ry; dy <= ry; dy++)
            for (int dx = -rx; dx <= rx; dx++) large = Math.Max(large, strong[at + dy * strongStride + dx]);
        float e = large - strong[at];
        zone[r * width + i] = Math.Min(Math.Max((e - 0f) * 2f, 0f), 1f);
    }

    public static void DehaloWeight(ArrayView<float> zone, int zoneX1, int zoneY1, int zoneStride,
                                    ArrayView<float> strong, int strongX1, int strongY1, int strongStride,
                                    int x1, int y1, int width, int height, ArrayView<float> weight)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = x1 + i, y = y1 + r;
        int z = (y - zoneY1) * zoneStride + (x - zoneX1);
        float h0 = zone[z - zoneStride - 1] + zone[z - zoneStride] + zone[z - zoneStride + 1];
        float h1 = zone[z - 1] + zone[z] + zone[z + 1];
        float h2 = zone[z + zoneStride - 1] + zone[z + zoneStride] + zone[z + zoneStride + 1];
        float w = (h0 + h1 + h2) * (1f / 9f);
        w = Math.Min(Math.Max((w - 0f) * 2f, 0f), 1f);
        weight[r * width + i] = w - w * strong[(y - strongY1) * strongStride + (x - strongX1)];
    }

    public static void DehaloWrite(ArrayView<float> src, int srcX1, int srcY1, int srcStride, int channels,
                                   int defX1, int defY1, int defX2, int defY2,
                                   ArrayView<float> dst, int x1, int y1, int width, int height,
                                   ArrayView<float> delta, ArrayView<float> weight, int useWeight,
                                   ArrayView<float> detail, int detailX1, int detailY1, int detailStride,
                                   float protection, float strength, int output)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= width || r >= height) return;
        int x = x1 + i, y = y1 + r, o = r * width + i;
        float w = useWeight != 0 ? weight[o] : 0f;
        float wi = (1f + protection * (w - 1f)) * strength;
        float d = delta[o] * wi;
        float m = (1f - detail[(y - detailY1) * detailStride + (x - detailX1)]) * wi;
        int p = (Clamp(y, defY1, defY2 - 1) - srcY1) * srcStride + (Clamp(x, defX1, defX2 - 1) - srcX1) * channels;
        int q = o * channels;
        float alpha = channels == 4 ? src[p + 3] : 1f;
        int colour = channels == 4 ? 3 : channels;
        float add = d * alpha;
        for (int c = 0; c < colour; c++)
            dst[q + c] = output == 0 ? src[p + c] + add : output == 1 ? m * alpha : (0.5f - d) * alpha;
        if (channels == 4) dst[q + 3] = alpha;
    }

    /// <summary>e = luma − blur at the pixel and its two row neighbours, summed left to right (of |e| when <paramref name="magnitude"/>).</summary>
    private static float HighPassRow(ArrayView<float> luma, int s, ArrayView<float> blur, int b, bool magnitude)
    {
        float e0 = luma[s - 1] - blur[b - 1], e1 = luma[s] - blur[b], e2 = luma[s + 1] - blur[b + 1];
        return magnitude ? Math.Abs(e0) + Math.Abs(e1) + Math.Abs(e2) : e0 + e1 + e2;
    }

    /// <summary>
    /// FineTextureProtection.Binomial3x3 at <paramref name="at"/>: [1 2 1]/4 along each of the three rows, then down
    /// the column. Recomputed per use instead of kept as a plane: the same operations give the same bits.
    /// </summary>
    private static float Binomial(ArrayView<float> luma, int stride, int at)
    {
        float h0 = (luma[at - stride - 1] + 2f * luma[at - stride] + luma[at - stride + 1]) * 0.25f;
        float h1 = (luma[at - 1] + 2f * luma[at] + luma[at + 1]) * 0.25f;
        float h2 = (luma[at + stride - 1] + 2f * luma[at + stride] + luma[at + stride + 1]) * 0.25f;
        return (h0 + 2f * h1 + h2) * 0.25f;
    }

    /// <summary>
    /// FineTextureProtection.BoxSum at <paramref name="at"/>: each of the 2r+1 rows summed left to right, then the rows
    /// top to bottom (starting from zero adds nothing: the energies are never negative).
    /// </summary>
    private static float BoxSum(ArrayView<float> p, int stride, int at, int radius)
    {
        float sum = 0f;
        for (int dy = -radius; dy <= radius; dy++)
        {
            int row = at + dy * stride;
            float acc = 0f;
            for (int dx = -radius; dx <= radius; dx++) acc = acc + p[row + dx];
            sum = sum + acc;
        }
        return sum;
    }

    /// <summary>HaloLimiter's quarter-pixel interpolation: vertically (¾, ¼), then across (¾, ¼).</summary>
    private static float Sub(ArrayView<float> p, int stride, int at, int dx, int dy)
    {
        float here = p[at] * 0.75f + p[at + dy * stride] * 0.25f;
        float side = p[at + dx] * 0.75f + p[at + dx + dy * stride] * 0.25f;
        return here * 0.75f + side * 0.25f;
    }

    private static float MagnitudeAt(ArrayView<float> blur, int stride, int at, float hx, float hy) =>
        Magnitude((blur[at + 1] - blur[at - 1]) * hx, (blur[at + stride] - blur[at - stride]) * hy);

    private static float Magnitude(float gx, float gy) => MathF.Sqrt(gx * gx + gy * gy);

    private static int Clamp(int v, int lo, int hi) => v < lo ? lo : v > hi ? hi : v;
}
