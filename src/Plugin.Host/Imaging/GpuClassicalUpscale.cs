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
    /// In-place mode: down to the footprint the source scale stands for, then back up to the window,
    /// as the CPU node does (one device temporary for the footprint).
    /// </summary>
    public static void InPlace(GpuRenderScope gpu, PixelRect window, PixelRect sourceDefinition, PixelRect footprintRegion,
        PixelRect footprintDefinition, double sourceScale, double scaleX, double scaleY)
    {
        int channels = gpu.Source.Channels;
        using var buffer = gpu.Primitives.Allocate(footprintRegion.Area * channels * sizeof(float));
        var footprint = new DeviceImage(buffer.Handle, footprintRegion, channels);
        gpu.RenderInto(window, output =>
        {
            gpu.Primitives.Resample(gpu.Source, sourceDefinition, footprint, 1 / sourceScale, 1 / sourceScale);
            gpu.Primitives.Resample(footprint, footprintDefinition, output, scaleX, scaleY);
            gpu.Primitives.ClampAlpha(output);
        });
    }
}
