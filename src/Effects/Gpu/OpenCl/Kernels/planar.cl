// Interleaved image <-> planar RGB (NCHW, N = 1) for a neural network, fp32 or fp16 (vstore_half_rte /
// vload_half are core OpenCL, no cl_khr_fp16 needed). Plane row r is canvas row y1 + r, or
// y1 + height - 1 - r when topRowFirst (networks see pictures top-down; OFX canvases run bottom-up).
// Global size (width, height).

__kernel void enhance_to_planar(__global const float* src, int srcX1, int srcY1, int srcStride, int channels,
                                int x1, int y1, int width, int height, int topRowFirst,
                                __global void* planar, int useHalf)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    int y = topRowFirst ? y1 + height - 1 - r : y1 + r;
    __global const float* px = src + (y - srcY1) * srcStride + (x1 + x - srcX1) * channels;
    int plane = width * height;
    int o = r * width + x;
    for (int p = 0; p < 3; p++)
    {
        float v = px[channels == 1 ? 0 : p];
        if (useHalf) vstore_half_rte(v, p * plane + o, (__global half*)planar);
        else ((__global float*)planar)[p * plane + o] = v;
    }
}

__kernel void enhance_from_planar(__global const void* planar, int useHalf,
                                  __global float* dst, int dstX1, int dstY1, int dstStride, int channels,
                                  int x1, int y1, int width, int height, int topRowFirst)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    int y = topRowFirst ? y1 + height - 1 - r : y1 + r;
    __global float* px = dst + (y - dstY1) * dstStride + (x1 + x - dstX1) * channels;
    int plane = width * height;
    int o = r * width + x;
    for (int p = 0; p < 3; p++)
        px[p] = useHalf ? vload_half(p * plane + o, (__global const half*)planar)
                     : ((__global const float*)planar)[p * plane + o];
}
