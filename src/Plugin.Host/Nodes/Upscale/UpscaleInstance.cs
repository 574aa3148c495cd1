using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Imaging;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>One Upscale node on a clip: answers the geometry actions and renders.</summary>
public sealed class UpscaleInstance(InstanceContext context) : ImageEffectInstance(context)
{
    private const string NodeName = "Enhance Upscale";

    private UpscaleNodeSettings ReadSettings(double time) => UpscaleParams.Read(Effect.Params, time);

    private UpscaleMode ModeOf(UpscaleNodeSettings s) => UpscaleParams.Resolve(s.Mode, Host, Context.ResolvePage);

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
        var source = Effect.GetClip(UpscalePlugin.SourceClip);
        var rs = args.RenderScale;
        var window = CanonicalCoordinates.ToPixels(args.RegionOfInterest, rs);
        var sourceDefinition = CanonicalCoordinates.ToPixels(source.GetRegionOfDefinition(args.Time), rs);
        var needed = ModeOf(s) == UpscaleMode.Resize
            ? UpscaleGeometry.ResizeInputRegion(window, s.Scale, sourceDefinition)
            : UpscaleGeometry.InPlaceRegions(window, s.SourceScale, sourceDefinition).Input;
        return new Dictionary<string, OfxRectD> { [UpscalePlugin.SourceClip] = CanonicalCoordinates.ToCanonical(needed, rs) };
    }

    public override void Render(RenderArguments args)
    {
        var s = ReadSettings(args.Time);
        using var scope = RenderScope.Open(Effect, args, NodeName);
        using var result = scope.CreateResult();
        if (ModeOf(s) == UpscaleMode.Resize)
        {
            var needed = UpscaleGeometry.ResizeInputRegion(scope.Window, s.Scale, scope.SourceDefinition);
            using var input = scope.ReadSource(needed);
            LanczosResampler.Resample(input, scope.SourceDefinition, result, s.Scale, s.Scale);
        }
        else
        {
            var (footprintRegion, needed) = UpscaleGeometry.InPlaceRegions(scope.Window, s.SourceScale, scope.SourceDefinition);
            var footprintDefinition = UpscaleGeometry.FootprintDefinition(scope.SourceDefinition, s.SourceScale);
            using var input = scope.ReadSource(needed);
            using var footprint = new FloatImage(footprintRegion, scope.Channels);
            LanczosResampler.Resample(input, scope.SourceDefinition, footprint, 1 / s.SourceScale, 1 / s.SourceScale);
            LanczosResampler.Resample(footprint, footprintDefinition, result, s.SourceScale, s.SourceScale);
        }
        ClampAlpha(result);
        scope.WriteResult(result);
    }

    /// <summary>Lanczos lobes overshoot; alpha outside 0–1 has no meaning for compositing.</summary>
    private static void ClampAlpha(FloatImage image)
    {
        if (image.Channels is not (1 or 4)) return;
        int step = image.Channels, offset = image.Channels - 1;
        var pixels = image.Pixels;
        for (int i = offset; i < pixels.Length; i += step)
            pixels[i] = Math.Clamp(pixels[i], 0f, 1f);
    }
}
