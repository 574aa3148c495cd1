using ILGPU;
using Half = ILGPU.Half;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The Upscale model path's CUDA kernels: twins of Gpu/Kernels/model.cl (same arguments, the same
/// float operations in the same order), compiled to PTX by <see cref="PtxCompiler"/>. fp16 tensors get
/// their own kernels (ArrayView&lt;Half&gt;), as the planar conversions in <see cref="CudaKernels"/> do.
/// </summary>
internal static class CudaModelKernels
{
    /// <summary>Twin of enhance_straight_rgb: straight RGB over the region, then the encoding (PlanarEncoding).</summary>
    public static void StraightRgb(ArrayView<float> src, int srcX1, int srcY1, int srcStride, int channels,
                                   ArrayView<float> dst, int x1, int y1, int width, int height, int encoding)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int px = (y1 + r - srcY1) * srcStride + (x1 + x - srcX1) * channels;
        int o = (r * width + x) * 3;
        for (int p = 0; p < 3; p++)
            dst[o + p] = CudaKernels.Encode(src, px, channels, p, encoding);
    }

    public static void GatherCellFloat(ArrayView<float> src, int srcX1, int srcY1, int srcStride,
                                       int defX1, int defY1, int defX2, int defY2,
                                       int inX1, int inY1, int width, int height, ArrayView<float> planar)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int at = GatherSource(srcX1, srcY1, srcStride, defX1, defY1, defX2, defY2, inX1 + x, inY1 + r);
        int plane = width * height, o = r * width + x;
        for (int p = 0; p < 3; p++)
            planar[p * plane + o] = src[at + p];
    }

    public static void GatherCellHalf(ArrayView<float> src, int srcX1, int srcY1, int srcStride,
                                      int defX1, int defY1, int defX2, int defY2,
                                      int inX1, int inY1, int width, int height, ArrayView<Half> planar)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int at = GatherSource(srcX1, srcY1, srcStride, defX1, defY1, defX2, defY2, inX1 + x, inY1 + r);
        int plane = width * height, o = r * width + x;
        // cvt.rn.f16.f32: round to nearest even, as the CPU session's (Float16) conversion does.
        for (int p = 0; p < 3; p++)
            planar[p * plane + o] = (Half)src[at + p];
    }

    /// <summary>Index of the 3-channel source pixel at (x, y) clamped to the definition (the edge repeats).</summary>
    private static int GatherSource(int srcX1, int srcY1, int srcStride, int defX1, int defY1, int defX2, int defY2, int x, int y)
    {
        int sx = x < defX1 ? defX1 : x > defX2 - 1 ? defX2 - 1 : x;
        int sy = y < defY1 ? defY1 : y > defY2 - 1 ? defY2 - 1 : y;
        return (sy - srcY1) * srcStride + (sx - srcX1) * 3;
    }

    public static void AccumulateCellFloat(ArrayView<float> result, int resX1, int resY1, int resWidth, int resPlane,
                                           int reachX1, int reachY1, int reachWidth, int reachHeight,
                                           ArrayView<float> rowWeights, ArrayView<float> columnWeights,
                                           ArrayView<float> sums, ArrayView<float> weights, int regX1, int regY1, int regWidth, int regPlane)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= reachWidth || r >= reachHeight) return;
        float rowWeight = rowWeights[r];
        if (rowWeight == 0f) return;
        int x = reachX1 + i, y = reachY1 + r;
        float weight = rowWeight * columnWeights[i];
        int at = (y - regY1) * regWidth + (x - regX1);
        int from = (y - resY1) * resWidth + (x - resX1);
        weights[at] = weights[at] + weight;
        for (int c = 0; c < 3; c++)
            sums[c * regPlane + at] = sums[c * regPlane + at] + weight * result[c * resPlane + from];
    }

    public static void AccumulateCellHalf(ArrayView<Half> result, int resX1, int resY1, int resWidth, int resPlane,
                                          int reachX1, int reachY1, int reachWidth, int reachHeight,
                                          ArrayView<float> rowWeights, ArrayView<float> columnWeights,
                                          ArrayView<float> sums, ArrayView<float> weights, int regX1, int regY1, int regWidth, int regPlane)
    {
        int i = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (i >= reachWidth || r >= reachHeight) return;
        float rowWeight = rowWeights[r];
        if (rowWeight == 0f) return;
        int x = reachX1 + i, y = reachY1 + r;
        float weight = rowWeight * columnWeights[i];
        int at = (y - regY1) * regWidth + (x - regX1);
        int from = (y - resY1) * resWidth + (x - resX1);
        weights[at] = weights[at] + weight;
        for (int c = 0; c < 3; c++)
            sums[c * regPlane + at] = sums[c * regPlane + at] + weight * (float)result[c * resPlane + from];
    }

    /// <summary>Twin of enhance_normalise_cells: sums / weights, interleaved, decoded when scene-linear.</summary>
    public static void NormaliseCells(ArrayView<float> sums, ArrayView<float> weights, ArrayView<float> dst, int width, int height, int encoding)
    {
        int x = Grid.GlobalIndex.X, r = Grid.GlobalIndex.Y;
        if (x >= width || r >= height) return;
        int plane = width * height, at = r * width + x;
        float inverse = 1f / weights[at];
        for (int c = 0; c < 3; c++)
            dst[at * 3 + c] = CudaKernels.Decode(sums[c * plane + at] * inverse, encoding);
    }
}
