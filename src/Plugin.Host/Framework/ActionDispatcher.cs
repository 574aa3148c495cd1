using System.Runtime.InteropServices;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;

namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// Routes an OFX action to a node: describe actions to the <see cref="ImageEffectPlugin"/>, the
/// others to the <see cref="ImageEffectInstance"/> found through the effect's instance-data
/// pointer. What a node does not handle is answered kOfxStatReplyDefault.
/// </summary>
public sealed class ActionDispatcher(HostSuites suites, HostInfo host)
{
    public HostSuites Suites { get; } = suites;
    public HostInfo Host { get; } = host;

    public int Dispatch(ImageEffectPlugin plugin, string action, nint handle, nint inArgsHandle, nint outArgsHandle)
    {
        var inArgs = new PropertySet(inArgsHandle, Suites);
        var outArgs = new PropertySet(outArgsHandle, Suites);
        switch (action)
        {
            case OfxNames.ActionLoad:
            case OfxNames.ActionUnload:
                return OfxStatus.OK;
            case OfxNames.ActionDescribe:
                plugin.Describe(new EffectDescriptor(Effect(handle), Host));
                return OfxStatus.OK;
            case OfxNames.ImageEffectActionDescribeInContext:
                plugin.DescribeInContext(new EffectDescriptor(Effect(handle), Host), inArgs.GetString(OfxNames.ImageEffectPropContext));
                return OfxStatus.OK;
            case OfxNames.ActionCreateInstance:
                CreateInstance(plugin, Effect(handle), inArgs);
                return OfxStatus.OK;
            case OfxNames.ActionDestroyInstance:
                DestroyInstance(Effect(handle));
                return OfxStatus.OK;
            case OfxNames.ActionPurgeCaches:
                plugin.PurgeCaches();
                Instance(handle)?.PurgeCaches();
                NativeHeapTrim.Trim(); // the host wants memory back: free malloc pages too
                return OfxStatus.OK;
        }

        var instance = Instance(handle);
        if (instance is null)
            return OfxStatus.ReplyDefault;
        return DispatchToInstance(instance, action, inArgs, outArgs);
    }

    private static int DispatchToInstance(ImageEffectInstance instance, string action, PropertySet inArgs, PropertySet outArgs)
    {
        switch (action)
        {
            case OfxNames.ImageEffectActionRender:
                instance.Render(new RenderArguments(inArgs));
                NativeHeapTrim.AfterRender(); // see there: RSS creeps up over thousands of renders without it
                return OfxStatus.OK;
            case OfxNames.ImageEffectActionGetRegionOfDefinition:
                if (instance.GetRegionOfDefinition(new RegionOfDefinitionArguments(inArgs)) is not { } rod)
                    return OfxStatus.ReplyDefault;
                outArgs.SetRectD(OfxNames.ImageEffectPropRegionOfDefinition, rod);
                return OfxStatus.OK;
            case OfxNames.ImageEffectActionGetRegionsOfInterest:
                if (instance.GetRegionsOfInterest(new RegionsOfInterestArguments(inArgs)) is not { } rois)
                    return OfxStatus.ReplyDefault;
                foreach (var (clip, roi) in rois)
                    outArgs.SetRectD(OfxNames.ImageClipPropRoI + clip, roi);
                return OfxStatus.OK;
            case OfxNames.ImageEffectActionGetFramesNeeded:
                if (instance.GetFramesNeeded(new FramesNeededArguments(inArgs)) is not { } frames)
                    return OfxStatus.ReplyDefault;
                foreach (var (clip, ranges) in frames)
                    outArgs.SetDoubles(OfxNames.ImageClipPropFrameRange + clip, ranges);
                return OfxStatus.OK;
            case OfxNames.ImageEffectActionGetClipPreferences:
                return instance.GetClipPreferences(outArgs) ? OfxStatus.OK : OfxStatus.ReplyDefault;
            case OfxNames.ImageEffectActionIsIdentity:
                if (instance.IsIdentity(new IsIdentityArguments(inArgs)) is not { } identity)
                    return OfxStatus.ReplyDefault;
                outArgs.SetString(OfxNames.PropName, identity.Clip);
                outArgs.SetDouble(OfxNames.PropTime, identity.Time);
                return OfxStatus.OK;
            case OfxNames.ActionInstanceChanged:
                instance.InstanceChanged(new InstanceChangedArguments(inArgs));
                return OfxStatus.OK;
            case OfxNames.ImageEffectActionBeginSequenceRender:
                instance.BeginSequenceRender();
                return OfxStatus.OK;
            case OfxNames.ImageEffectActionEndSequenceRender:
                instance.EndSequenceRender();
                NativeHeapTrim.Trim();
                return OfxStatus.OK;
            default:
                return OfxStatus.ReplyDefault;
        }
    }

    private void CreateInstance(ImageEffectPlugin plugin, ImageEffectHandle effect, PropertySet inArgs)
    {
        var props = effect.Properties;
        string context = props.TryGetString(OfxNames.ImageEffectPropContext) ?? OfxNames.ImageEffectContextFilter;
        var page = ResolvePages.Parse(inArgs.IsNull ? null : inArgs.TryGetString(OfxNames.ImageEffectPropResolvePage));
        var instance = plugin.CreateInstance(new InstanceContext(effect, Host, context, page));
        // The host keeps the pointer for us; a GCHandle keeps the instance alive until DestroyInstance.
        var gc = GCHandle.Alloc(instance);
        props.SetPointer(OfxNames.PropInstanceData, GCHandle.ToIntPtr(gc));
    }

    private static void DestroyInstance(ImageEffectHandle effect)
    {
        var props = effect.Properties;
        nint data = props.TryGetPointer(OfxNames.PropInstanceData);
        if (data == 0) return;
        props.SetPointer(OfxNames.PropInstanceData, 0);
        var gc = GCHandle.FromIntPtr(data);
        try
        {
            (gc.Target as ImageEffectInstance)?.Destroy();
        }
        finally
        {
            gc.Free();
        }
    }

    private ImageEffectInstance? Instance(nint handle)
    {
        if (handle == 0) return null;
        nint data = Effect(handle).Properties.TryGetPointer(OfxNames.PropInstanceData);
        return data == 0 ? null : GCHandle.FromIntPtr(data).Target as ImageEffectInstance;
    }

    private ImageEffectHandle Effect(nint handle) => new(handle, Suites);
}
