using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.OfxBridge;

namespace Enhance.Plugin.Host.Nodes.Grain;

/// <summary>
/// Grain: adds film grain, designed by hand or matched to the Original plate. OFX's filter context
/// reserves "Source" for the main input (the enhanced picture), so the plate before enhancement is
/// the optional clip "Original".
/// </summary>
public sealed class GrainPlugin : ImageEffectPlugin
{
    public const string Id = "io.enhance.Grain";
    public const string OriginalClip = "Original";

    public override string Identifier => Id;

    public override void Describe(EffectDescriptor descriptor) =>
        descriptor.EnhanceFilter("Grain", "Film grain, designed or matched to the original plate, so enhanced pictures stop looking plastic.", temporalAccess: true);

    public override void DescribeInContext(EffectDescriptor descriptor, string context)
    {
        descriptor.DefineSourceAndOutput(OfxNames.ImageComponentRGBA, OfxNames.ImageComponentRGB);
        descriptor.DefineClip(OriginalClip).Label("Original")
         .SupportedComponents(OfxNames.ImageComponentRGBA, OfxNames.ImageComponentRGB).SupportsTiles(false).Optional(true);
        GrainParams.Define(descriptor.Params);
    }

    public override ImageEffectInstance CreateInstance(InstanceContext context) => new GrainInstance(context);
}
