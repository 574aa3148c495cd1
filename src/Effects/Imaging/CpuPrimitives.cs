using Enhance.Effects.Gpu;

namespace Enhance.Effects.Imaging;

/// <summary>
/// The CPU versions of the GPU primitives (Lanczos resampling is <see cref="Resampling.LanczosResampler"/>,
/// the detail blend is the Upscale effect's own).
/// They define what the OpenCL and CUDA kernels must reproduce; the conformance tests compare every
/// backend against these, and the CPU render path uses them directly.
/// </summary>
public static class CpuPrimitives
{
    /// <summary>
    /// The Upscale effect's detail blend (<see cref="Upscale.DetailBlend"/>, called as is): over
    /// destination.Bounds, <c>destination += α · strength · clamp(model − reference, ±limit)</c> on RGB,
    /// α the destination's own alpha clamped to 0–1 (1 for RGB). The destination holds the classical
    /// upscale (premultiplied); model and reference are straight RGB with the destination's bounds.
    /// </summary>
    public static void AddDetail(FloatImage destination, FloatImage model, FloatImage reference, float strength, float detailLimit)
    {
        PrimitiveChecks.DetailArguments(destination.Channels, destination.Bounds, model.Channels, model.Bounds,
                                        reference.Channels, reference.Bounds, strength, detailLimit);
        Upscale.DetailBlend.Apply(destination, model, reference, strength, detailLimit);
    }

    /// <summary>
    /// Clamps alpha to 0–1 in place (Lanczos lobes overshoot, and alpha outside 0–1 has no meaning for
    /// compositing): channel 3 of RGBA, the only channel of an Alpha image; RGB is left as it is. NaN stays NaN.
    /// </summary>
    public static void ClampAlpha(FloatImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (!HasAlpha(image.Channels)) return;
        int step = image.Channels;
        var pixels = image.Pixels;
        for (int i = step - 1; i < pixels.Length; i += step) pixels[i] = Math.Clamp(pixels[i], 0f, 1f);
    }

    /// <summary>RGBA and Alpha images carry alpha (as their last channel); RGB does not.</summary>
    public static bool HasAlpha(int channels) => channels is 1 or 4;

    /// <summary>
    /// Writes the RGB of <paramref name="area"/> as three planes (R, G, B; NCHW with N = 1) of
    /// area.Width × area.Height elements into <paramref name="planar"/> (bytes). Plane row 0 is
    /// canvas row area.Y1, or area.Y2 − 1 when <paramref name="topRowFirst"/> (OFX canvases run
    /// bottom-up, while networks are trained on top-down pictures).
    /// </summary>
    public static void ToPlanarRgb(FloatImage source, PixelRect area, Span<byte> planar, PlanarElement element, bool topRowFirst,
                                   PlanarEncoding encoding = PlanarEncoding.AsIs)
    {
        CheckPlanar(source, area, planar.Length, element);
        int w = area.Width, h = area.Height;
        int plane = w * h;
        var f32 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(planar);
        var f16 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(planar);
        for (int r = 0; r < h; r++)
        {
            int y = topRowFirst ? area.Y2 - 1 - r : area.Y1 + r;
            var row = source.Row(y, area.X1, area.X2);
            int ch = source.Channels;
            for (int p = 0; p < 3; p++)
            {
                int channel = ch == 1 ? 0 : p;
                int o = p * plane + r * w;
                for (int x = 0; x < w; x++)
                {
                    float v = Encode(row.Slice(x * ch, ch), channel, encoding);
                    if (element == PlanarElement.Float32) f32[o + x] = v;
                    else f16[o + x] = (Half)v;
                }
            }
        }
    }

    /// <summary>
    /// The reverse of <see cref="ToPlanarRgb"/>: writes the planes into the RGB of
    /// <paramref name="area"/> in <paramref name="destination"/>; alpha (if any) is left as it was,
    /// since it comes from the classical path.
    /// </summary>
    public static void FromPlanarRgb(ReadOnlySpan<byte> planar, PlanarElement element, PixelRect area, FloatImage destination, bool topRowFirst,
                                     PlanarEncoding encoding = PlanarEncoding.AsIs)
    {
        if (destination.Channels < 3) throw new ArgumentException("Planar RGB needs a destination with 3 or 4 channels.", nameof(destination));
        CheckPlanar(destination, area, planar.Length, element);
        int w = area.Width, h = area.Height;
        int plane = w * h;
        var f32 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(planar);
        var f16 = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(planar);
        for (int r = 0; r < h; r++)
        {
            int y = topRowFirst ? area.Y2 - 1 - r : area.Y1 + r;
            var row = destination.Row(y, area.X1, area.X2);
            int ch = destination.Channels;
            for (int p = 0; p < 3; p++)
            {
                int o = p * plane + r * w;
                for (int x = 0; x < w; x++)
                {
                    float v = element == PlanarElement.Float32 ? f32[o + x] : (float)f16[o + x];
                    row[x * ch + p] = encoding == PlanarEncoding.ModelSceneLinear ? Upscale.TransferFunctions.FromModel(v, Upscale.InputTransfer.SceneLinear) : v;
                }
            }
        }
    }

    /// <summary>One sample on its way to a model: straight colour as the Upscale effect computes it (TiledInference.Gather), then its transfer.</summary>
    private static float Encode(ReadOnlySpan<float> pixel, int channel, PlanarEncoding encoding)
    {
        float v = pixel[channel];
        if (encoding == PlanarEncoding.AsIs) return v;
        if (pixel.Length == 4)
        {
            float alpha = pixel[3];
            v *= Premultiplication.StraightFactor(alpha);
        }
        var transfer = encoding == PlanarEncoding.ModelSceneLinear ? Upscale.InputTransfer.SceneLinear : Upscale.InputTransfer.Display;
        return Upscale.TransferFunctions.ToModel(v, transfer);
    }

    /// <summary>Bytes of a planar RGB tensor covering <paramref name="area"/>.</summary>
    public static long PlanarByteSize(PixelRect area, PlanarElement element) => 3 * area.Area * element.ByteSize();

    private static void CheckPlanar(FloatImage image, PixelRect area, int planarBytes, PlanarElement element)
    {
        if (area.IsEmpty || !image.Bounds.Contains(area))
            throw new ArgumentException($"The area {area} must be non-empty and inside the image {image.Bounds}.", nameof(area));
        if (planarBytes < PlanarByteSize(area, element))
            throw new ArgumentException($"The planar buffer holds {planarBytes} bytes; {area} needs {PlanarByteSize(area, element)}.");
    }
}
