using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.Plugin.Host.Imaging;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>
/// Upscale with a model on the host's device memory (CUDA or OpenCL): <see cref="GpuModelUpscale"/>
/// on the host's queue/stream, the frame never leaving the device. The model itself runs where
/// <see cref="DeviceModelRunners"/> decides: on ONNX Runtime's CUDA provider over our device tensors,
/// or on the CPU session with each cell's tensors copied across — reported once per node as a slow
/// path, with the bytes counted for ENHANCE_GPU_STATS. Alpha is clamped after the last resample, as
/// the CPU node does.
/// </summary>
internal static class GpuModelUpscaleNode
{
    /// <summary>
    /// Renders <paramref name="window"/>: in Resize mode straight from the source; in place (Resize off)
    /// the model runs on the footprint the source scale stands for and its detail goes on top of the
    /// host's own frame, exactly as the CPU node does.
    /// </summary>
    public static void Render(GpuRenderScope gpu, PixelRect window, PixelRect sourceDefinition, double sourceScale, bool resize,
                              UpscaleSettings settings)
    {
        var runner = gpu.Run(() => DeviceModelRunners.For(gpu.Primitives, settings.Model!, out _));
        if (runner.SlowPath is { } slow) gpu.ReportSlowPath(slow);
        if (resize)
        {
            gpu.RenderInto(window, output =>
            {
                GpuModelUpscale.Render(gpu.Primitives, gpu.Source, sourceDefinition, output, settings, runner);
                gpu.Primitives.ClampAlpha(output);
            });
            return;
        }
        var (footprintRegion, _) = UpscaleGeometry.InPlaceRegions(window, settings, sourceDefinition);
        var footprintDefinition = UpscaleGeometry.FootprintDefinition(sourceDefinition, sourceScale);
        int channels = gpu.Source.Channels;
        gpu.RenderInto(window, output =>
        {
            using var buffer = gpu.Primitives.Allocate(footprintRegion.Area * channels * sizeof(float));
            var footprint = new DeviceImage(buffer.Handle, footprintRegion, channels);
            gpu.Primitives.Resample(gpu.Source, sourceDefinition, footprint, 1 / sourceScale, 1 / sourceScale);
            GpuModelUpscale.Render(gpu.Primitives, footprint, footprintDefinition, output, settings, runner, classicalBase: gpu.Source);
            gpu.Primitives.ClampAlpha(output);
        });
    }
}
