// Grain synthesis and application, the GPU twin of Grain/GrainNoise.cs, GrainField.cs and
// GrainRenderer.CombineRow: hashed noise (no state, so any window renders the same grain), filtered
// by the grain kernel horizontally then vertically (the CPU's order), then added per pixel in the
// working space, scaled by the intensity-dependent strength table.

uint grain_mix(uint x)
{
    x ^= x >> 16; x *= 0x7FEB352Du;
    x ^= x >> 15; x *= 0x846CA68Bu;
    x ^= x >> 16;
    return x;
}

float grain_sample(uint rowKey, int x, float sumScale)
{
    uint h1 = grain_mix(((uint)x * 0x85EBCA6Bu) ^ rowKey);
    uint h2 = grain_mix(h1 + 0x68E31DA4u);
    uint sum = (h1 & 0xFFFFu) + (h1 >> 16) + (h2 & 0xFFFFu) + (h2 >> 16);
    return ((float)(int)sum - 2.0f * 65535.0f) * sumScale;
}

// Horizontal pass: field f, filtered row r (canvas row y0 - radius + r), column i (canvas x0 + i).
// Global size (width, height + 2 * radius, fields).
__kernel void enhance_grain_h(__global const uint* streams, __global const float* taps, int tapCount,
                              int x0, int y0, int width, int rows, float sumScale, __global float* tmp)
{
    int i = get_global_id(0), r = get_global_id(1), f = get_global_id(2);
    if (i >= width || r >= rows) return;
    int radius = tapCount / 2;
    uint rowKey = grain_mix(streams[f] ^ ((uint)(y0 - radius + r) * 0x9E3779B9u));
    int x = x0 - radius + i;
    float acc = grain_sample(rowKey, x, sumScale) * taps[0];
    for (int t = 1; t < tapCount; t++)
        acc += grain_sample(rowKey, x + t, sumScale) * taps[t];
    tmp[(f * rows + r) * width + i] = acc;
}

// Vertical pass: output row r of field f from filtered rows r .. r + 2 * radius. Global size (width, height, fields).
__kernel void enhance_grain_v(__global const float* tmp, __global const float* taps, int tapCount,
                              int width, int height, __global float* fields)
{
    int i = get_global_id(0), r = get_global_id(1), f = get_global_id(2);
    if (i >= width || r >= height) return;
    int rows = height + tapCount - 1;
    __global const float* col = tmp + (f * rows + r) * width + i;
    float acc = col[0] * taps[0];
    for (int t = 1; t < tapCount; t++)
        acc += col[t * width] * taps[t];
    fields[(f * height + r) * width + i] = acc;
}

float grain_to_log(float v, float logOfToe, float logRange, float slope)
{
    return v >= 0.0f ? (log2(v + 1.0f / 64.0f) - logOfToe) / logRange : v * slope;
}

float grain_from_log(float v, float logOfToe, float logRange, float slope)
{
    return v >= 0.0f ? pow(2.0f, v * logRange + logOfToe) - 1.0f / 64.0f : v / slope;
}

// Per pixel: straight colour -> working space -> + strength x field -> back, re-premultiplied.
// src covers the window (srcX1/srcY1/srcStride); dst is the window. Global size (width, height).
__kernel void enhance_grain_combine(__global const float* src, int srcX1, int srcY1, int srcStride,
                                    __global float* dst, int dstX1, int dstY1, int channels,
                                    __global const float* fields, int fieldCount, int width, int height,
                                    __global const float* table, int logSpace, int grainOnly,
                                    float saturation, float normaliser,
                                    float logOfToe, float logRange, float slope)
{
    int x = get_global_id(0), r = get_global_id(1);
    if (x >= width || r >= height) return;
    __global const float* in = src + (dstY1 + r - srcY1) * srcStride + (dstX1 + x - srcX1) * channels;
    __global float* out = dst + (r * width + x) * channels;
    float red = finite_sample(in[0]), green = finite_sample(in[1]), blue = finite_sample(in[2]);
    float alpha = channels == 4 ? finite_sample(in[3]) : 1.0f;
    if (channels == 4) out[3] = alpha;
    float inverse = alpha > 1e-6f ? 1.0f / alpha : 0.0f;
    float sr = red * inverse, sg = green * inverse, sb = blue * inverse;
    if (logSpace)
    {
        sr = grain_to_log(sr, logOfToe, logRange, slope);
        sg = grain_to_log(sg, logOfToe, logRange, slope);
        sb = grain_to_log(sb, logOfToe, logRange, slope);
    }
    // GrainStrengthTable.Lookup: 1024 entries a channel, linear interpolation.
    float intensity = 0.2126f * sr + 0.7152f * sg + 0.0722f * sb;
    float t = isnan(intensity) ? 0.0f : clamp(intensity, 0.0f, 1.0f) * 1023.0f;
    int i = min((int)t, 1022);
    float fr = t - i;
    int k = i * 3;
    float kr = table[k] + fr * (table[k + 3] - table[k]);
    float kg = table[k + 1] + fr * (table[k + 4] - table[k + 1]);
    float kb = table[k + 2] + fr * (table[k + 5] - table[k + 2]);

    int plane = width * height, o = r * width + x;
    float gr, gg, gb;
    if (fieldCount == 1) { gr = gg = gb = fields[o]; }
    else
    {
        float n0 = fields[o], n1 = fields[plane + o], n2 = fields[2 * plane + o];
        float mean = (n0 + n1 + n2) * (1.0f / 3.0f);
        gr = (mean + saturation * (n0 - mean)) * normaliser;
        gg = (mean + saturation * (n1 - mean)) * normaliser;
        gb = (mean + saturation * (n2 - mean)) * normaliser;
    }
    float dr = kr * gr, dg = kg * gg, db = kb * gb;
    if (logSpace)
    {
        dr = grain_from_log(sr + dr, logOfToe, logRange, slope) - grain_from_log(sr, logOfToe, logRange, slope);
        dg = grain_from_log(sg + dg, logOfToe, logRange, slope) - grain_from_log(sg, logOfToe, logRange, slope);
        db = grain_from_log(sb + db, logOfToe, logRange, slope) - grain_from_log(sb, logOfToe, logRange, slope);
    }
    if (grainOnly)
    {
        out[0] = alpha * (0.5f + dr); out[1] = alpha * (0.5f + dg); out[2] = alpha * (0.5f + db);
    }
    else
    {
        out[0] = red + alpha * dr; out[1] = green + alpha * dg; out[2] = blue + alpha * db;
    }
}
