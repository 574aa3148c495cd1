// Dehalo on the device, the twin of Effects/Dehalo (DehaloProcessor's stages) launched in the order
// DehaloGpuPlan lists. Planes are single-channel float rows over a canvas rectangle, passed as
// (buffer, x1, y1, stride); a plane a kernel writes covers exactly the area it computes (stride = width).
// Every kernel does the CPU's operations in the CPU's order (FP_CONTRACT is off, see common.cl), so on
// an IEEE device the results are bit-identical; one work item a pixel, global size (width, height).

#define DEHALO_AT(p, x, y) (p)[((y) - p##Y1) * p##Stride + ((x) - p##X1)]

// LumaTransfer.Extract: straight-colour Rec.709 luma, reads clamped into the definition (edge extension),
// bounded to ±limit with NaN as 0 (LumaTransfer.Bounded: huge host values must not overflow the stages).
__kernel void enhance_dehalo_luma(__global const float* src, int srcX1, int srcY1, int srcStride, int channels,
                                  int defX1, int defY1, int defX2, int defY2,
                                  __global float* luma, int x1, int y1, int width, int height,
                                  float kr, float kg, float kb, float transparent, float limit)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = clamp(x1 + i, defX1, defX2 - 1), y = clamp(y1 + r, defY1, defY2 - 1);
    __global const float* p = src + (y - srcY1) * srcStride + (x - srcX1) * channels;
    float v;
    if (channels == 1) v = finite_sample(p[0]);
    else
    {
        v = kr * finite_sample(p[0]) + kg * finite_sample(p[1]) + kb * finite_sample(p[2]);
        float a = channels == 4 ? finite_sample(p[3]) : 1.0f;
        if (channels == 4) v *= a > transparent ? 1.0f / a : 0.0f;
    }
    luma[r * width + i] = v >= -limit ? (v <= limit ? v : limit) : (v < -limit ? -limit : 0.0f);
}

// DownUpBlur.WeightedRows: out(x, y) = sum_k w_k * in(x, start_y + k), first product then running sums.
__kernel void enhance_dehalo_rows(__global const float* in, int inX1, int inY1, int inStride,
                                  __global const int* taps, __global const float* weights, int maxTaps, int tapFirst,
                                  __global float* out, int x1, int y1, int width, int height)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int t = y1 + r - tapFirst;
    int start = taps[2 * t], count = taps[2 * t + 1];
    __global const float* w = weights + t * maxTaps;
    __global const float* col = in + (start - inY1) * inStride + (x1 + i - inX1);
    float acc = col[0] * w[0];
    for (int k = 1; k < count; k++) acc = acc + col[k * inStride] * w[k];
    out[r * width + i] = acc;
}

// DownUpBlur.GatherRow: out(x, y) = sum_k w_k * in(start_x + k, y), summed from zero.
__kernel void enhance_dehalo_gather(__global const float* in, int inX1, int inY1, int inStride,
                                    __global const int* taps, __global const float* weights, int maxTaps, int tapFirst,
                                    __global float* out, int x1, int y1, int width, int height)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int t = x1 + i - tapFirst;
    int start = taps[2 * t], count = taps[2 * t + 1];
    __global const float* w = weights + t * maxTaps;
    __global const float* row = in + (y1 + r - inY1) * inStride + (start - inX1);
    float acc = 0.0f;
    for (int k = 0; k < count; k++) acc = acc + w[k] * row[k];
    out[r * width + i] = acc;
}

// NeighbourhoodFilters.Range3x3 of source and blur, then HaloLimiter.DetailMaskAndReference.
__kernel void enhance_dehalo_detail(__global const float* luma, int lumaX1, int lumaY1, int lumaStride,
                                    __global const float* blur, int blurX1, int blurY1, int blurStride,
                                    int x1, int y1, int width, int height, float low, float high, float eps,
                                    __global float* detail, __global float* reference)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float sMin = DEHALO_AT(luma, x, y), sMax = sMin, bMin = DEHALO_AT(blur, x, y), bMax = bMin;
    for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
        {
            float s = DEHALO_AT(luma, x + dx, y + dy), b = DEHALO_AT(blur, x + dx, y + dy);
            sMin = fmin(sMin, s); sMax = fmax(sMax, s);
            bMin = fmin(bMin, b); bMax = fmax(bMax, b);
        }
    float range = sMax - sMin, blurRange = bMax - bMin;
    float drop = (range - blurRange) / (range + eps);
    float m = (drop - low) * ((range + 1.0f) * 0.5f + high);
    m = fmin(fmax(m, 0.0f), 1.0f);
    float b = DEHALO_AT(blur, x, y);
    detail[r * width + i] = m;
    reference[r * width + i] = b + (DEHALO_AT(luma, x, y) - b) * m;
}

// NeighbourhoodFilters.MinMax over the (2rx+1) x (2ry+1) rectangle.
__kernel void enhance_dehalo_minmax(__global const float* in, int inX1, int inY1, int inStride, int rx, int ry,
                                    int x1, int y1, int width, int height, __global float* low, __global float* high)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float mn = DEHALO_AT(in, x, y), mx = mn;
    for (int dy = -ry; dy <= ry; dy++)
        for (int dx = -rx; dx <= rx; dx++)
        {
            float v = DEHALO_AT(in, x + dx, y + dy);
            mn = fmin(mn, v); mx = fmax(mx, v);
        }
    low[r * width + i] = mn;
    high[r * width + i] = mx;
}

// SideTextureRange.Widen: the texture planes (the source's 3x3 min/max) sampled `shift` px away from the edge
// on the pixel's own side (diagonally `diag` px on each axis), and the limiter range widened by `share` of their excess.
__kernel void enhance_dehalo_side(__global const float* blur, int blurX1, int blurY1, int blurStride,
                                  __global const float* tlo, int tloX1, int tloY1, int tloStride,
                                  __global const float* thi, int thiX1, int thiY1, int thiStride,
                                  __global const float* low, __global const float* high,
                                  int x1, int y1, int width, int height, int shift, int diag, float share,
                                  __global float* wideLow, __global float* wideHigh)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float gx = DEHALO_AT(blur, x + 1, y) - DEHALO_AT(blur, x - 1, y);
    float gy = DEHALO_AT(blur, x, y + 1) - DEHALO_AT(blur, x, y - 1);
    float lo = low[r * width + i], hi = high[r * width + i];
    int bright = DEHALO_AT(blur, x, y) >= (lo + hi) * 0.5f;
    int right = (gx > 0.0f) == bright, down = (gy > 0.0f) == bright;
    float ax = fabs(gx), ay = fabs(gy);
    int dx, dy;
    if (ay <= 0.41421356f * ax) { dx = right ? shift : -shift; dy = 0; }
    else if (ax <= 0.41421356f * ay) { dx = 0; dy = down ? shift : -shift; }
    else { dx = right ? diag : -diag; dy = down ? diag : -diag; }
    float tMin = DEHALO_AT(tlo, x + dx, y + dy), tMax = DEHALO_AT(thi, x + dx, y + dy);
    wideHigh[r * width + i] = hi + share * fmax(tMax - hi, 0.0f);
    wideLow[r * width + i] = lo - share * fmax(lo - tMin, 0.0f);
}

// HaloLimiter's vertical then horizontal quarter-pixel interpolation of one plane (Limit, supersampled).
float dehalo_sub(__global const float* p, int stride, int at, int dx, int dy)
{
    float here = p[at] * 0.75f + p[at + dy * stride] * 0.25f;
    float side = p[at + dx] * 0.75f + p[at + dx + dy * stride] * 0.25f;
    return here * 0.75f + side * 0.25f;
}

// HaloLimiter.Limit (per pixel or at the four sub-pixel points, to the widened range), then FadeLargeCorrections
// against the fade range (fadeLow/fadeHigh cover exactly the area).
__kernel void enhance_dehalo_limit(__global const float* luma, int lumaX1, int lumaY1, int lumaStride,
                                   __global const float* low, __global const float* high, int lhX1, int lhY1, int lhStride,
                                   int x1, int y1, int width, int height, int supersample,
                                   __global const float* fadeLow, __global const float* fadeHigh,
                                   float fadeTo, float fadeGain, float eps, __global float* delta)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    int s = (y - lumaY1) * lumaStride + (x - lumaX1), l = (y - lhY1) * lhStride + (x - lhX1);
    float c;
    if (supersample)
    {
        c = 0.0f;
        for (int dy = -1; dy <= 1; dy += 2)
            for (int dx = -1; dx <= 1; dx += 2)
            {
                float sv = dehalo_sub(luma, lumaStride, s, dx, dy);
                float lo = dehalo_sub(low, lhStride, l, dx, dy), hi = dehalo_sub(high, lhStride, l, dx, dy);
                c = c + (fmax(fmin(sv, hi), lo) - sv) * 0.25f;
            }
    }
    else
    {
        float sv = luma[s];
        c = (fmax(fmin(sv, high[l]), low[l]) - sv) * 1.0f;
    }
    float f = fabs(c) / (fadeHigh[r * width + i] - fadeLow[r * width + i] + eps);
    delta[r * width + i] = c * fmin(fmax((fadeTo - f) * fadeGain, 0.0f), 1.0f);
}

// HaloCoherence.Apply (dead zone, then the one-sided weight of the source's 3x3 high-pass: e = luma - blur,
// each row summed left to right, then the three rows), then HaloLimiter.ApplyStrengths (dark = bright = 1 when
// the texture gate follows and applies them). In place on delta.
__kernel void enhance_dehalo_coherence(__global const float* luma, int lumaX1, int lumaY1, int lumaStride,
                                       __global const float* blur, int blurX1, int blurY1, int blurStride,
                                       __global const float* low, __global const float* high, int lhX1, int lhY1, int lhStride,
                                       int x1, int y1, int width, int height, float deadZone, float eps,
                                       float dark, float bright, __global float* delta)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float rowSum[3], rowAbs[3];
    for (int k = 0; k < 3; k++)
    {
        float e0 = DEHALO_AT(luma, x - 1, y - 1 + k) - DEHALO_AT(blur, x - 1, y - 1 + k);
        float e1 = DEHALO_AT(luma, x, y - 1 + k) - DEHALO_AT(blur, x, y - 1 + k);
        float e2 = DEHALO_AT(luma, x + 1, y - 1 + k) - DEHALO_AT(blur, x + 1, y - 1 + k);
        rowSum[k] = e0 + e1 + e2;
        rowAbs[k] = fabs(e0) + fabs(e1) + fabs(e2);
    }
    float sum = (rowSum[0] + rowSum[1] + rowSum[2]) * 1.0f, abs = (rowAbs[0] + rowAbs[1] + rowAbs[2]) * 1.0f;
    int l = (y - lhY1) * lhStride + (x - lhX1);
    float c = delta[r * width + i];
    float magnitude = fmax(fabs(c) - deadZone * (high[l] - low[l]), 0.0f);
    int negative = c < 0.0f;
    float along = fmax(negative ? sum : -sum, 0.0f);
    float w = along / (abs + eps);
    float weighted = magnitude * (w * w);
    c = negative ? -weighted : weighted;
    delta[r * width + i] = c > 0.0f ? c * dark : c * bright;
}

// FineTextureProtection.Binomial3x3 at (x, y): [1 2 1]/4 along each of the three rows, then down the column.
// Recomputed per use instead of kept as a plane: the same operations give the same bits, and a pixel needs only five.
float dehalo_binomial(__global const float* luma, int lumaX1, int lumaY1, int lumaStride, int x, int y)
{
    float h[3];
    for (int k = 0; k < 3; k++)
        h[k] = (DEHALO_AT(luma, x - 1, y - 1 + k) + 2.0f * DEHALO_AT(luma, x, y - 1 + k) + DEHALO_AT(luma, x + 1, y - 1 + k)) * 0.25f;
    return (h[0] + 2.0f * h[1] + h[2]) * 0.25f;
}

// FineTextureProtection.Energies: top = h4^2 + v4^2 (fourth differences of the source), mid = h2^2 + v2^2
// (second differences of its 3x3 binomial blur).
__kernel void enhance_dehalo_energies(__global const float* luma, int lumaX1, int lumaY1, int lumaStride,
                                      int x1, int y1, int width, int height, __global float* top, __global float* mid)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float c = DEHALO_AT(luma, x, y);
    float h4 = DEHALO_AT(luma, x - 2, y) - 4.0f * DEHALO_AT(luma, x - 1, y) + 6.0f * c
               - 4.0f * DEHALO_AT(luma, x + 1, y) + DEHALO_AT(luma, x + 2, y);
    float v4 = DEHALO_AT(luma, x, y - 2) - 4.0f * DEHALO_AT(luma, x, y - 1) + 6.0f * c
               - 4.0f * DEHALO_AT(luma, x, y + 1) + DEHALO_AT(luma, x, y + 2);
    float bc = dehalo_binomial(luma, lumaX1, lumaY1, lumaStride, x, y);
    float h2 = dehalo_binomial(luma, lumaX1, lumaY1, lumaStride, x - 1, y) - 2.0f * bc
               + dehalo_binomial(luma, lumaX1, lumaY1, lumaStride, x + 1, y);
    float v2 = dehalo_binomial(luma, lumaX1, lumaY1, lumaStride, x, y - 1) - 2.0f * bc
               + dehalo_binomial(luma, lumaX1, lumaY1, lumaStride, x, y + 1);
    top[r * width + i] = h4 * h4 + v4 * v4;
    mid[r * width + i] = h2 * h2 + v2 * v2;
}

// FineTextureProtection.BoxSum at (x, y): each of the 2r+1 rows summed left to right, then the rows top to bottom
// (starting from zero adds nothing: the energies are never negative).
float dehalo_box(__global const float* p, int pX1, int pY1, int pStride, int x, int y, int radius)
{
    float sum = 0.0f;
    for (int dy = -radius; dy <= radius; dy++)
    {
        float row = 0.0f;
        for (int dx = -radius; dx <= radius; dx++) row = row + DEHALO_AT(p, x + dx, y + dy);
        sum = sum + row;
    }
    return sum;
}

// FineTextureProtection.GateRow: c *= 1 - protection * clamp((top/(mid + eps) - from) * gain, 0, 1) over the
// windows' energy sums, then HaloLimiter.ApplyStrengths (the coherence kernel leaves them to this one). In place on delta.
__kernel void enhance_dehalo_texturegate(__global const float* top, int topX1, int topY1, int topStride,
                                         __global const float* mid, int midX1, int midY1, int midStride, int radius,
                                         int x1, int y1, int width, int height, float from, float gain, float eps,
                                         float protection, float dark, float bright, __global float* delta)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float ratio = dehalo_box(top, topX1, topY1, topStride, x, y, radius) / (dehalo_box(mid, midX1, midY1, midStride, x, y, radius) + eps);
    float g = fmin(fmax((ratio - from) * gain, 0.0f), 1.0f);
    float c = delta[r * width + i];
    c = c * (1.0f - protection * g);
    delta[r * width + i] = c > 0.0f ? c * dark : c * bright;
}

// EdgeProtection.CentreLineStrength's gradient magnitude at (x, y).
float dehalo_magnitude(__global const float* blur, int blurX1, int blurY1, int blurStride, int x, int y, float hx, float hy,
                       float* gx, float* gy)
{
    *gx = (DEHALO_AT(blur, x + 1, y) - DEHALO_AT(blur, x - 1, y)) * hx;
    *gy = (DEHALO_AT(blur, x, y + 1) - DEHALO_AT(blur, x, y - 1)) * hy;
    return sqrt(*gx * *gx + *gy * *gy);
}

// EdgeProtection: centre-line strength (non-maximum suppression in 4 directions), then the strong ramp.
__kernel void enhance_dehalo_strong(__global const float* blur, int blurX1, int blurY1, int blurStride,
                                    int x1, int y1, int width, int height, float hx, float hy, float from, float gain,
                                    __global float* strong)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float gx, gy, ox, oy;
    float m = dehalo_magnitude(blur, blurX1, blurY1, blurStride, x, y, hx, hy, &gx, &gy);
    float ax = fabs(gx), ay = fabs(gy);
    int ax1, ay1, bx, by;
    if (ay <= 0.41421356f * ax) { ax1 = x - 1; ay1 = y; bx = x + 1; by = y; }
    else if (ax <= 0.41421356f * ay) { ax1 = x; ay1 = y - 1; bx = x; by = y + 1; }
    else if ((gx > 0.0f) == (gy > 0.0f)) { ax1 = x - 1; ay1 = y - 1; bx = x + 1; by = y + 1; }
    else { ax1 = x + 1; ay1 = y - 1; bx = x - 1; by = y + 1; }
    float a = dehalo_magnitude(blur, blurX1, blurY1, blurStride, ax1, ay1, hx, hy, &ox, &oy);
    float b = dehalo_magnitude(blur, blurX1, blurY1, blurStride, bx, by, hx, hy, &ox, &oy);
    float v = m >= a && m >= b ? m : 0.0f;
    strong[r * width + i] = fmin(fmax((v - from) * gain, 0.0f), 1.0f);
}

// EdgeProtection: the strong lines grown by the radius, minus the lines, ramped (0, 2).
__kernel void enhance_dehalo_zone(__global const float* strong, int strongX1, int strongY1, int strongStride, int rx, int ry,
                                  int x1, int y1, int width, int height, __global float* zone)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float large = DEHALO_AT(strong, x, y);
    for (int dy = -ry; dy <= ry; dy++)
        for (int dx = -rx; dx <= rx; dx++) large = fmax(large, DEHALO_AT(strong, x + dx, y + dy));
    float e = large - DEHALO_AT(strong, x, y);
    zone[r * width + i] = fmin(fmax((e - 0.0f) * 2.0f, 0.0f), 1.0f);
}

// EdgeProtection: 3x3 box of the zone (rows summed left to right, then the three rows), ramp (0, 2),
// the centre lines taken out again.
__kernel void enhance_dehalo_weight(__global const float* zone, int zoneX1, int zoneY1, int zoneStride,
                                    __global const float* strong, int strongX1, int strongY1, int strongStride,
                                    int x1, int y1, int width, int height, __global float* weight)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r;
    float h[3];
    for (int k = 0; k < 3; k++)
        h[k] = DEHALO_AT(zone, x - 1, y - 1 + k) + DEHALO_AT(zone, x, y - 1 + k) + DEHALO_AT(zone, x + 1, y - 1 + k);
    float w = (h[0] + h[1] + h[2]) * (1.0f / 9.0f);
    w = fmin(fmax((w - 0.0f) * 2.0f, 0.0f), 1.0f);
    weight[r * width + i] = w - w * DEHALO_AT(strong, x, y);
}

// DehaloProcessor's strength/protection combine, then LumaTransfer.Write (0 Result, 1 HaloMask, 2 RemovedDetail).
__kernel void enhance_dehalo_write(__global const float* src, int srcX1, int srcY1, int srcStride, int channels,
                                   int defX1, int defY1, int defX2, int defY2,
                                   __global float* dst, int x1, int y1, int width, int height,
                                   __global const float* delta, __global const float* weight, int useWeight,
                                   __global const float* detail, int detailX1, int detailY1, int detailStride,
                                   float protection, float strength, int output)
{
    int i = get_global_id(0), r = get_global_id(1);
    if (i >= width || r >= height) return;
    int x = x1 + i, y = y1 + r, o = r * width + i;
    float w = useWeight ? weight[o] : 0.0f;
    float wi = (1.0f + protection * (w - 1.0f)) * strength;
    float d = delta[o] * wi;
    float m = (1.0f - DEHALO_AT(detail, x, y)) * wi;
    __global const float* p = src + (clamp(y, defY1, defY2 - 1) - srcY1) * srcStride + (clamp(x, defX1, defX2 - 1) - srcX1) * channels;
    __global float* q = dst + o * channels;
    float alpha = channels == 4 ? finite_sample(p[3]) : 1.0f;
    int colour = channels == 4 ? 3 : channels;
    float add = d * alpha;
    for (int c = 0; c < colour; c++)
        q[c] = output == 0 ? finite_sample(p[c]) + add : output == 1 ? m * alpha : (0.5f - d) * alpha;
    if (channels == 4) q[3] = alpha;
}
