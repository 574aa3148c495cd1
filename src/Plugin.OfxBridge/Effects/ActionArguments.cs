using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.OfxBridge.Effects;

// Typed views of the inArgs/outArgs property sets of the image-effect actions, read once when the
// action arrives so effect code gets plain values.

/// <summary>kOfxImageEffectActionRender's arguments.</summary>
public sealed class RenderArguments
{
    public RenderArguments(PropertySet inArgs)
    {
        Time = inArgs.GetDouble(OfxNames.PropTime);
        RenderWindow = inArgs.GetRectI(OfxNames.ImageEffectPropRenderWindow);
        RenderScale = inArgs.TryGetPointD(OfxNames.ImageEffectPropRenderScale, new OfxPointD { X = 1, Y = 1 });
        Field = inArgs.TryGetString(OfxNames.ImageEffectPropFieldToRender) ?? OfxNames.ImageFieldNone;
        IsSequential = inArgs.TryGetInt(OfxNames.ImageEffectPropSequentialRenderStatus, 0) != 0;
        IsInteractive = inArgs.TryGetInt(OfxNames.ImageEffectPropInteractiveRenderStatus, 0) != 0;
        IsDraft = inArgs.TryGetInt(OfxNames.ImageEffectPropRenderQualityDraft, 0) != 0;
        CudaEnabled = inArgs.TryGetInt(OfxNames.ImageEffectPropCudaEnabled, 0) != 0;
        CudaStream = CudaEnabled ? inArgs.TryGetPointer(OfxNames.ImageEffectPropCudaStream) : 0;
        OpenClEnabled = inArgs.TryGetInt(OfxNames.ImageEffectPropOpenCLEnabled, 0) != 0;
        OpenClCommandQueue = OpenClEnabled ? inArgs.TryGetPointer(OfxNames.ImageEffectPropOpenCLCommandQueue) : 0;
    }

    public double Time { get; }
    public OfxRectI RenderWindow { get; }
    public OfxPointD RenderScale { get; }
    public string Field { get; }
    public bool IsSequential { get; }
    public bool IsInteractive { get; }
    public bool IsDraft { get; }
    public bool CudaEnabled { get; }
    public nint CudaStream { get; }
    public bool OpenClEnabled { get; }
    public nint OpenClCommandQueue { get; }
}

/// <summary>GetRegionOfDefinition's time and render scale; the answer goes in outArgs.</summary>
public sealed class RegionOfDefinitionArguments(PropertySet inArgs)
{
    public double Time { get; } = inArgs.GetDouble(OfxNames.PropTime);
    public OfxPointD RenderScale { get; } = inArgs.TryGetPointD(OfxNames.ImageEffectPropRenderScale, new OfxPointD { X = 1, Y = 1 });
}

/// <summary>GetRegionsOfInterest's time, render scale and the output region wanted (canonical coordinates).</summary>
public sealed class RegionsOfInterestArguments(PropertySet inArgs)
{
    public double Time { get; } = inArgs.GetDouble(OfxNames.PropTime);
    public OfxPointD RenderScale { get; } = inArgs.TryGetPointD(OfxNames.ImageEffectPropRenderScale, new OfxPointD { X = 1, Y = 1 });
    public OfxRectD RegionOfInterest { get; } = inArgs.GetRectD(OfxNames.ImageEffectPropRegionOfInterest);
}

/// <summary>IsIdentity's arguments.</summary>
public sealed class IsIdentityArguments(PropertySet inArgs)
{
    public double Time { get; } = inArgs.GetDouble(OfxNames.PropTime);
    public OfxRectI RenderWindow { get; } = inArgs.GetRectI(OfxNames.ImageEffectPropRenderWindow);
    public OfxPointD RenderScale { get; } = inArgs.TryGetPointD(OfxNames.ImageEffectPropRenderScale, new OfxPointD { X = 1, Y = 1 });
}

/// <summary>GetFramesNeeded's time; the answer (frame ranges per input clip) goes in outArgs.</summary>
public sealed class FramesNeededArguments(PropertySet inArgs)
{
    public double Time { get; } = inArgs.GetDouble(OfxNames.PropTime);
}

/// <summary>InstanceChanged's arguments: what changed and why.</summary>
public sealed class InstanceChangedArguments(PropertySet inArgs)
{
    public string Type { get; } = inArgs.TryGetString(OfxNames.PropType) ?? string.Empty;
    public string Name { get; } = inArgs.TryGetString(OfxNames.PropName) ?? string.Empty;
    public string Reason { get; } = inArgs.TryGetString(OfxNames.PropChangeReason) ?? string.Empty;
    public double Time { get; } = inArgs.TryGetDouble(OfxNames.PropTime, 0);
}
