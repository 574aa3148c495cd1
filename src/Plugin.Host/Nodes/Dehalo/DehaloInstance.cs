using Enhance.Effects.Dehalo;
using Enhance.Effects.Gpu;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Rendering;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Nodes.Dehalo;

/// <summary>One Dehalo node: reads the window plus the stages' margin, removes halos, writes the window.</summary>
public sealed class DehaloInstance(InstanceContext context) : ImageEffectInstance(context)
{
    private const string NodeName = "Enhance Dehalo";

    /// <summary>The settings at a time, with radii shrunk by the render scale (radii are full-resolution pixels).</summary>
    private DehaloSettings Settings(double time, OfxPointD renderScale) =>
        DehaloParams.Read(Effect.Params, time).ScaledForRenderScale(renderScale.X, renderScale.Y);

    public override IReadOnlyDictionary<string, OfxRectD>? GetRegionsOfInterest(RegionsOfInterestArguments args)
    {
        var s = Settings(args.Time, args.RenderScale);
        var source = Effect.GetClip(OfxNames.ImageEffectSimpleSourceClipName);
        var output = Effect.GetClip(OfxNames.ImageEffectOutputClipName);
        var window = CanonicalCoordinates.ToPixels(args.RegionOfInterest, args.RenderScale, output.PixelAspectRatio);
        var needed = DehaloProcessor.RequiredInputRegion(window, s);
        return new Dictionary<string, OfxRectD>
        {
            [OfxNames.ImageEffectSimpleSourceClipName] = CanonicalCoordinates.ToCanonical(needed, args.RenderScale, source.PixelAspectRatio),
        };
    }

    public override (string Clip, double Time)? IsIdentity(IsIdentityArguments args)
    {
        var s = DehaloParams.Read(Effect.Params, args.Time);
        // Nothing to remove at strength 0 when the picture itself is shown: let the host pass it through.
        return s.Strength <= 0 && s.Output == DehaloOutput.Result ? (OfxNames.ImageEffectSimpleSourceClipName, args.Time) : null;
    }

    public override void Render(RenderArguments args)
    {
        var s = Settings(args.Time, args.RenderScale);
        var window = HostImageConverter.ToPixelRect(args.RenderWindow);
        using var scope = RenderScope.Open(Effect, args, NodeName,
            inputRegionFor: definition => DehaloProcessor.RequiredInputRegion(window, s).Intersect(definition));
        if (scope.Gpu is { } gpu)
        {
            // On the host's device memory and queue: the source image covers what the RoI asked for.
            var definition = scope.SourceDefinition;
            gpu.RenderInto(scope.Window, output => GpuDehalo.Apply(gpu.Primitives, gpu.Source, definition, output, s));
            return;
        }
        var needed = DehaloProcessor.RequiredInputRegion(scope.Window, s).Intersect(scope.SourceDefinition);
        using var input = scope.ReadSource(needed);
        using var result = scope.CreateResult();
        DehaloProcessor.Process(input, scope.SourceDefinition, result, s);
        scope.WriteResult(result);
    }
}
