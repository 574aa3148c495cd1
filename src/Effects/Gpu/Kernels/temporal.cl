// Upscale's temporal stability (Upscale/TemporalStability.cs) on the device: the previous frame's weight
// per source pixel, the frames' smooth change, and the blend of the two frames' model pictures. The
// inputs are the two frames' straight colours as the model sees them (enhance_straight_rgb), 3 channels
// over the same bounds; every float operation is the CPU's, in its order, so the result is bit for bit.

// Per-channel sums of (current - previous) over the (2*radius+1)^2 square around (x, y), reads clamped
// into the definition (edges repeat), row-major order: TemporalStability.ClampedBoxSum over StraightChange.
void temporal_box_sum(__global const float* current, __global const float* previous, int x1, int y1, int width,
                      int defX1, int defY1, int defX2, int defY2, int x, int y, int radius, float* sums)
{
    float r = 0.0f, g = 0.0f, b = 0.0f;
    for (int dy = -radius; dy <= radius; dy++)
    {
        int row = (clamp(y + dy, defY1, defY2 - 1) - y1) * width;
        for (int dx = -radius; dx <= radius; dx++)
        {
            int p = (row + clamp(x + dx, defX1, defX2 - 1) - x1) * 3;
            r += current[p] - previous[p];
            g += current[p + 1] - previous[p + 1];
            b += current[p + 2] - previous[p + 2];
        }
    }
    sums[0] = r;
    sums[1] = g;
    sums[2] = b;
}

// The blurred change's largest channel over the guarded region (out: one plane, guardW x guardH).
// Global size (guardW, guardH).
__kernel void enhance_temporal_blur_max(__global const float* current, __global const float* previous, int x1, int y1, int width,
                                        int defX1, int defY1, int defX2, int defY2,
                                        int guardX1, int guardY1, int guardW, int guardH, int radius, float inverseArea,
                                        __global float* out)
{
    int i = get_global_id(0);
    int j = get_global_id(1);
    if (i >= guardW || j >= guardH) return;
    float s[3];
    temporal_box_sum(current, previous, x1, y1, width, defX1, defY1, defX2, defY2, guardX1 + i, guardY1 + j, radius, s);
    out[j * guardW + i] = fmax(fabs(s[0]), fmax(fabs(s[1]), fabs(s[2]))) * inverseArea;
}

// Largest blurred change within +-guard columns (inside the guarded region), for the region's columns
// over the guarded rows (out: regionW x guardH). Global size (regionW, guardH).
__kernel void enhance_temporal_row_max(__global const float* blurred, int guardX1, int guardW, int guardH,
                                       int regionX1, int regionW, int guard, __global float* out)
{
    int i = get_global_id(0);
    int j = get_global_id(1);
    if (i >= regionW || j >= guardH) return;
    int x = regionX1 + i;
    int from = max(x - guard, guardX1), to = min(x + guard, guardX1 + guardW - 1);
    __global const float* row = blurred + j * guardW;
    float m = 0.0f;
    for (int k = from; k <= to; k++) m = fmax(m, row[k - guardX1]);
    out[j * regionW + i] = m;
}

// The previous frame's weight over the region: the largest row maximum within +-guard rows, then
// full * (1 - smoothstep(still, moving, m)). Global size (regionW, regionH).
__kernel void enhance_temporal_weights(__global const float* rowMax, int guardY1, int guardH,
                                       int regionY1, int regionW, int regionH, int guard,
                                       float full, float still, float moving, __global float* out)
{
    int i = get_global_id(0);
    int j = get_global_id(1);
    if (i >= regionW || j >= regionH) return;
    int y = regionY1 + j;
    int from = max(y - guard, guardY1), to = min(y + guard, guardY1 + guardH - 1);
    float m = 0.0f;
    for (int k = from; k <= to; k++) m = fmax(m, rowMax[(k - guardY1) * regionW + i]);
    float t = clamp((m - still) / (moving - still), 0.0f, 1.0f);
    out[j * regionW + i] = full * (1.0f - t * t * (3.0f - 2.0f * t));
}

// The frames' smooth change over the region (3 channels): the box sum times 1/area.
// Global size (regionW, regionH).
__kernel void enhance_temporal_smooth_change(__global const float* current, __global const float* previous, int x1, int y1, int width,
                                             int defX1, int defY1, int defX2, int defY2,
                                             int regionX1, int regionY1, int regionW, int regionH, int radius, float inverseArea,
                                             __global float* out)
{
    int i = get_global_id(0);
    int j = get_global_id(1);
    if (i >= regionW || j >= regionH) return;
    float s[3];
    temporal_box_sum(current, previous, x1, y1, width, defX1, defY1, defX2, defY2, regionX1 + i, regionY1 + j, radius, s);
    int q = (j * regionW + i) * 3;
    out[q] = s[0] * inverseArea;
    out[q + 1] = s[1] * inverseArea;
    out[q + 2] = s[2] * inverseArea;
}

// model += w * (previousModel + smoothChange - model) per output pixel (3 channels, the window), w and the
// smooth change sampled bilinearly from the region (TemporalBlendTaps: region-relative indices, fractions).
// Global size (width, height).
__kernel void enhance_temporal_blend(__global float* model, __global const float* previousModel, int width, int height,
                                     __global const float* weights, __global const float* change, int regionW,
                                     __global const int* columnFirst, __global const int* columnSecond, __global const float* columnFraction,
                                     __global const int* rowFirst, __global const int* rowSecond, __global const float* rowFraction)
{
    int x = get_global_id(0);
    int y = get_global_id(1);
    if (x >= width || y >= height) return;
    int a = columnFirst[x], b = columnSecond[x];
    float fx = columnFraction[x], fy = rowFraction[y];
    __global const float* row0 = weights + rowFirst[y] * regionW;
    __global const float* row1 = weights + rowSecond[y] * regionW;
    float top = row0[a] + fx * (row0[b] - row0[a]);
    float bottom = row1[a] + fx * (row1[b] - row1[a]);
    float w = top + fy * (bottom - top);
    if (w == 0.0f) return;
    __global const float* change0 = change + rowFirst[y] * regionW * 3;
    __global const float* change1 = change + rowSecond[y] * regionW * 3;
    int p = (y * width + x) * 3;
    for (int c = 0; c < 3; c++)
    {
        float ca = change0[a * 3 + c] + fx * (change0[b * 3 + c] - change0[a * 3 + c]);
        float cb = change1[a * 3 + c] + fx * (change1[b * 3 + c] - change1[a * 3 + c]);
        model[p + c] = model[p + c] + w * (previousModel[p + c] + ca + fy * (cb - ca) - model[p + c]);
    }
}
