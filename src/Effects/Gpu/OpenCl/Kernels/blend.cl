// Strength/detail blend (DetailBlendMath): out = base + strength * clamp(detailed - base, -limit, limit)
// on colour; alpha (4th channel of RGBA) is the base's. All three images are addressed over the
// destination's area; global size (width * channels, height).
__kernel void enhance_blend_detail(__global const float* base, int baseX1, int baseY1, int baseStride,
                                   __global const float* detailed, int detX1, int detY1, int detStride,
                                   __global float* dst, int dstX1, int dstY1, int dstStride,
                                   int width, int height, int channels, float strength, float limit)
{
    int i = get_global_id(0);
    int r = get_global_id(1);
    if (i >= width * channels || r >= height) return;
    int y = dstY1 + r;
    float b = base[(y - baseY1) * baseStride + (dstX1 - baseX1) * channels + i];
    float result = b;
    if (!(channels == 4 && (i & 3) == 3))
    {
        float d = detailed[(y - detY1) * detStride + (dstX1 - detX1) * channels + i];
        result = b + strength * clamp(d - b, -limit, limit);
    }
    dst[r * dstStride + i] = result;
}
