using System.Runtime.InteropServices;

namespace Enhance.Plugin.OfxBridge.Interop;

/// <summary>
/// Mirror of EnhanceShimApi (native/include/enhance/shim_api.h): what the native shim offers managed
/// code, chiefly typed wrappers around OFX's C-variadic functions, which C# cannot call correctly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct EnhanceShimApi
{
    public const int CurrentVersion = 1;

    public int Version;
    public byte* BundleRoot;
    public delegate* unmanaged<OfxParameterSuiteV1*, nint, int, double, int, double*, int> ParamGetDoubles;
    public delegate* unmanaged<OfxParameterSuiteV1*, nint, int, double, int, int*, int> ParamGetInts;
    public delegate* unmanaged<OfxParameterSuiteV1*, nint, int, double, byte**, int> ParamGetString;
    public delegate* unmanaged<OfxParameterSuiteV1*, nint, int, double, int, double*, int> ParamSetDoubles;
    public delegate* unmanaged<OfxParameterSuiteV1*, nint, int, double, int, int*, int> ParamSetInts;
    public delegate* unmanaged<OfxParameterSuiteV1*, nint, int, double, byte*, int> ParamSetString;
    public delegate* unmanaged<OfxMessageSuiteV1*, void*, byte*, byte*, byte*, int> Message;
    public delegate* unmanaged<OfxMessageSuiteV2*, void*, byte*, byte*, byte*, int> SetPersistentMessage;
}

/// <summary>Mirror of EnhanceManagedApi: the managed entry points, filled in by Boot.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct EnhanceManagedApi
{
    public const int CurrentVersion = 1;

    public int Version;
    public delegate* unmanaged<OfxHost*, void> SetHost;
    public delegate* unmanaged<byte*, byte*, void*, nint, nint, int> MainEntry;
}
