using Enhance.Plugin.Host.Rendering;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Params;

namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// What a node sees while describing itself (Describe and DescribeInContext), in the manner of the
/// OFX Support library's ImageEffectDescriptor: labels, contexts, depths, clips and parameters.
/// </summary>
public sealed class EffectDescriptor(ImageEffectHandle effect, HostInfo host)
{
    public ImageEffectHandle Effect { get; } = effect;
    public HostInfo Host { get; } = host;
    public PropertySet Properties => Effect.Properties;
    public ParamSet Params => Effect.Params;

    public EffectDescriptor Labels(string label, string grouping, string description)
    {
        var p = Properties;
        p.SetString(OfxNames.PropLabel, label);
        p.TrySetString(OfxNames.PropShortLabel, label);
        p.TrySetString(OfxNames.PropLongLabel, label);
        p.SetString(OfxNames.ImageEffectPluginPropGrouping, grouping);
        p.TrySetString(OfxNames.PropPluginDescription, description);
        return this;
    }

    public EffectDescriptor Contexts(params string[] contexts)
    {
        Properties.SetStrings(OfxNames.ImageEffectPropSupportedContexts, contexts);
        return this;
    }

    public EffectDescriptor PixelDepths(params string[] depths)
    {
        Properties.SetStrings(OfxNames.ImageEffectPropSupportedPixelDepths, depths);
        return this;
    }

    /// <summary>Tiles, multi-resolution, thread safety and the like.</summary>
    public EffectDescriptor Capabilities(bool tiles, bool multiResolution, bool temporalAccess, string threadSafety)
    {
        var p = Properties;
        p.SetInt(OfxNames.ImageEffectPropSupportsTiles, tiles ? 1 : 0);
        p.SetInt(OfxNames.ImageEffectPropSupportsMultiResolution, multiResolution ? 1 : 0);
        p.SetInt(OfxNames.ImageEffectPropTemporalClipAccess, temporalAccess ? 1 : 0);
        p.SetString(OfxNames.ImageEffectPluginRenderThreadSafety, threadSafety);
        p.SetInt(OfxNames.ImageEffectPluginPropHostFrameThreading, 0);
        p.TrySetInt(OfxNames.ImageEffectPropSupportsMultipleClipDepths, 0);
        p.TrySetInt(OfxNames.ImageEffectPropSupportsMultipleClipPARs, 0);
        return this;
    }

    public ClipDescriptor DefineClip(string name) => Effect.DefineClip(name);

    /// <summary>
    /// What every Enhance node declares: grouped under "Enhance", filter and general contexts, the
    /// depths the pixel converter handles, tiles and render scales, fully thread-safe renders, and
    /// CUDA and OpenCL buffer rendering where each runs here (<see cref="GpuRenderScope"/>).
    /// </summary>
    public EffectDescriptor EnhanceFilter(string label, string description, bool temporalAccess = false)
    {
        Labels(label, "Enhance", description)
            .Contexts(OfxNames.ImageEffectContextFilter, OfxNames.ImageEffectContextGeneral)
            .PixelDepths(HostImageConverter.SupportedDepths)
            .Capabilities(tiles: true, multiResolution: true, temporalAccess, threadSafety: OfxNames.ImageEffectRenderFullySafe);
        GpuRenderScope.DeclareSupport(this);
        return this;
    }

    /// <summary>The main input "Source" and the "Output", both taking <paramref name="components"/>, tiled.</summary>
    public void DefineSourceAndOutput(params string[] components) => DefineSourceAndOutput(temporalSource: false, components);

    /// <param name="temporalSource">The node fetches Source at other times than the render's (kOfxImageEffectPropTemporalClipAccess on the clip).</param>
    /// <param name="components">What both clips take.</param>
    public void DefineSourceAndOutput(bool temporalSource, params string[] components)
    {
        var source = DefineClip(OfxNames.ImageEffectSimpleSourceClipName).SupportedComponents(components).SupportsTiles(true);
        if (temporalSource) source.TemporalAccess(true);
        DefineClip(OfxNames.ImageEffectOutputClipName).SupportedComponents(components).SupportsTiles(true);
    }
}
