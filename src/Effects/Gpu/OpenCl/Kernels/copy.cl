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
        src[(y - srcY1) * srcStride + (x1 - srcX1) * channels + i];
}
