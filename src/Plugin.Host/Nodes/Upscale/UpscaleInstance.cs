using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Rendering;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>One Upscale node on a clip: answers the geometry actions and renders.</summary>
public sealed class UpscaleInstance(InstanceContext context) : ImageEffectInstance(context)
{
    private const string NodeName = "Enhance Upscale";

    private UpscaleNodeSettings ReadSettings(double time) => UpscaleParams.Read(Effect.Params, time);

    /// <summary>The node's Mode, Auto resolved by host and page, as the effect's fit.</summary>
    private UpscaleFit FitOf(UpscaleNodeSettings s) =>
        UpscaleParams.Resolve(s.Mode, Host, Context.ResolvePage) == UpscaleMode.Resize ? UpscaleFit.Resize : UpscaleFit.InPlace;

    private static UpscaleModelChoice ChooseModel(UpscaleNodeSettings s, UpscaleFit fit, bool quickRender) =>
        UpscaleModelChoice.For(s, UpscaleGeometry.WorkingScale(fit, s.Scale, s.SourceScale), quickRender, ModelCatalog.Bundled);

    public override OfxRectD? GetRegionOfDefinition(RegionOfDefinitionArguments args)
    {
        var s = ReadSettings(args.Time);
        if (FitOf(s) != UpscaleFit.Resize) return null; // same size as the input: the host's default
        var source = Effect.GetClip(UpscalePlugin.SourceClip);
        if (!source.IsConnected) return null;
        return CanonicalCoordinates.Scale(source.GetRegionOfDefinition(args.Time), s.Scale, s.Scale);
    }

    public override IReadOnlyDictionary<string, OfxRectD>? GetRegionsOfInterest(RegionsOfInterestArguments args)
    {
        var s = ReadSettings(args.Time);
        var source = Effect.GetClip(UpscalePlugin.SourceClip);
        var output = Effect.GetClip(OfxNames.ImageEffectOutputClipName);
        var rs = args.RenderScale;
        var window = CanonicalCoordinates.ToPixels(args.RegionOfInterest, rs, output.PixelAspectRatio);
        var sourceDefinition = CanonicalCoordinates.ToPixels(source.GetRegionOfDefinition(args.Time), rs, source.PixelAspectRatio);
        // The model's tiles may read beyond the classical kernel, so ask with the same model as Render.
        var fit = FitOf(s);
        using var choice = ChooseModel(s, fit, UpscalePipeline.IsQuickRender(rs.X, rs.Y, draft: false));
        var needed = new UpscalePipeline(fit, choice.Settings).InputRegion(window, sourceDefinition);
        return new Dictionary<string, OfxRectD> { [UpscalePlugin.SourceClip] = CanonicalCoordinates.ToCanonical(needed, rs, source.PixelAspectRatio) };
    }

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
    /// The source's image of <paramref name="region"/> at the frame before <paramref name="args"/>'s (host
    /// memory in a CPU render, device memory in a GPU one), or null when the host has none (first frame, a
    /// frame outside the clip) or a frame of another size or format: then the frame renders on its own.
    /// </summary>
    private OfxImage? PreviousImage(RenderArguments args, RenderScope scope, PixelRect region)
    {
        var clip = Effect.GetClip(UpscalePlugin.SourceClip);
        double time = args.Time - TemporalStability.FramesBefore;
        OfxImage? image = null;
        try
        {
            var rs = args.RenderScale;
            var definition = CanonicalCoordinates.ToPixels(clip.GetRegionOfDefinition(time), rs, clip.PixelAspectRatio);
            if (definition != CanonicalCoordinates.ToPixels(clip.GetRegionOfDefinition(args.Time), rs, clip.PixelAspectRatio))
                return null;
            image = clip.GetImage(time, CanonicalCoordinates.ToCanonical(region, rs, clip.PixelAspectRatio));
            if (image is null || image.ChannelCount != scope.Channels || !HostImageConverter.ToPixelRect(image.Bounds).Contains(region))
            {
                image?.Dispose();
                return null;
            }
            HostImageConverter.EnsureSupported(image, NodeName);
            return image;
        }
        catch (OfxException)
        {
            image?.Dispose();
            return null; // the host has no such frame: this one renders on its own
        }
    }

    /// <summary>The previous frame's pixels of <paramref name="region"/> as floats (a CPU render), or null as <see cref="PreviousImage"/>.</summary>
    private FloatImage? ReadPrevious(RenderArguments args, RenderScope scope, PixelRect region)
    {
        using var image = PreviousImage(args, scope, region);
        return image is null ? null : HostImageConverter.Read(image, region);
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

    /// <summary>
    /// Reads the parameters and the clips and hands them to <see cref="UpscalePipeline"/>, which
    /// decides the route and runs it on the CPU images or on the host's device memory.
    /// </summary>
    private void RenderFrame(RenderArguments args)
    {
        // Without its bundled models the node still renders (Classical, Custom): say why the choice is short.
        if (ModelCatalog.Bundled.Problem is { } problem) ShowWarning($"{NodeName}: {problem}");
        var s = ReadSettings(args.Time);
        var fit = FitOf(s);
        using var choice = ChooseModel(s, fit, UpscalePipeline.IsQuickRender(args.RenderScale.X, args.RenderScale.Y, args.IsDraft));
        var pipeline = new UpscalePipeline(fit, choice.Settings);
        if (CudaProviderNotice.For(NodeName, choice.Settings.Model is not null, GpuSupport.Current.Cuda,
                                   ExecutionProviderSelector.IsCudaAvailable, ExecutionProviderSelector.CudaReason) is { } notice)
            ShowWarning(notice);
        var window = HostImageConverter.ToPixelRect(args.RenderWindow);
        using var scope = RenderScope.Open(Effect, args, NodeName, inputRegionFor: definition => pipeline.InputRegion(window, definition));
        if (scope.Gpu is { } gpu)
        {
            // In a GPU render the host hands the previous frame in device memory too.
            using var previous = pipeline.ReadsPreviousFrame ? PreviousImage(args, scope, pipeline.InputRegion(scope.Window, scope.SourceDefinition)) : null;
            DeviceImage? previousOnDevice = previous is null ? null : GpuRenderScope.Describe(previous, NodeName, gpu.BackendName);
            // A refusal (GpuRenderException) becomes kOfxStatGPURenderFailed: the host renders again on the CPU.
            gpu.RenderInto(scope.Window, output => pipeline.Render(
                new UpscaleDeviceFrames(gpu.Primitives, gpu.Source, scope.SourceDefinition, output, gpu.ReportSlowPath, previousOnDevice)));
            return;
        }
        // With a model the window renders in bands, each inside the Memory budget's share for pictures.
        foreach (var band in pipeline.Bands(scope.Window, scope.SourceDefinition, scope.Channels))
        {
            using var memory = pipeline.ReservePictures(band, scope.SourceDefinition, scope.Channels);
            using var result = new FloatImage(band, scope.Channels);
            pipeline.Render(new UpscaleCpuFrames(scope.SourceDefinition, result, scope.ReadSource, region => ReadPrevious(args, scope, region)));
            scope.WriteResult(result); // the band: what result covers
        }
    }
}
