using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.OfxBridge.Params;

/// <summary>
/// A parameter of an effect instance. Values are always read at an explicit time (the render's),
/// through the shim's typed wrappers of paramGetValueAtTime, so keyframed values are the host's
/// value for that frame and renders of different frames can run concurrently.
/// </summary>
public readonly unsafe struct OfxParam
{
    private readonly HostSuites _suites;

    public OfxParam(nint handle, string name, HostSuites suites)
    {
        Handle = handle;
        Name = name;
        _suites = suites;
    }

    public nint Handle { get; }
    public string Name { get; }

    public double GetDouble(double time)
    {
        double value;
        Check(_suites.RequireShim()->ParamGetDoubles(_suites.Parameter, Handle, 1, time, 1, &value));
        return value;
    }

    public (double X, double Y) GetDouble2D(double time)
    {
        double* v = stackalloc double[2];
        Check(_suites.RequireShim()->ParamGetDoubles(_suites.Parameter, Handle, 1, time, 2, v));
        return (v[0], v[1]);
    }

    public int GetInt(double time)
    {
        int value;
        Check(_suites.RequireShim()->ParamGetInts(_suites.Parameter, Handle, 1, time, 1, &value));
        return value;
    }

    public bool GetBoolean(double time) => GetInt(time) != 0;

    /// <summary>The index of the chosen option.</summary>
    public int GetChoice(double time) => GetInt(time);

    public string GetString(double time)
    {
        byte* value;
        Check(_suites.RequireShim()->ParamGetString(_suites.Parameter, Handle, 1, time, &value));
        return Utf8Names.Read(value) ?? string.Empty;
    }

    public void SetDouble(double value)
    {
        Check(_suites.RequireShim()->ParamSetDoubles(_suites.Parameter, Handle, 0, 0, 1, &value));
    }

    public void SetInt(int value)
    {
        Check(_suites.RequireShim()->ParamSetInts(_suites.Parameter, Handle, 0, 0, 1, &value));
    }

    public uint KeyCount
    {
        get
        {
            uint n;
            return _suites.Parameter->ParamGetNumKeys(Handle, &n) == OfxStatus.OK ? n : 0;
        }
    }

    private void Check(int status) => OfxException.ThrowIfFailed(status, $"Reading parameter '{Name}'");
}
