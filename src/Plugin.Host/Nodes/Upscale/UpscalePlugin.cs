using Enhance.Effects.Upscale;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.OfxBridge;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>
/// Upscale: super-resolution. Resize mode grows the frame (output RoD = input × scale); Enhance in
/// place rebuilds detail in a frame the host already scaled. The classical path is Lanczos-3; the
/// model path blends a network's prediction over it by a keyframable strength.
/// </summary>
public sealed class UpscalePlugin : ImageEffectPlugin
{
    public const string Id = "io.enhance.Upscale";
    public const string SourceClip = OfxNames.ImageEffectSimpleSourceClipName;
    public const string OutputClip = OfxNames.ImageEffectOutputClipName;

    public override string Identifier => Id;

    public override void Describe(EffectDescriptor descriptor) =>
        descriptor.EnhanceFilter("Upscale", "AI super-resolution with a keyframable strength over a classical Lanczos upscale.", temporalAccess: true);

    public override void DescribeInContext(EffectDescriptor descriptor, string context)
    {
        // Temporal stability reads the previous frame of Source.
        descriptor.DefineSourceAndOutput(temporalSource: true, OfxNames.ImageComponentRGBA, OfxNames.ImageComponentRGB, OfxNames.ImageComponentAlpha);
        var catalog = ModelCatalog.Bundled;
        UpscaleParams.Define(descriptor.Params, catalog.ChoiceLabels, catalog.DefaultChoice, catalog.ChoiceHint);
    }

    public override ImageEffectInstance CreateInstance(InstanceContext context)
    {
        var instance = new UpscaleInstance(context);
        UpscaleTiling.Declare(context.Effect, ModelCatalog.Bundled); // with a model, whole frames (issue 17)
        return instance;
    }

    /// <summary>Models are shared by every instance in the process; purging frees them (in-flight renders keep theirs until done).</summary>
    public override void PurgeCaches() => ModelCache.Purge();
}
