using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// An instance of a node, in the manner of OFX::ImageEffect: each overridable action returns
/// whether it handled the call; an unhandled one makes the dispatcher answer kOfxStatReplyDefault
/// so the host applies its default behaviour. Render may run on several threads at once, so
/// instances keep no mutable per-render state.
/// </summary>
public abstract class ImageEffectInstance(InstanceContext context)
{
    public InstanceContext Context { get; } = context;
    public ImageEffectHandle Effect => Context.Effect;
    public HostInfo Host => Context.Host;

    /// <summary>Renders the render window into the output clip's image. Throw <see cref="OfxException"/> to fail with a message.</summary>
    public abstract void Render(RenderArguments args);

    /// <summary>The output's region of definition (canonical coordinates), or null for the host's default.</summary>
    public virtual OfxRectD? GetRegionOfDefinition(RegionOfDefinitionArguments args) => null;

    /// <summary>Regions of interest per input clip name (canonical), or null for the default (the output region).</summary>
    public virtual IReadOnlyDictionary<string, OfxRectD>? GetRegionsOfInterest(RegionsOfInterestArguments args) => null;

    /// <summary>Clip preferences (output format, premultiplication...): write into outArgs; false for the default.</summary>
    public virtual bool GetClipPreferences(PropertySet outArgs) => false;

    /// <summary>The input clip whose image passes unchanged (and at which time), or null to render.</summary>
    public virtual (string Clip, double Time)? IsIdentity(IsIdentityArguments args) => null;

    public virtual void InstanceChanged(InstanceChangedArguments args) { }

    public virtual void BeginSequenceRender() { }

    public virtual void EndSequenceRender() { }

    public virtual void PurgeCaches() { }

    /// <summary>kOfxActionDestroyInstance: release what the instance holds.</summary>
    public virtual void Destroy() { }
}
