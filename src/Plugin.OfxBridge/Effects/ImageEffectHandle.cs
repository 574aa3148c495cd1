using Enhance.Plugin.OfxBridge.Params;

namespace Enhance.Plugin.OfxBridge.Effects;

/// <summary>
/// An OfxImageEffectHandle: a plug-in descriptor (in Describe/DescribeInContext) or an instance
/// (every other action). Gives its property set, parameter set and clips.
/// </summary>
public readonly unsafe struct ImageEffectHandle
{
    public ImageEffectHandle(nint handle, HostSuites suites)
    {
        Handle = handle;
        Suites = suites;
    }

    public nint Handle { get; }
    public HostSuites Suites { get; }

    public PropertySet Properties
    {
        get
        {
            nint props;
            OfxException.ThrowIfFailed(Suites.ImageEffect->GetPropertySet(Handle, &props), "Getting the effect's properties");
            return new PropertySet(props, Suites);
        }
    }

    public ParamSet Params
    {
        get
        {
            nint set;
            OfxException.ThrowIfFailed(Suites.ImageEffect->GetParamSet(Handle, &set), "Getting the effect's parameters");
            return new ParamSet(set, Suites);
        }
    }

    public ClipDescriptor DefineClip(string name)
    {
        nint props;
        OfxException.ThrowIfFailed(Suites.ImageEffect->ClipDefine(Handle, Utf8Names.Get(name), &props), $"Defining clip '{name}'");
        return new ClipDescriptor(new PropertySet(props, Suites));
    }

    public Clip GetClip(string name)
    {
        nint clip, props;
        OfxException.ThrowIfFailed(Suites.ImageEffect->ClipGetHandle(Handle, Utf8Names.Get(name), &clip, &props), $"Getting clip '{name}'");
        return new Clip(clip, name, new PropertySet(props, Suites), Suites);
    }

    /// <summary>True when the host wants the current render abandoned (the user moved on).</summary>
    public bool AbortRequested => Suites.ImageEffect->Abort(Handle) != 0;
}

/// <summary>A clip being described: which components it takes, whether it is optional, tiles.</summary>
public readonly struct ClipDescriptor(PropertySet properties)
{
    public PropertySet Properties { get; } = properties;

    public ClipDescriptor SupportedComponents(params string[] components)
    {
        Properties.SetStrings(OfxNames.ImageEffectPropSupportedComponents, components);
        return this;
    }

    public ClipDescriptor Optional(bool optional)
    {
        Properties.SetInt(OfxNames.ImageClipPropOptional, optional ? 1 : 0);
        return this;
    }

    public ClipDescriptor SupportsTiles(bool tiles)
    {
        Properties.SetInt(OfxNames.ImageEffectPropSupportsTiles, tiles ? 1 : 0);
        return this;
    }

    /// <summary>kOfxImageEffectPropTemporalClipAccess on the clip: the effect fetches its images at other times than the render's.</summary>
    public ClipDescriptor TemporalAccess(bool temporal)
    {
        Properties.SetInt(OfxNames.ImageEffectPropTemporalClipAccess, temporal ? 1 : 0);
        return this;
    }

    public ClipDescriptor Label(string label)
    {
        Properties.SetString(OfxNames.PropLabel, label);
        return this;
    }
}
