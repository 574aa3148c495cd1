using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.OfxBridge;

namespace Enhance.Plugin.Host.Nodes.Dehalo;

/// <summary>Dehalo: removes the bright and dark outlines that sharpening and AI upscaling leave, and only them.</summary>
public sealed class DehaloPlugin : ImageEffectPlugin
{
    public const string Id = "io.enhance.Dehalo";

    public override string Identifier => Id;

    public override void Describe(EffectDescriptor descriptor) =>
        descriptor.EnhanceFilter("Dehalo", "Removes sharpening and upscaling halos along edges while keeping the edges crisp.");

    public override void DescribeInContext(EffectDescriptor descriptor, string context)
    {
        descriptor.DefineSourceAndOutput(OfxNames.ImageComponentRGBA, OfxNames.ImageComponentRGB, OfxNames.ImageComponentAlpha);
        DehaloParams.Define(descriptor.Params);
    }

    public override ImageEffectInstance CreateInstance(InstanceContext context) => new DehaloInstance(context);
}
