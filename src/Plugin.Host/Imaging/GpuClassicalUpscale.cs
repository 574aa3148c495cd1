using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;

namespace Enhance.Plugin.Host.Imaging;

/// <summary>
/// Upscale without a model on the host's OpenCL queue: the Lanczos primitive, which uses the CPU
/// resampler's own weight tables, so the device result matches <c>LanczosResampler</c> (and the
/// CPU node) within the conformance tolerance. Nothing is copied to the CPU.
/// RGBA alpha is clamped to 0–1 after the last resample, as the CPU node does (Lanczos overshoots at alpha edges).
/// </summary>
public static class GpuClassicalUpscale
{
    /// <summary>Resize mode: the source straight to the render window.</summary>
    public static void Resize(GpuRenderScope gpu, PixelRect window, PixelRect sourceDefinition, double scaleX, double scaleY) =>
        gpu.RenderInto(window, output =>
        {
            gpu.Primitives.Resample(gpu.Source, sourceDefinition, output, scaleX, scaleY);
            gpu.Primitives.ClampAlpha(output);
        });

    /// <summary>
    /// In-place mode without a model: the host already scaled the clip, and a Lanczos round trip
    /// through the footprint would only blur it, so the frame is passed on as the host made it,
    /// as the CPU node does.
    /// </summary>
    public static void InPlace(GpuRenderScope gpu, PixelRect window) =>
        gpu.RenderInto(window, output =>
        {
            gpu.Primitives.Copy(gpu.Source, output);
            gpu.Primitives.ClampAlpha(output);
        });
}
