using System.Runtime.InteropServices;

namespace Enhance.Plugin.OfxBridge.Interop;

// The C structs of ofxCore.h, mirrored field for field from native/include/enhance/ofx_abi.h.
// tests/Plugin.Tests/AbiMirrorTests checks sizes and offsets against the C compiler's.

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxHost
{
    public nint Host; // OfxPropertySetHandle
    public delegate* unmanaged<nint, byte*, int, void*> FetchSuite;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxPlugin
{
    public byte* PluginApi;
    public int ApiVersion;
    public byte* PluginIdentifier;
    public uint PluginVersionMajor;
    public uint PluginVersionMinor;
    public delegate* unmanaged<OfxHost*, void> SetHost;
    public delegate* unmanaged<byte*, void*, nint, nint, int> MainEntry;
}

[StructLayout(LayoutKind.Sequential)]
public struct OfxPointI { public int X, Y; }

[StructLayout(LayoutKind.Sequential)]
public struct OfxPointD { public double X, Y; }

[StructLayout(LayoutKind.Sequential)]
public struct OfxRangeI { public int Min, Max; }

[StructLayout(LayoutKind.Sequential)]
public struct OfxRangeD { public double Min, Max; }

[StructLayout(LayoutKind.Sequential)]
public struct OfxRectI
{
    public int X1, Y1, X2, Y2;
    public OfxRectI(int x1, int y1, int x2, int y2) { X1 = x1; Y1 = y1; X2 = x2; Y2 = y2; }
    public override readonly string ToString() => $"({X1},{Y1})-({X2},{Y2})";
}

[StructLayout(LayoutKind.Sequential)]
public struct OfxRectD
{
    public double X1, Y1, X2, Y2;
    public OfxRectD(double x1, double y1, double x2, double y2) { X1 = x1; Y1 = y1; X2 = x2; Y2 = y2; }
    public override readonly string ToString() => $"({X1},{Y1})-({X2},{Y2})";
}
