using ILGPU;
using Half = ILGPU.Half;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The CUDA kernels, written in C# and compiled to PTX by ILGPU's PTX backend (<see cref="PtxCompiler"/>);
/// ILGPU's runtime is never used, since it would insist on its own context. Each kernel is the
/// twin of the OpenCL kernel of the same name in Gpu/Kernels (same arguments, same arithmetic
/// in the same order), launched over a 2-D grid with one thread per float (or per pixel for the
/// planar conversions). ArrayView parameters reach the kernel as {pointer, length} pairs
/// (<see cref="CudaKernelArguments"/>); nothing here may throw (PTX has no exceptions), hence
/// hand-written clamps instead of Math.Clamp.
/// </summary>
internal static class CudaKernels
{
    public static void Copy(ArrayView<float> src, int srcX1, int srcY1, int srcStride,
                            ArrayView<float> dst, int dstX1, int dstY1, int dstStride,
                            int x1, int y1, int rowFloats, int height, int channels)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= rowFloats || r >= height) return;
        int y = y1 + r;
        dst[(y - dstY1) * dstStride + (x1 - dstX1) * channels + i] = src[(y - srcY1) * srcStride + (x1 - srcX1) * channels + i];
    }

    public static void ResampleHorizontal(ArrayView<float> src, int srcX1, int srcY1, int srcStride, int channels,
                                          ArrayView<float> tmp, int rowStart, int rows, int outWidth,
                                          ArrayView<int> first, ArrayView<float> weights, int taps)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= outWidth * channels || r >= rows) return;
        int o = i / channels;
        int c = i - o * channels;
        int at = (rowStart + r - srcY1) * srcStride + (first[o] - srcX1) * channels + c;
        int w = o * taps;
        float sum = 0f;
        for (int t = 0; t < taps; t++)
            sum += weights[w + t] * src[at + t * channels];
        tmp[r * outWidth * channels + i] = sum;
    }

    public static void ResampleVertical(ArrayView<float> tmp, int rowStart, int tmpStride,
                                        ArrayView<float> dst, int dstStride, int rowFloats, int outHeight,
                                        ArrayView<int> first, ArrayView<float> weights, int taps)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= rowFloats || r >= outHeight) return;
        int at = (first[r] - rowStart) * tmpStride + i;
        int w = r * taps;
        float sum = 0f;
        for (int t = 0; t < taps; t++)
            sum += weights[w + t] * tmp[at + t * tmpStride];
        dst[r * dstStride + i] = sum;
    }

    public static void AddDetail(ArrayView<float> dst, int channels, ArrayView<float> model, ArrayView<float> reference,
                                 int width, int height, float strength, float limit)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int p = (r * width + x) * channels, q = (r * width + x) * 3;
        float alpha = channels == 4 ? Math.Min(Math.Max(dst[p + 3], 0f), 1f) : 1f;
        for (int c = 0; c < 3; c++)
        {
            float d = strength * Math.Min(Math.Max(model[q + c] - reference[q + c], -limit), limit);
            dst[p + c] = dst[p + c] + (channels == 4 ? alpha * d : d);
        }
    }

    public static void ToPlanarFloat(ArrayView<float> src, int srcX1, int srcY1, int srcStride, int channels,
                                     int x1, int y1, int width, int height, int topRowFirst, ArrayView<float> planar, int encoding)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int y = topRowFirst != 0 ? y1 + height - 1 - r : y1 + r;
        int px = (y - srcY1) * srcStride + (x1 + x - srcX1) * channels;
        int plane = width * height, o = r * width + x;
        for (int p = 0; p < 3; p++)
            planar[p * plane + o] = Encode(src, px, channels, p, encoding);
    }

    public static void ToPlanarHalf(ArrayView<float> src, int srcX1, int srcY1, int srcStride, int channels,
                                    int x1, int y1, int width, int height, int topRowFirst, ArrayView<Half> planar, int encoding)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int y = topRowFirst != 0 ? y1 + height - 1 - r : y1 + r;
        int px = (y - srcY1) * srcStride + (x1 + x - srcX1) * channels;
        int plane = width * height, o = r * width + x;
        // cvt.rn.f16.f32: round to nearest even, like System.Half on the CPU.
        for (int p = 0; p < 3; p++)
            planar[p * plane + o] = (Half)Encode(src, px, channels, p, encoding);
    }

    public static void FromPlanarFloat(ArrayView<float> planar, ArrayView<float> dst, int dstX1, int dstY1, int dstStride, int channels,
                                       int x1, int y1, int width, int height, int topRowFirst, int encoding)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int y = topRowFirst != 0 ? y1 + height - 1 - r : y1 + r;
        int px = (y - dstY1) * dstStride + (x1 + x - dstX1) * channels;
        int plane = width * height, o = r * width + x;
        for (int p = 0; p < 3; p++)
            dst[px + p] = Decode(planar[p * plane + o], encoding);
    }

    public static void FromPlanarHalf(ArrayView<Half> planar, ArrayView<float> dst, int dstX1, int dstY1, int dstStride, int channels,
                                      int x1, int y1, int width, int height, int topRowFirst, int encoding)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int y = topRowFirst != 0 ? y1 + height - 1 - r : y1 + r;
        int px = (y - dstY1) * dstStride + (x1 + x - dstX1) * channels;
        int plane = width * height, o = r * width + x;
        for (int p = 0; p < 3; p++)
            dst[px + p] = Decode((float)planar[p * plane + o], encoding);
    }

    // PlanarEncoding: 0 as is, 1 straight clipped, 2 straight clipped sRGB-encoded (Upscale.TransferFunctions).
    internal static float Encode(ArrayView<float> src, int px, int channels, int p, int encoding)
    {
        float v = src[px + (channels == 1 ? 0 : p)];
        if (encoding == 0) return v;
        if (channels == 4)
        {
            float alpha = src[px + 3];
            v *= alpha > 1e-6f ? 1f / alpha : 0f;
        }
        v = v >= 0f ? Math.Min(v, 1f) : 0f; // TransferFunctions.Clipped: NaN as 0, whatever max.f32 does with it
        if (encoding == 2) v = v <= 0.0031308f ? 12.92f * v : 1.055f * Pow(v, 1f / 2.4f) - 0.055f;
        return v;
    }

    internal static float Decode(float v, int encoding)
    {
        if (encoding != 2) return v;
        float a = Math.Abs(v);
        float linear = a <= 0.04045f ? a / 12.92f : Pow((a + 0.055f) / 1.055f, 2.4f);
        return v < 0 ? -linear : linear;
    }

    /// <summary>
    /// x^y for x &gt; 0 as 2^(y·log2 x): ILGPU's core has no PowF for PTX (it lives in ILGPU.Algorithms),
    /// but maps these two to ex2.approx/lg2.approx (relative error ~1e-7, far inside the 1e-4 budget).
    /// </summary>
    private static float Pow(float x, float y) => IntrinsicMath.CPUOnly.Exp2(y * IntrinsicMath.CPUOnly.Log2(x));

    /// <summary>Twin of enhance_clamp_alpha (copy.cl): alpha (the last channel) of pixel p clamped to 0–1, NaN kept.</summary>
    public static void ClampAlpha(ArrayView<float> image, int pixels, int channels)
    {
        int p = Grid.GlobalIndex.X;
        if (p >= pixels) return;
        int i = p * channels + channels - 1;
        float a = image[i];
        image[i] = a < 0f ? 0f : a > 1f ? 1f : a;
    }
}
