// The Upscale model path on the device (Upscale/UpscaleRenderer.cs and TiledInference.cs): straight
// RGB for the model, each cell's input tensor, the feathered blend of the cells' results, and its
// normalisation. Uses srgb_encode/srgb_decode and the encodings of planar.cl (concatenated before this).
// Every kernel repeats the C# float operations in the same order (FP_CONTRACT is off in common.cl).

// Straight RGB over a region (TiledInference.Gather, UpscaleRenderer.ClippedStraightRgb): unpremultiplied by alpha (RGBA), then the
// encoding (PlanarEncoding). dst is 3 channels, width x height, its first pixel at canvas (x1, y1).
// Global size (width, height).
__kernel void enhance_straight_rgb(__global const float* src, int srcX1, int srcY1, int srcStride, int channels,
                                   __global float* dst, int x1, int y1, int width, int height, int encoding)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    __global const float* px = src + (y1 + r - srcY1) * srcStride + (x1 + x - srcX1) * channels;
    float inverseAlpha = 1.0f;
    float alpha = channels == 4 ? finite_sample(px[3]) : 1.0f;
    if (channels == 4) inverseAlpha = alpha > TRANSPARENT_ALPHA ? 1.0f / alpha : 0.0f;
    __global float* out = dst + (r * width + x) * 3;
    for (int p = 0; p < 3; p++)
    {
        float v = finite_sample(px[p]);
        if (encoding != ENCODING_AS_IS)
        {
            v *= inverseAlpha;
            v = v >= 0.0f ? fmin(v, 1.0f) : 0.0f; // TransferFunctions.Clipped: NaN as 0
            if (encoding == ENCODING_MODEL_SCENE_LINEAR) v = srgb_encode(v);
        }
        out[p] = v;
    }
}

// One cell's input tensor (TiledInference.Gather): the 3-channel model input at canvas
// (inX1 + x, inY1 + r), coordinates clamped to the definition [defX1, defX2) x [defY1, defY2), as R, G, B
// planes of width x height (fp32, or fp16 rounded to nearest even). Global size (width, height).
__kernel void enhance_gather_cell(__global const float* src, int srcX1, int srcY1, int srcStride,
                                  int defX1, int defY1, int defX2, int defY2,
                                  int inX1, int inY1, int width, int height,
                                  __global void* planar, int useHalf)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    int sy = clamp(inY1 + r, defY1, defY2 - 1);
    int sx = clamp(inX1 + x, defX1, defX2 - 1);
    __global const float* px = src + (sy - srcY1) * srcStride + (sx - srcX1) * 3;
    int plane = width * height;
    int o = r * width + x;
    for (int p = 0; p < 3; p++)
    {
        if (useHalf) vstore_half_rte(px[p], p * plane + o, (__global half*)planar);
        else ((__global float*)planar)[p * plane + o] = px[p];
    }
}

// Adds one cell's result into the blend (TiledInference.AccumulateCell): for each pixel of the reach,
// weight = rowWeight * columnWeight; weights += weight; sums[c] += weight * result[c]. Rows of weight 0
// are skipped as on the CPU. result: R, G, B planes of resWidth x (resPlane / resWidth) from canvas
// (resX1, resY1); sums: 3 planes, weights: 1 plane, of the region (regWidth wide, regPlane pixels).
// One work item a pixel: cells are enqueued one after another, so no two items touch one sum.
__kernel void enhance_accumulate_cell(__global const void* result, int useHalf, int resX1, int resY1, int resWidth, int resPlane,
                                      int reachX1, int reachY1, int reachWidth, int reachHeight,
                                      __global const float* rowWeights, __global const float* columnWeights,
                                      __global float* sums, __global float* weights, int regX1, int regY1, int regWidth, int regPlane)
{
    int i = get_global_id(0);
    int r = get_global_id(1);
    if (i >= reachWidth || r >= reachHeight) return;
    float rowWeight = rowWeights[r];
    if (rowWeight == 0.0f) return;
    int x = reachX1 + i, y = reachY1 + r;
    float weight = rowWeight * columnWeights[i];
    int at = (y - regY1) * regWidth + (x - regX1);
    int from = (y - resY1) * resWidth + (x - resX1);
    weights[at] = weights[at] + weight;
    for (int c = 0; c < 3; c++)
    {
        float v = useHalf ? vload_half(c * resPlane + from, (__global const half*)result)
                          : ((__global const float*)result)[c * resPlane + from];
        sums[c * regPlane + at] = sums[c * regPlane + at] + weight * v;
    }
}

// The blended result (TiledInference.Normalise, then TransferFunctions.FromModel when scene-linear):
// dst (3 channels, width x height) = sums / weights. Global size (width, height).
__kernel void enhance_normalise_cells(__global const float* sums, __global const float* weights,
                                      __global float* dst, int width, int height, int encoding)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    int plane = width * height;
    int at = r * width + x;
    float inverse = 1.0f / weights[at];
    for (int c = 0; c < 3; c++)
    {
        float v = sums[c * plane + at] * inverse;
        if (encoding == ENCODING_MODEL_SCENE_LINEAR) v = copysign(srgb_decode(fabs(v)), v);
        dst[at * 3 + c] = v;
    }
}

// SuperResolutionModel.CheckOutputValues on the device, for a runner that leaves the model's result there
// (ONNX Runtime's CUDA provider): flag[0] gets bit 1 for a NaN or infinite value and bit 2 for a finite one
// beyond +-limit (SuperResolutionModel.OutputLimit). The comparison is the CPU's: NaN fails both sides.
// One work item a value. Global size (count).
__kernel void enhance_check_model_output(__global const void* tensor, int useHalf, int count, float limit, __global int* flag)
{
    int i = get_global_id(0);
    if (i >= count) return;
    float v = useHalf ? vload_half(i, (__global const half*)tensor) : ((__global const float*)tensor)[i];
    if (v >= -limit && v <= limit) return;
    atomic_or(flag, isnan(v) || isinf(v) ? 1 : 2);
}
