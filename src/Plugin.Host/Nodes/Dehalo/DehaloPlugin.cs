using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Imaging;
using Enhance.Plugin.OfxBridge;

namespace Enhance.Plugin.Host.Nodes.Dehalo;

/// <summary>Dehalo: removes the bright and dark outlines that sharpening and AI upscaling leave, and only them.</summary>
public sealed class DehaloPlugin : ImageEffectPlugin
{
    public const string Id = "io.enhance.Dehalo";

    public override string Identifier => Id;

    public override void Describe(EffectDescriptor d)
    {
        d.Labels("Dehalo", "Enhance", "Removes sharpening and upscaling halos along edges while keeping the edges crisp.")
         .Contexts(OfxNames.ImageEffectContextFilter, OfxNames.ImageEffectContextGeneral)
         .PixelDepths(HostImageConverter.SupportedDepths)
         .Capabilities(tiles: true, multiResolution: true, temporalAccess: false, threadSafety: OfxNames.ImageEffectRenderFullySafe);
        GpuRenderScope.DeclareSupport(d);
    }

    public override void DescribeInContext(EffectDescriptor d, string context)
    {
        d.DefineClip(OfxNames.ImageEffectSimpleSourceClipName)
         .SupportedComponents(OfxNames.ImageComponentRGBA, OfxNames.ImageComponentRGB, OfxNames.ImageComponentAlpha).SupportsTiles(true);
        d.DefineClip(OfxNames.ImageEffectOutputClipName)
         .SupportedComponents(OfxNames.ImageComponentRGBA, OfxNames.ImageComponentRGB, OfxNames.ImageComponentAlpha).SupportsTiles(true);
        DehaloParams.Define(d.Params);
    }

    public override ImageEffectInstance CreateInstance(InstanceContext context) => new DehaloInstance(context);
}
