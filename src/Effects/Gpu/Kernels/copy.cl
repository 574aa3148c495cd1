// Copies `width` x `height` pixels starting at canvas (x1, y1) from src to dst (same channel count).
// One work item per float of a row: global size (width * channels, height).
__kernel void enhance_copy(__global const float* src, int srcX1, int srcY1, int srcStride,
                           __global float* dst, int dstX1, int dstY1, int dstStride,
                           int x1, int y1, int rowFloats, int height, int channels)
{
    int i = get_global_id(0);
    int r = get_global_id(1);
    if (i >= rowFloats || r >= height) return;
    int y = y1 + r;
    dst[(y - dstY1) * dstStride + (x1 - dstX1) * channels + i] =
        finite_sample(src[(y - srcY1) * srcStride + (x1 - srcX1) * channels + i]);
}

// Clamps the alpha (channel 3) of `pixels` RGBA pixels to 0-1 in place. Global size (pixels, 1).
// Compares, not clamp(): like Math.Clamp on the CPU, a NaN alpha stays NaN.
__kernel void enhance_clamp_alpha(__global float* image, int pixels, int channels)
{
    int p = get_global_id(0);
    if (p >= pixels) return;
    int i = p * channels + channels - 1;
    float a = image[i];
    image[i] = a < 0.0f ? 0.0f : a > 1.0f ? 1.0f : a;
}
