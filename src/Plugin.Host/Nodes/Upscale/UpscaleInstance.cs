using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Effects.Upscale;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Imaging;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>One Upscale node on a clip: answers the geometry actions and renders.</summary>
public sealed class UpscaleInstance(InstanceContext context) : ImageEffectInstance(context)
{
    private const string NodeName = "Enhance Upscale";

    private UpscaleNodeSettings ReadSettings(double time) => UpscaleParams.Read(Effect.Params, time);

    private UpscaleMode ModeOf(UpscaleNodeSettings s) => UpscaleParams.Resolve(s.Mode, Host, Context.ResolvePage);

    private static bool IsFastPath(OfxPointD renderScale, bool draft) => draft || renderScale.X < 1 || renderScale.Y < 1;

    private static UpscaleModelChoice ChooseModel(UpscaleNodeSettings s, UpscaleMode mode, bool fastPath) =>
        UpscaleModelChoice.For(s, mode == UpscaleMode.Resize ? s.Scale : s.SourceScale, fastPath, ModelCatalog.Bundled);

    public override OfxRectD? GetRegionOfDefinition(RegionOfDefinitionArguments args)
    {
        var s = ReadSettings(args.Time);
        if (ModeOf(s) != UpscaleMode.Resize) return null; // same size as the input: the host's default
        var source = Effect.GetClip(UpscalePlugin.SourceClip);
        if (!source.IsConnected) return null;
        return CanonicalCoordinates.Scale(source.GetRegionOfDefinition(args.Time), s.Scale, s.Scale);
    }

    public override IReadOnlyDictionary<string, OfxRectD>? GetRegionsOfInterest(RegionsOfInterestArguments args)
    {
        var s = ReadSettings(args.Time);
        var mode = ModeOf(s);
        var source = Effect.GetClip(UpscalePlugin.SourceClip);
        var output = Effect.GetClip(OfxNames.ImageEffectOutputClipName);
        var rs = args.RenderScale;
        var window = CanonicalCoordinates.ToPixels(args.RegionOfInterest, rs, output.PixelAspectRatio);
        var sourceDefinition = CanonicalCoordinates.ToPixels(source.GetRegionOfDefinition(args.Time), rs, source.PixelAspectRatio);
        // The model's tiles may read beyond the classical kernel, so ask with the same model as Render.
        using var choice = ChooseModel(s, mode, IsFastPath(rs, draft: false));
        var needed = InputRegion(window, mode, choice.Settings, sourceDefinition);
        return new Dictionary<string, OfxRectD> { [UpscalePlugin.SourceClip] = CanonicalCoordinates.ToCanonical(needed, rs, source.PixelAspectRatio) };
    }

    /// <summary>The source pixels a render window needs (in place, the frame itself is the base).</summary>
    private static PixelRect InputRegion(PixelRect window, UpscaleMode mode, UpscaleSettings settings, PixelRect sourceDefinition) =>
        mode == UpscaleMode.Resize
            ? UpscaleGeometry.ResizeInputRegion(window, settings, sourceDefinition)
            : UpscaleGeometry.InPlaceRegions(window, settings, sourceDefinition).Input.Union(window);

    /// <summary>A model asks the host for whole frames, Classical lets it tile (<see cref="UpscaleTiling"/>).</summary>
    public override void InstanceChanged(InstanceChangedArguments args)
    {
        if (args.Name == UpscaleParams.Model) UpscaleTiling.Declare(Effect, ModelCatalog.Bundled);
    }

    public override bool GetClipPreferences(PropertySet outArgs)
    {
        UpscaleTiling.Declare(Effect, ModelCatalog.Bundled);
        return false;
    }

    /// <summary>Temporal stability above 0 reads the previous frame of the source as well (issue 14).</summary>
    public override IReadOnlyDictionary<string, double[]>? GetFramesNeeded(FramesNeededArguments args)
    {
        if (ReadSettings(args.Time).TemporalStability <= 0) return null;
        return new Dictionary<string, double[]>
        {
            [UpscalePlugin.SourceClip] = [args.Time - TemporalStability.FramesBefore, args.Time],
        };
    }

    /// <summary>
    /// The source's pixels of <paramref name="region"/> at the frame before <paramref name="args"/>'s,
    /// or null when the host has none (first frame, a frame outside the clip) or a frame of another
    /// size or format: then the frame renders on its own.
    /// </summary>
    private FloatImage? ReadPrevious(RenderArguments args, RenderScope scope, PixelRect region)
    {
        var clip = Effect.GetClip(UpscalePlugin.SourceClip);
        double time = args.Time - TemporalStability.FramesBefore;
        try
        {
            var rs = args.RenderScale;
            var definition = CanonicalCoordinates.ToPixels(clip.GetRegionOfDefinition(time), rs, clip.PixelAspectRatio);
            if (definition != CanonicalCoordinates.ToPixels(clip.GetRegionOfDefinition(args.Time), rs, clip.PixelAspectRatio))
                return null;
            using var image = clip.GetImage(time, CanonicalCoordinates.ToCanonical(region, rs, clip.PixelAspectRatio));
            if (image is null || image.ChannelCount != scope.Channels) return null;
            if (!HostImageConverter.ToPixelRect(image.Bounds).Contains(region)) return null;
            HostImageConverter.EnsureSupported(image, NodeName);
            return HostImageConverter.Read(image, region);
        }
        catch (OfxException)
        {
            return null; // the host has no such frame: this one renders on its own
        }
    }

    public override void Render(RenderArguments args)
    {
        try
        {
            RenderFrame(args);
        }
        catch (ModelLoadException e)
        {
            // A model that loaded can still fail on a frame (NaN or wild values out of a damaged
            // or badly built network): the frame fails with the reason, never with those pixels.
            throw new OfxException(OfxStatus.Failed, e.Message,
                $"{NodeName}: {e.Message} {e.Advice}", e);
        }
    }

    private void RenderFrame(RenderArguments args)
    {
        // Without its bundled models the node still renders (Classical, Custom): say why the choice is short.
        if (ModelCatalog.Bundled.Problem is { } problem) ShowWarning($"{NodeName}: {problem}");
        var s = ReadSettings(args.Time);
        var mode = ModeOf(s);
        using var choice = ChooseModel(s, mode, IsFastPath(args.RenderScale, args.IsDraft));
        var window = HostImageConverter.ToPixelRect(args.RenderWindow);
        using var scope = RenderScope.Open(Effect, args, NodeName,
            inputRegionFor: definition => InputRegion(window, mode, choice.Settings, definition));
        if (scope.Gpu is not null && choice.Settings.UsesTemporal)
            throw new OfxException(OfxStatus.GPURenderFailed, "temporal stability renders on the CPU",
                $"{NodeName}: Temporal stability runs on the CPU for now; the host should render this frame on the CPU.");
        if (scope.Gpu is { } gpu)
        {
            if (choice.Settings.UsesModel) GpuModelUpscaleNode.Render(gpu, scope.Window, scope.SourceDefinition, s.SourceScale, mode == UpscaleMode.Resize, choice.Settings);
            else RenderClassicalOnDevice(gpu, scope, mode, choice.Settings);
            return;
        }
        // With a model the window renders in bands, each inside the budget's share for pictures (UpscaleBands).
        var modelDefinition = mode == UpscaleMode.Resize ? scope.SourceDefinition : UpscaleGeometry.FootprintDefinition(scope.SourceDefinition, s.SourceScale);
        foreach (var band in UpscaleBands.For(scope.Window, choice.Settings, modelDefinition, scope.Channels))
        {
            using var memory = UpscaleBands.ReservePictures(band, choice.Settings, modelDefinition, scope.Channels);
            RenderBand(args, scope, mode, s, choice.Settings, band);
        }
    }

    private void RenderBand(RenderArguments args, RenderScope scope, UpscaleMode mode, UpscaleNodeSettings s, UpscaleSettings settings, PixelRect window)
    {
        using var result = new FloatImage(window, scope.Channels);
        if (mode == UpscaleMode.Resize)
        {
            var needed = UpscaleGeometry.ResizeInputRegion(window, settings, scope.SourceDefinition);
            using var input = scope.ReadSource(needed);
            using var previous = settings.UsesTemporal ? ReadPrevious(args, scope, needed) : null;
            UpscaleRenderer.Render(input, scope.SourceDefinition, result, settings, previous: previous);
        }
        else
        {
            // The host's frame is the base: the model's detail (its result minus the Lanczos
            // upscale of the footprint it saw) goes on top of it, so Classical or strength 0 leaves
            // the frame as the host scaled it. Rebuilding the base from the footprint (as before)
            // blurred every frame by a Lanczos round trip the model then had to win back.
            var (footprintRegion, needed) = UpscaleGeometry.InPlaceRegions(window, settings, scope.SourceDefinition);
            using var input = scope.ReadSource(needed.Union(window));
            if (!settings.UsesModel)
            {
                result.CopyFrom(input);
            }
            else
            {
                var footprintDefinition = UpscaleGeometry.FootprintDefinition(scope.SourceDefinition, s.SourceScale);
                using var footprint = new FloatImage(footprintRegion, scope.Channels);
                LanczosResampler.Resample(input, scope.SourceDefinition, footprint, 1 / s.SourceScale, 1 / s.SourceScale);
                using var previousFootprint = settings.UsesTemporal ? PreviousFootprint(args, scope, needed, footprintRegion, s.SourceScale) : null;
                UpscaleRenderer.Render(footprint, footprintDefinition, result, settings, classicalBase: input, previous: previousFootprint);
            }
        }
        CpuPrimitives.ClampAlpha(result);  // Lanczos lobes overshoot alpha
        scope.WriteResult(result); // the band: what result covers
    }

    /// <summary>Enhance in place: the previous frame reduced to the footprint grid, as the current one is.</summary>
    private FloatImage? PreviousFootprint(RenderArguments args, RenderScope scope, PixelRect needed, PixelRect footprintRegion, double sourceScale)
    {
        using var previous = ReadPrevious(args, scope, needed);
        if (previous is null) return null;
        var footprint = new FloatImage(footprintRegion, scope.Channels);
        LanczosResampler.Resample(previous, scope.SourceDefinition, footprint, 1 / sourceScale, 1 / sourceScale);
        return footprint;
    }

    private static void RenderClassicalOnDevice(GpuRenderScope gpu, RenderScope scope, UpscaleMode mode, UpscaleSettings settings)
    {
        if (mode == UpscaleMode.Resize)
        {
            GpuClassicalUpscale.Resize(gpu, scope.Window, scope.SourceDefinition, settings.ScaleX, settings.ScaleY);
            return;
        }
        GpuClassicalUpscale.InPlace(gpu, scope.Window);
    }
}
