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

    /// <summary>
    /// Frame ranges needed per input clip to render <see cref="FramesNeededArguments.Time"/>
    /// (pairs: first, last), or null for the default (that frame alone). Only asked of nodes that
    /// declare temporal clip access.
    /// </summary>
    public virtual IReadOnlyDictionary<string, double[]>? GetFramesNeeded(FramesNeededArguments args) => null;

    public virtual void InstanceChanged(InstanceChangedArguments args) { }

    public virtual void BeginSequenceRender() { }

    public virtual void EndSequenceRender() { }

    public virtual void PurgeCaches() { }

    /// <summary>kOfxActionDestroyInstance: release what the instance holds.</summary>
    public virtual void Destroy() { }

    private readonly object _warningGate = new();
    private string? _warning;

    /// <summary>
    /// A warning that stays on the node while its cause lasts (a render that went ahead, but not as
    /// the user asked): a persistent message where the host has message suite v2, else a one-off
    /// message. Repeating the same warning from every render and thread shows it once.
    /// </summary>
    protected void ShowWarning(string text)
    {
        lock (_warningGate)
        {
            if (_warning == text) return;
            _warning = text;
        }
        if (!HostMessages.SetPersistent(Effect.Suites, Effect.Handle, MessageKind.Warning, text))
            HostMessages.Post(Effect.Suites, Effect.Handle, MessageKind.Warning, text);
    }

    /// <summary>Takes the warning off the node once its cause is gone.</summary>
    protected void ClearWarning()
    {
        lock (_warningGate)
        {
            if (_warning is null) return;
            _warning = null;
        }
        HostMessages.ClearPersistent(Effect.Suites, Effect.Handle);
    }
}
