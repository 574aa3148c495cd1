// Separable Lanczos resampling with weight tables computed on the host (ResampleWeights): every
// output position reads `taps` consecutive source samples starting at first[o] (canvas index, edge
// clamping already folded into the weights). Summation order is the CPU's: tap 0 first.

// Horizontal pass: source rows [rowStart, rowStart + rows) into tmp (outWidth x channels floats a row).
// Global size (outWidth * channels, rows).
__kernel void enhance_resample_h(__global const float* src, int srcX1, int srcY1, int srcStride, int channels,
                                 __global float* tmp, int rowStart, int rows, int outWidth,
                                 __global const int* first, __global const float* weights, int taps)
{
    int i = get_global_id(0);
    int r = get_global_id(1);
    if (i >= outWidth * channels || r >= rows) return;
    int o = i / channels;
    int c = i - o * channels;
    __global const float* row = src + (rowStart + r - srcY1) * srcStride + (first[o] - srcX1) * channels + c;
    __global const float* w = weights + o * taps;
    float sum = 0.0f;
    for (int t = 0; t < taps; t++)
        sum += w[t] * finite_sample(row[t * channels]);
    tmp[r * outWidth * channels + i] = sum;
}

// Vertical pass: tmp (rows from canvas row rowStart) into the destination rows [dstRow0, dstRow0 + outHeight).
// first[] holds canvas source rows. Global size (outWidth * channels, outHeight).
__kernel void enhance_resample_v(__global const float* tmp, int rowStart, int tmpStride,
                                 __global float* dst, int dstStride, int dstRowOffset, int dstColOffset,
                                 int rowFloats, int outHeight,
                                 __global const int* first, __global const float* weights, int taps)
{
    int i = get_global_id(0);
    int r = get_global_id(1);
    if (i >= rowFloats || r >= outHeight) return;
    __global const float* col = tmp + (first[r] - rowStart) * tmpStride + i;
    __global const float* w = weights + r * taps;
    float sum = 0.0f;
    for (int t = 0; t < taps; t++)
        sum += w[t] * col[t * tmpStride];
    dst[(dstRowOffset + r) * dstStride + dstColOffset + i] = sum;
}
