using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.OfxBridge;

/// <summary>
/// An OFX property set (OfxPropertySetHandle) with typed access through the property suite.
/// Getters throw <see cref="OfxException"/> when the property is missing; the Try variants return
/// a fallback instead, for properties that hosts may omit.
/// </summary>
public readonly unsafe struct PropertySet
{
    private readonly HostSuites _suites;

    public PropertySet(nint handle, HostSuites suites)
    {
        Handle = handle;
        _suites = suites;
    }

    public nint Handle { get; }
    public bool IsNull => Handle == 0;
    private OfxPropertySuiteV1* Suite => _suites.Property;

    public int GetInt(string name, int index = 0)
    {
        int value;
        OfxException.ThrowIfFailed(Suite->PropGetInt(Handle, Utf8Names.Get(name), index, &value), $"Reading {name}[{index}]");
        return value;
    }

    public int TryGetInt(string name, int fallback, int index = 0)
    {
        int value;
        return Suite->PropGetInt(Handle, Utf8Names.Get(name), index, &value) == OfxStatus.OK ? value : fallback;
    }

    public double GetDouble(string name, int index = 0)
    {
        double value;
        OfxException.ThrowIfFailed(Suite->PropGetDouble(Handle, Utf8Names.Get(name), index, &value), $"Reading {name}[{index}]");
        return value;
    }

    public double TryGetDouble(string name, double fallback, int index = 0)
    {
        double value;
        return Suite->PropGetDouble(Handle, Utf8Names.Get(name), index, &value) == OfxStatus.OK ? value : fallback;
    }

    public string GetString(string name, int index = 0)
    {
        byte* value;
        OfxException.ThrowIfFailed(Suite->PropGetString(Handle, Utf8Names.Get(name), index, &value), $"Reading {name}[{index}]");
        return Utf8Names.Read(value) ?? string.Empty;
    }

    public string? TryGetString(string name, int index = 0)
    {
        if (Handle == 0) return null;
        byte* value;
        return Suite->PropGetString(Handle, Utf8Names.Get(name), index, &value) == OfxStatus.OK ? Utf8Names.Read(value) : null;
    }

    public nint GetPointer(string name, int index = 0)
    {
        void* value;
        OfxException.ThrowIfFailed(Suite->PropGetPointer(Handle, Utf8Names.Get(name), index, &value), $"Reading {name}[{index}]");
        return (nint)value;
    }

    public nint TryGetPointer(string name, int index = 0)
    {
        void* value;
        return Suite->PropGetPointer(Handle, Utf8Names.Get(name), index, &value) == OfxStatus.OK ? (nint)value : 0;
    }

    public int GetDimension(string name)
    {
        int count;
        return Suite->PropGetDimension(Handle, Utf8Names.Get(name), &count) == OfxStatus.OK ? count : 0;
    }

    public IReadOnlyList<string> GetStrings(string name)
    {
        int n = GetDimension(name);
        var values = new string[n];
        for (int i = 0; i < n; i++) values[i] = GetString(name, i);
        return values;
    }

    public OfxRectI GetRectI(string name)
    {
        OfxRectI r;
        OfxException.ThrowIfFailed(Suite->PropGetIntN(Handle, Utf8Names.Get(name), 4, (int*)&r), $"Reading {name}");
        return r;
    }

    public OfxRectD GetRectD(string name)
    {
        OfxRectD r;
        OfxException.ThrowIfFailed(Suite->PropGetDoubleN(Handle, Utf8Names.Get(name), 4, (double*)&r), $"Reading {name}");
        return r;
    }

    public OfxPointD GetPointD(string name)
    {
        OfxPointD p;
        OfxException.ThrowIfFailed(Suite->PropGetDoubleN(Handle, Utf8Names.Get(name), 2, (double*)&p), $"Reading {name}");
        return p;
    }

    public OfxPointD TryGetPointD(string name, OfxPointD fallback)
    {
        OfxPointD p;
        return Suite->PropGetDoubleN(Handle, Utf8Names.Get(name), 2, (double*)&p) == OfxStatus.OK ? p : fallback;
    }

    public void SetInt(string name, int value, int index = 0) =>
        OfxException.ThrowIfFailed(Suite->PropSetInt(Handle, Utf8Names.Get(name), index, value), $"Setting {name}[{index}]");

    public void SetDouble(string name, double value, int index = 0) =>
        OfxException.ThrowIfFailed(Suite->PropSetDouble(Handle, Utf8Names.Get(name), index, value), $"Setting {name}[{index}]");

    public void SetPointer(string name, nint value, int index = 0) =>
        OfxException.ThrowIfFailed(Suite->PropSetPointer(Handle, Utf8Names.Get(name), index, (void*)value), $"Setting {name}[{index}]");

    public void SetString(string name, string value, int index = 0)
    {
        using var v = new Utf8Value(value);
        OfxException.ThrowIfFailed(Suite->PropSetString(Handle, Utf8Names.Get(name), index, v.Pointer), $"Setting {name}[{index}]");
    }

    /// <summary>Sets a property only if the host knows it: hosts reject properties they lack (e.g. GPU flags).</summary>
    public bool TrySetString(string name, string value, int index = 0)
    {
        using var v = new Utf8Value(value);
        return Suite->PropSetString(Handle, Utf8Names.Get(name), index, v.Pointer) == OfxStatus.OK;
    }

    public bool TrySetInt(string name, int value, int index = 0) =>
        Suite->PropSetInt(Handle, Utf8Names.Get(name), index, value) == OfxStatus.OK;

    public void SetStrings(string name, params string[] values)
    {
        for (int i = 0; i < values.Length; i++) SetString(name, values[i], i);
    }

    public void SetDoubles(string name, params double[] values)
    {
        fixed (double* p = values)
            OfxException.ThrowIfFailed(Suite->PropSetDoubleN(Handle, Utf8Names.Get(name), values.Length, p), $"Setting {name}");
    }

    public void SetInts(string name, params int[] values)
    {
        fixed (int* p = values)
            OfxException.ThrowIfFailed(Suite->PropSetIntN(Handle, Utf8Names.Get(name), values.Length, p), $"Setting {name}");
    }

    public void SetRectD(string name, OfxRectD r) => SetDoubles(name, r.X1, r.Y1, r.X2, r.Y2);

    public void SetRectI(string name, OfxRectI r) => SetInts(name, r.X1, r.Y1, r.X2, r.Y2);
}
