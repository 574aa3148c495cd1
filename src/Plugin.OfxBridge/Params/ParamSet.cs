namespace Enhance.Plugin.OfxBridge.Params;

/// <summary>
/// An effect's parameter set: on a descriptor it defines parameters (describe-in-context), on an
/// instance it hands out <see cref="OfxParam"/>s whose values are read at a time.
/// </summary>
public readonly unsafe struct ParamSet
{
    private readonly HostSuites _suites;

    public ParamSet(nint handle, HostSuites suites)
    {
        Handle = handle;
        _suites = suites;
    }

    public nint Handle { get; }

    public DoubleParamDescriptor DefineDouble(string name) => new(Define(OfxNames.ParamTypeDouble, name));
    public IntParamDescriptor DefineInt(string name) => new(Define(OfxNames.ParamTypeInteger, name));
    public BooleanParamDescriptor DefineBoolean(string name) => new(Define(OfxNames.ParamTypeBoolean, name));
    public ChoiceParamDescriptor DefineChoice(string name) => new(Define(OfxNames.ParamTypeChoice, name));
    public StringParamDescriptor DefineString(string name) => new(Define(OfxNames.ParamTypeString, name));
    public GroupParamDescriptor DefineGroup(string name) => new(Define(OfxNames.ParamTypeGroup, name));
    public PageParamDescriptor DefinePage(string name) => new(Define(OfxNames.ParamTypePage, name));

    public OfxParam Get(string name)
    {
        nint param;
        nint props;
        OfxException.ThrowIfFailed(_suites.Parameter->ParamGetHandle(Handle, Utf8Names.Get(name), &param, &props), $"Getting parameter '{name}'");
        return new OfxParam(param, name, _suites);
    }

    private PropertySet Define(string type, string name)
    {
        nint props;
        OfxException.ThrowIfFailed(_suites.Parameter->ParamDefine(Handle, Utf8Names.Get(type), Utf8Names.Get(name), &props), $"Defining parameter '{name}'");
        return new PropertySet(props, _suites);
    }
}
