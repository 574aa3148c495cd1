using System.Runtime.InteropServices;

namespace Enhance.Plugin.OfxBridge.Interop;

// The suites, as tables of C function pointers in the order of the OFX headers (the order IS the
// ABI). Handles are nint. The C-variadic members (paramGetValue..., message...) are kept as opaque
// pointers on purpose: C# must not call them; the shim's typed wrappers do (ShimApi.cs).

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxPropertySuiteV1
{
    public delegate* unmanaged<nint, byte*, int, void*, int> PropSetPointer;
    public delegate* unmanaged<nint, byte*, int, byte*, int> PropSetString;
    public delegate* unmanaged<nint, byte*, int, double, int> PropSetDouble;
    public delegate* unmanaged<nint, byte*, int, int, int> PropSetInt;
    public delegate* unmanaged<nint, byte*, int, void**, int> PropSetPointerN;
    public delegate* unmanaged<nint, byte*, int, byte**, int> PropSetStringN;
    public delegate* unmanaged<nint, byte*, int, double*, int> PropSetDoubleN;
    public delegate* unmanaged<nint, byte*, int, int*, int> PropSetIntN;
    public delegate* unmanaged<nint, byte*, int, void**, int> PropGetPointer;
    public delegate* unmanaged<nint, byte*, int, byte**, int> PropGetString;
    public delegate* unmanaged<nint, byte*, int, double*, int> PropGetDouble;
    public delegate* unmanaged<nint, byte*, int, int*, int> PropGetInt;
    public delegate* unmanaged<nint, byte*, int, void**, int> PropGetPointerN;
    public delegate* unmanaged<nint, byte*, int, byte**, int> PropGetStringN;
    public delegate* unmanaged<nint, byte*, int, double*, int> PropGetDoubleN;
    public delegate* unmanaged<nint, byte*, int, int*, int> PropGetIntN;
    public delegate* unmanaged<nint, byte*, int> PropReset;
    public delegate* unmanaged<nint, byte*, int*, int> PropGetDimension;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxImageEffectSuiteV1
{
    public delegate* unmanaged<nint, nint*, int> GetPropertySet;
    public delegate* unmanaged<nint, nint*, int> GetParamSet;
    public delegate* unmanaged<nint, byte*, nint*, int> ClipDefine;
    public delegate* unmanaged<nint, byte*, nint*, nint*, int> ClipGetHandle;
    public delegate* unmanaged<nint, nint*, int> ClipGetPropertySet;
    public delegate* unmanaged<nint, double, OfxRectD*, nint*, int> ClipGetImage;
    public delegate* unmanaged<nint, int> ClipReleaseImage;
    public delegate* unmanaged<nint, double, OfxRectD*, int> ClipGetRegionOfDefinition;
    public delegate* unmanaged<nint, int> Abort;
    public delegate* unmanaged<nint, nuint, nint*, int> ImageMemoryAlloc;
    public delegate* unmanaged<nint, int> ImageMemoryFree;
    public delegate* unmanaged<nint, void**, int> ImageMemoryLock;
    public delegate* unmanaged<nint, int> ImageMemoryUnlock;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxParameterSuiteV1
{
    public delegate* unmanaged<nint, byte*, byte*, nint*, int> ParamDefine;
    public delegate* unmanaged<nint, byte*, nint*, nint*, int> ParamGetHandle;
    public delegate* unmanaged<nint, nint*, int> ParamSetGetPropertySet;
    public delegate* unmanaged<nint, nint*, int> ParamGetPropertySet;
    public void* ParamGetValue;        // variadic: ShimApi.ParamGet*
    public void* ParamGetValueAtTime;  // variadic: ShimApi.ParamGet*
    public void* ParamGetDerivative;   // variadic, unused
    public void* ParamGetIntegral;     // variadic, unused
    public void* ParamSetValue;        // variadic: ShimApi.ParamSet*
    public void* ParamSetValueAtTime;  // variadic: ShimApi.ParamSet*
    public delegate* unmanaged<nint, uint*, int> ParamGetNumKeys;
    public delegate* unmanaged<nint, uint, double*, int> ParamGetKeyTime;
    public delegate* unmanaged<nint, double, int, int*, int> ParamGetKeyIndex;
    public delegate* unmanaged<nint, double, int> ParamDeleteKey;
    public delegate* unmanaged<nint, int> ParamDeleteAllKeys;
    public delegate* unmanaged<nint, nint, double, OfxRangeD*, int> ParamCopy;
    public delegate* unmanaged<nint, byte*, int> ParamEditBegin;
    public delegate* unmanaged<nint, int> ParamEditEnd;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxMemorySuiteV1
{
    public delegate* unmanaged<void*, nuint, void**, int> MemoryAlloc;
    public delegate* unmanaged<void*, int> MemoryFree;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxMultiThreadSuiteV1
{
    public delegate* unmanaged<delegate* unmanaged<uint, uint, void*, void>, uint, void*, int> MultiThread;
    public delegate* unmanaged<uint*, int> MultiThreadNumCPUs;
    public delegate* unmanaged<uint*, int> MultiThreadIndex;
    public delegate* unmanaged<int> MultiThreadIsSpawnedThread;
    public delegate* unmanaged<nint*, int, int> MutexCreate;
    public delegate* unmanaged<nint, int> MutexDestroy;
    public delegate* unmanaged<nint, int> MutexLock;
    public delegate* unmanaged<nint, int> MutexUnLock;
    public delegate* unmanaged<nint, int> MutexTryLock;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxMessageSuiteV1
{
    public void* Message; // variadic: ShimApi.Message
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxMessageSuiteV2
{
    public void* Message;                // variadic: ShimApi.Message
    public void* SetPersistentMessage;   // variadic: ShimApi.SetPersistentMessage
    public delegate* unmanaged<void*, int> ClearPersistentMessage;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxProgressSuiteV1
{
    public delegate* unmanaged<void*, byte*, int> ProgressStart;
    public delegate* unmanaged<void*, double, int> ProgressUpdate;
    public delegate* unmanaged<void*, int> ProgressEnd;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxProgressSuiteV2
{
    public delegate* unmanaged<void*, byte*, byte*, int> ProgressStart;
    public delegate* unmanaged<void*, double, int> ProgressUpdate;
    public delegate* unmanaged<void*, int> ProgressEnd;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct OfxTimeLineSuiteV1
{
    public delegate* unmanaged<void*, double*, int> GetTime;
    public delegate* unmanaged<void*, double, int> GotoTime;
    public delegate* unmanaged<void*, double*, double*, int> GetTimeBounds;
}
