using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;

namespace Enhance.Effects.Upscale;

/// <summary>The pipeline's routes on CPU images (<see cref="UpscaleRenderer"/>; temporal stability reads the previous frame).</summary>
public sealed partial class UpscalePipeline
{
    /// <summary>Fills frames.Result (the window) by the route; alpha ends clamped to 0–1.</summary>
    public void Render(UpscaleCpuFrames frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        switch (Route)
        {
            case UpscaleRoute.Classical or UpscaleRoute.Model:
                ResizeOnCpu(frames);
                break;
            case UpscaleRoute.PassThrough:
                PassThroughOnCpu(frames);
                break;
            default:
                ModelInPlaceOnCpu(frames);
                break;
        }
        CpuPrimitives.ClampAlpha(frames.Result);
    }

    private void ResizeOnCpu(UpscaleCpuFrames f)
    {
        var needed = UpscaleGeometry.ResizeInputRegion(f.Result.Bounds, Settings, f.SourceDefinition);
        using var input = f.ReadSource(needed);
        using var previous = ReadsPreviousFrame ? f.ReadPrevious?.Invoke(needed) : null;
        UpscaleRenderer.Render(input, f.SourceDefinition, f.Result, Settings, previous: previous);
    }

    private void PassThroughOnCpu(UpscaleCpuFrames f)
    {
        // The region the node asked the host for (window and footprint input), not just the window:
        // the copy takes only the window, and a window the host's image misses then stays empty
        // instead of failing the read.
        using var input = f.ReadSource(InputRegion(f.Result.Bounds, f.SourceDefinition));
        f.Result.CopyFrom(input);
    }

    /// <summary>
    /// The host's frame is the base: the model's detail (its result minus the Lanczos upscale of the
    /// footprint it saw) goes on top of it, so strength 0 leaves the frame as the host scaled it.
    /// Rebuilding the base from the footprint blurred every frame by a Lanczos round trip the model
    /// then had to win back.
    /// </summary>
    private void ModelInPlaceOnCpu(UpscaleCpuFrames f)
    {
        var window = f.Result.Bounds;
        var (footprintRegion, needed) = UpscaleGeometry.InPlaceRegions(window, Settings, f.SourceDefinition);
        using var input = f.ReadSource(needed.Union(window));
        using var footprint = ToFootprint(input, f.SourceDefinition, footprintRegion);
        using var previousFootprint = ReadsPreviousFrame ? PreviousFootprint(f, needed, footprintRegion) : null;
        var footprintDefinition = UpscaleGeometry.FootprintDefinition(f.SourceDefinition, Settings.ScaleX);
        UpscaleRenderer.Render(footprint, footprintDefinition, f.Result, Settings, classicalBase: input, previous: previousFootprint);
    }

    /// <summary>The previous frame reduced to the footprint grid, as the current one is; null where the host has none.</summary>
    private FloatImage? PreviousFootprint(UpscaleCpuFrames f, PixelRect needed, PixelRect footprintRegion)
    {
        using var previous = f.ReadPrevious?.Invoke(needed);
        return previous is null ? null : ToFootprint(previous, f.SourceDefinition, footprintRegion);
    }

    /// <summary>The frame reduced by the source scale: what the clip looked like before the host enlarged it.</summary>
    private FloatImage ToFootprint(FloatImage frame, PixelRect frameDefinition, PixelRect footprintRegion)
    {
        var footprint = new FloatImage(footprintRegion, frame.Channels);
        LanczosResampler.Resample(frame, frameDefinition, footprint, 1 / Settings.ScaleX, 1 / Settings.ScaleX);
        return footprint;
    }
}
