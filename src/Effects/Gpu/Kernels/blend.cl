// The Upscale effect's detail blend (Upscale/DetailBlend.cs), in place on the classical upscale:
// dst.rgb += alpha * strength * clamp(model - reference, -limit, limit), alpha = clamp(dst.a, 0, 1)
// for RGBA (Lanczos rings alpha slightly outside 0-1), no factor for RGB. model and reference are
// straight RGB with the destination's bounds. Global size (width, height): one work item a pixel.
__kernel void enhance_add_detail(__global float* dst, int channels,
                                 __global const float* model, __global const float* reference,
                                 int width, int height, float strength, float limit)
{
    int x = get_global_id(0);
    int r = get_global_id(1);
    if (x >= width || r >= height) return;
    int p = (r * width + x) * channels;
    int q = (r * width + x) * 3;
    float alpha = channels == 4 ? clamp(dst[p + 3], 0.0f, 1.0f) : 1.0f;
    for (int c = 0; c < 3; c++)
    {
        float d = strength * clamp(model[q + c] - reference[q + c], -limit, limit);
        dst[p + c] = dst[p + c] + (channels == 4 ? alpha * d : d);
    }
}
