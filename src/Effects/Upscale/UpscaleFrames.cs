using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Upscale;

/// <summary>
/// The CPU images of one Upscale render, as the node gets them from the host: the pipeline reads
/// the source regions it needs (and, in temporal mode, the previous frame's) and fills the result.
/// </summary>
/// <param name="SourceDefinition">The source clip's definition in pixels at the render scale.</param>
/// <param name="Result">The output window to fill (its bounds are the window).</param>
/// <param name="ReadSource">The source pixels of a region, as a new image the pipeline disposes.</param>
/// <param name="ReadPrevious">
/// The previous frame's source pixels of a region (same definition), or null where the host has no
/// such frame; then the frame renders on its own. Only asked for when the render reads it.
/// </param>
public sealed record UpscaleCpuFrames(
    PixelRect SourceDefinition,
    FloatImage Result,
    Func<PixelRect, FloatImage> ReadSource,
    Func<PixelRect, FloatImage?>? ReadPrevious = null);

/// <summary>The host's device images of one Upscale render (CUDA or OpenCL), on its queue/stream.</summary>
/// <param name="Output">The output window to fill (its bounds are the window).</param>
/// <param name="ReportSlowPath">Told once per render when the model's runner copies tensors through the host.</param>
/// <param name="Previous">
/// The previous frame's source on the device (same definition, covering the input region), for temporal
/// stability; null where the host has no such frame: then the frame renders on its own.
/// </param>
public sealed record UpscaleDeviceFrames(
    IGpuPrimitives Gpu,
    DeviceImage Source,
    PixelRect SourceDefinition,
    DeviceImage Output,
    Action<string>? ReportSlowPath = null,
    DeviceImage? Previous = null);
