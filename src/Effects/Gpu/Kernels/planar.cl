// Interleaved image <-> planar RGB (NCHW, N = 1) for a neural network, fp32 or fp16 (vstore_half_rte /
// vload_half are core OpenCL, no cl_khr_fp16 needed). Plane row r is canvas row y1 + r, or
// y1 + height - 1 - r when topRowFirst (networks see pictures top-down; OFX canvases run bottom-up).
// encoding (PlanarEncoding): 0 as is; 1 straight colour clipped to 0-1; 2 that, sRGB-encoded (and
// decoded on the way back) - the Upscale effect's TransferFunctions. Global size (width, height).

#define ENCODING_AS_IS 0
#define ENCODING_MODEL_SCENE_LINEAR 2
#define TRANSPARENT_ALPHA 1e-6f

float srgb_encode(float linear)
{
    return linear <= 0.0031308f ? 12.92f * linear : 1.055f * pow(linear, 1.0f / 2.4f) - 0.055f;
}

float srgb_decode(float encoded)
{
    return encoded <= 0.04045f ? encoded / 12.92f : pow((encoded + 0.055f) / 1.055f, 2.4f);
}

__kernel void enhance_to_planar(__global const float* src, int srcX1, int srcY1, int srcStride, int channels,
                                int x1, int y1, int width, int height, int topRowFirst,
                                __global void* planar, int useHalf, int encoding)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    int y = topRowFirst ? y1 + height - 1 - r : y1 + r;
    __global const float* px = src + (y - srcY1) * srcStride + (x1 + x - srcX1) * channels;
    float inverseAlpha = 1.0f;
    if (channels == 4) inverseAlpha = px[3] > TRANSPARENT_ALPHA ? 1.0f / px[3] : 0.0f;
    int plane = width * height;
    int o = r * width + x;
    for (int p = 0; p < 3; p++)
    {
        float v = px[channels == 1 ? 0 : p];
        if (encoding != ENCODING_AS_IS)
        {
            if (channels == 4) v = v * inverseAlpha;
            v = clamp(v, 0.0f, 1.0f);
            if (encoding == ENCODING_MODEL_SCENE_LINEAR) v = srgb_encode(v);
        }
        if (useHalf) vstore_half_rte(v, p * plane + o, (__global half*)planar);
        else ((__global float*)planar)[p * plane + o] = v;
    }
}

__kernel void enhance_from_planar(__global const void* planar, int useHalf,
                                  __global float* dst, int dstX1, int dstY1, int dstStride, int channels,
                                  int x1, int y1, int width, int height, int topRowFirst, int encoding)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    int y = topRowFirst ? y1 + height - 1 - r : y1 + r;
    __global float* px = dst + (y - dstY1) * dstStride + (x1 + x - dstX1) * channels;
    int plane = width * height;
    int o = r * width + x;
    for (int p = 0; p < 3; p++)
    {
        float v = useHalf ? vload_half(p * plane + o, (__global const half*)planar)
                          : ((__global const float*)planar)[p * plane + o];
        if (encoding == ENCODING_MODEL_SCENE_LINEAR) v = copysign(srgb_decode(fabs(v)), v);
        px[p] = v;
    }
}
