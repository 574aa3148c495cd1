using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Upscale;

/// <summary>
/// The pipeline's routes on the host's device memory, through <see cref="IGpuPrimitives"/> and
/// <see cref="GpuModelUpscale"/>: the CPU routes' steps on the primitives, so the frame never leaves
/// the device. The model itself runs where <see cref="DeviceModelRunners"/> decides (ONNX Runtime's
/// CUDA provider over our device tensors, or the CPU session with each cell's tensors copied across,
/// which is reported as a slow path).
/// </summary>
public sealed partial class UpscalePipeline
{
    /// <summary>
    /// Fills frames.Output (the window) by the route; alpha ends clamped to 0–1. Throws
    /// <see cref="GpuRenderException"/> (the host renders again on the CPU) for what has no device
    /// path (<see cref="DeviceRefusal"/>), before any device work.
    /// </summary>
    public void Render(UpscaleDeviceFrames frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (DeviceRefusal(frames.Gpu) is { } why) throw new GpuRenderException(why);
        var gpu = frames.Gpu;
        switch (Route)
        {
            case UpscaleRoute.Classical:
                // The Lanczos primitive uses the CPU resampler's own weight tables: the CPU route's result.
                gpu.Resample(frames.Source, frames.SourceDefinition, frames.Output, Settings.ScaleX, Settings.ScaleY);
                break;
            case UpscaleRoute.PassThrough:
                gpu.Copy(frames.Source, frames.Output);
                break;
            default:
                WithCellsThatFit(frames);
                break;
        }
        gpu.ClampAlpha(frames.Output);
    }

    /// <summary>
    /// The model routes, in cells as large as the Memory budget allows; when the card is short of memory
    /// (<see cref="DeviceMemoryShortage"/>) the render starts again with cells of half the budget, down to
    /// the smallest cells, and only then gives up to the CPU (<see cref="GpuRenderException"/>: the host
    /// renders the frame again with CPU images). Each retry is reported once; the frame differs from one in
    /// the larger cells only by where the cells' feathered seams fall (≤ 1e-3, as bands and tiles).
    /// </summary>
    private void WithCellsThatFit(UpscaleDeviceFrames frames)
    {
        var pipeline = this;
        while (true)
        {
            try
            {
                pipeline.RunModelRoute(frames);
                return;
            }
            catch (Exception e) when (DeviceMemoryShortage.Is(e))
            {
                int smaller = pipeline.Settings.MemoryBudgetMiB / 2;
                if (smaller == 0 || pipeline.CellSide(smaller) == pipeline.CellSide(pipeline.Settings.MemoryBudgetMiB))
                    throw new GpuRenderException($"the GPU is short of memory even for the smallest model cells ({e.Message})", e);
                frames.ReportSlowPath?.Invoke($"was short of GPU memory and renders the model in smaller cells (as with a Memory budget of {smaller} MiB)");
                pipeline = new UpscalePipeline(Fit, Settings with { MemoryBudgetMiB = smaller });
            }
        }
    }

    private void RunModelRoute(UpscaleDeviceFrames frames)
    {
        if (Route == UpscaleRoute.Model)
            GpuModelUpscale.Render(frames.Gpu, frames.Source, frames.SourceDefinition, frames.Output, Settings, RunnerFor(frames),
                                   previous: ReadsPreviousFrame ? frames.Previous : null);
        else
            ModelInPlaceOnDevice(frames);
    }

    /// <summary>The model cells' core side under a budget (what halving the budget must shrink to be worth a retry).</summary>
    private int CellSide(int budgetMiB) =>
        TiledInference.CoreSide(budgetMiB, Settings.Model!.Scale, TileLayout.OverlapFor(Settings.TileOverlap, Settings.Model.Reach));

    /// <summary>As <see cref="ModelInPlaceOnCpu"/>: the model on the footprint, its detail over the host's frame.</summary>
    private void ModelInPlaceOnDevice(UpscaleDeviceFrames f)
    {
        var runner = RunnerFor(f);
        var gpu = f.Gpu;
        var (footprintRegion, _) = UpscaleGeometry.InPlaceRegions(f.Output.Bounds, Settings, f.SourceDefinition);
        var footprintDefinition = UpscaleGeometry.FootprintDefinition(f.SourceDefinition, Settings.ScaleX);
        using var buffer = ToFootprintOnDevice(gpu, f.Source, f.SourceDefinition, footprintRegion, out var footprint);
        if (!ReadsPreviousFrame || f.Previous is not { } previous)
        {
            GpuModelUpscale.Render(gpu, footprint, footprintDefinition, f.Output, Settings, runner, classicalBase: f.Source);
            return;
        }
        // The previous frame reduced to the footprint grid, as the current one is (PreviousFootprint on the CPU).
        using var previousBuffer = ToFootprintOnDevice(gpu, previous, f.SourceDefinition, footprintRegion, out var previousFootprint);
        GpuModelUpscale.Render(gpu, footprint, footprintDefinition, f.Output, Settings, runner, classicalBase: f.Source, previous: previousFootprint);
    }

    /// <summary>As <see cref="ToFootprint"/> on the device: the frame reduced by the source scale, in a buffer of ours (returned, to dispose).</summary>
    private IDeviceBuffer ToFootprintOnDevice(IGpuPrimitives gpu, DeviceImage frame, PixelRect frameDefinition, PixelRect footprintRegion,
                                              out DeviceImage footprint)
    {
        var buffer = gpu.Allocate(footprintRegion.Area * frame.Channels * sizeof(float));
        footprint = new DeviceImage(buffer.Handle, footprintRegion, frame.Channels);
        try
        {
            gpu.Resample(frame, frameDefinition, footprint, 1 / Settings.ScaleX, 1 / Settings.ScaleX);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private IDeviceModelRunner RunnerFor(UpscaleDeviceFrames f)
    {
        // Temporal mode keeps this frame's cell results: the next frame's pass over its previous one is this one.
        var runner = DeviceModelRunners.For(f.Gpu, Settings.Model!, out _, Settings.MemoryBudgetMiB, keepResults: ReadsPreviousFrame);
        if (runner.SlowPath is { } slow) f.ReportSlowPath?.Invoke(slow);
        return runner;
    }
}
