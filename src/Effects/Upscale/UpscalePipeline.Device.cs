using Enhance.Effects.Gpu;

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
            case UpscaleRoute.Model:
                GpuModelUpscale.Render(gpu, frames.Source, frames.SourceDefinition, frames.Output, Settings, RunnerFor(frames),
                                       previous: ReadsPreviousFrame ? frames.Previous : null);
                break;
            default:
                ModelInPlaceOnDevice(frames);
                break;
        }
        gpu.ClampAlpha(frames.Output);
    }

    /// <summary>As <see cref="ModelInPlaceOnCpu"/>: the model on the footprint, its detail over the host's frame.</summary>
    private void ModelInPlaceOnDevice(UpscaleDeviceFrames f)
    {
        var runner = RunnerFor(f);
        var gpu = f.Gpu;
        var (footprintRegion, _) = UpscaleGeometry.InPlaceRegions(f.Output.Bounds, Settings, f.SourceDefinition);
        var footprintDefinition = UpscaleGeometry.FootprintDefinition(f.SourceDefinition, Settings.ScaleX);
        int channels = f.Source.Channels;
        using var buffer = gpu.Allocate(footprintRegion.Area * channels * sizeof(float));
        var footprint = new DeviceImage(buffer.Handle, footprintRegion, channels);
        gpu.Resample(f.Source, f.SourceDefinition, footprint, 1 / Settings.ScaleX, 1 / Settings.ScaleX);
        if (!ReadsPreviousFrame || f.Previous is not { } previous)
        {
            GpuModelUpscale.Render(gpu, footprint, footprintDefinition, f.Output, Settings, runner, classicalBase: f.Source);
            return;
        }
        // The previous frame reduced to the footprint grid, as the current one is (PreviousFootprint on the CPU).
        using var previousBuffer = gpu.Allocate(footprintRegion.Area * channels * sizeof(float));
        var previousFootprint = new DeviceImage(previousBuffer.Handle, footprintRegion, channels);
        gpu.Resample(previous, f.SourceDefinition, previousFootprint, 1 / Settings.ScaleX, 1 / Settings.ScaleX);
        GpuModelUpscale.Render(gpu, footprint, footprintDefinition, f.Output, Settings, runner, classicalBase: f.Source, previous: previousFootprint);
    }

    private IDeviceModelRunner RunnerFor(UpscaleDeviceFrames f)
    {
        var runner = DeviceModelRunners.For(f.Gpu, Settings.Model!, out _);
        if (runner.SlowPath is { } slow) f.ReportSlowPath?.Invoke(slow);
        return runner;
    }
}
