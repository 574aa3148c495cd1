using ILGPU;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The Grain kernels for CUDA, twins of Gpu/Kernels/grain.cl (same arguments, same arithmetic),
/// compiled to PTX with the others (<see cref="PtxCompiler"/>). log2 and 2^x map to PTX
/// lg2.approx/ex2.approx (ILGPU's core has no log/pow for PTX).
/// </summary>
internal static class CudaGrainKernels
{
    public static void GrainHorizontal(ArrayView<uint> streams, ArrayView<float> taps, int tapCount,
                                       int x0, int y0, int width, int rows, float sumScale, ArrayView<float> tmp)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y, f = Grid.GlobalIndex.Z;
        if (i >= width || r >= rows) return;
        int radius = tapCount / 2;
        uint rowKey = Mix(streams[f] ^ ((uint)(y0 - radius + r) * 0x9E3779B9u));
        int x = x0 - radius + i;
        float acc = Sample(rowKey, x, sumScale) * taps[0];
        for (int t = 1; t < tapCount; t++)
            acc += Sample(rowKey, x + t, sumScale) * taps[t];
        tmp[(f * rows + r) * width + i] = acc;
    }

    public static void GrainVertical(ArrayView<float> tmp, ArrayView<float> taps, int tapCount, int width, int height, ArrayView<float> fields)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y, f = Grid.GlobalIndex.Z;
        if (i >= width || r >= height) return;
        int rows = height + tapCount - 1;
        int at = (f * rows + r) * width + i;
        float acc = tmp[at] * taps[0];
        for (int t = 1; t < tapCount; t++)
            acc += tmp[at + t * width] * taps[t];
        fields[(f * height + r) * width + i] = acc;
    }

    public static void GrainCombine(ArrayView<float> src, int srcX1, int srcY1, int srcStride,
                                    ArrayView<float> dst, int dstX1, int dstY1, int channels,
                                    ArrayView<float> fields, int fieldCount, int width, int height,
                                    ArrayView<float> table, int logSpace, int grainOnly,
                                    float saturation, float normaliser, float logOfToe, float logRange, float slope)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int pin = (dstY1 + r - srcY1) * srcStride + (dstX1 + x - srcX1) * channels;
        int pout = (r * width + x) * channels;
        float red = src[pin], green = src[pin + 1], blue = src[pin + 2];
        float alpha = channels == 4 ? src[pin + 3] : 1f;
        if (channels == 4) dst[pout + 3] = alpha;
        float inverse = alpha > 1e-6f ? 1f / alpha : 0f;
        float sr = red * inverse, sg = green * inverse, sb = blue * inverse;
        if (logSpace != 0)
        {
            sr = ToLog(sr, logOfToe, logRange, slope);
            sg = ToLog(sg, logOfToe, logRange, slope);
            sb = ToLog(sb, logOfToe, logRange, slope);
        }
        float intensity = 0.2126f * sr + 0.7152f * sg + 0.0722f * sb;
        float t = float.IsNaN(intensity) ? 0f : Math.Min(Math.Max(intensity, 0f), 1f) * 1023f;
        int i = Math.Min((int)t, 1022);
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
            float mean = (n0 + n1 + n2) * (1f / 3f);
            gr = (mean + saturation * (n0 - mean)) * normaliser;
            gg = (mean + saturation * (n1 - mean)) * normaliser;
            gb = (mean + saturation * (n2 - mean)) * normaliser;
        }
        float dr = kr * gr, dg = kg * gg, db = kb * gb;
        if (logSpace != 0)
        {
            dr = FromLog(sr + dr, logOfToe, logRange, slope) - FromLog(sr, logOfToe, logRange, slope);
            dg = FromLog(sg + dg, logOfToe, logRange, slope) - FromLog(sg, logOfToe, logRange, slope);
            db = FromLog(sb + db, logOfToe, logRange, slope) - FromLog(sb, logOfToe, logRange, slope);
        }
        if (grainOnly != 0)
        {
            dst[pout] = alpha * (0.5f + dr); dst[pout + 1] = alpha * (0.5f + dg); dst[pout + 2] = alpha * (0.5f + db);
        }
        else
        {
            dst[pout] = red + alpha * dr; dst[pout + 1] = green + alpha * dg; dst[pout + 2] = blue + alpha * db;
        }
    }

    private static uint Mix(uint x)
    {
        x ^= x >> 16; x *= 0x7FEB352Du;
        x ^= x >> 15; x *= 0x846CA68Bu;
        x ^= x >> 16;
        return x;
    }

    private static float Sample(uint rowKey, int x, float sumScale)
    {
        uint h1 = Mix(((uint)x * 0x85EBCA6Bu) ^ rowKey);
        uint h2 = Mix(h1 + 0x68E31DA4u);
        uint sum = (h1 & 0xFFFFu) + (h1 >> 16) + (h2 & 0xFFFFu) + (h2 >> 16);
        return ((float)(int)sum - 2f * 65535f) * sumScale;
    }

    private static float ToLog(float v, float logOfToe, float logRange, float slope) =>
        v >= 0f ? (IntrinsicMath.CPUOnly.Log2(v + 1f / 64f) - logOfToe) / logRange : v * slope;

    private static float FromLog(float v, float logOfToe, float logRange, float slope) =>
        v >= 0f ? IntrinsicMath.CPUOnly.Exp2(v * logRange + logOfToe) - 1f / 64f : v / slope;
}
