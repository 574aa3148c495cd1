using System.Runtime.InteropServices;
using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// Plays the OFX host for CUDA tests where an NVIDIA GPU exists: makes its own context current on
/// the test thread and its own stream, as Resolve does before calling render. The code under test
/// only sees the current context and the stream handle.
/// </summary>
public sealed unsafe class CudaTestHost : IDisposable
{
    private readonly delegate* unmanaged<nint, int> _ctxDestroy;
    private readonly delegate* unmanaged<nint, int> _streamDestroy;

    private readonly nint _library;

    private CudaTestHost(nint library, CudaDriver driver)
    {
        _library = library;
        Driver = driver;
        var deviceGet = (delegate* unmanaged<int*, int, int>)NativeLibrary.GetExport(library, "cuDeviceGet");
        var ctxCreate = (delegate* unmanaged<nint*, uint, int, int>)NativeLibrary.GetExport(library, "cuCtxCreate_v2");
        var streamCreate = (delegate* unmanaged<nint*, uint, int>)NativeLibrary.GetExport(library, "cuStreamCreate");
        _ctxDestroy = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "cuCtxDestroy_v2");
        _streamDestroy = (delegate* unmanaged<nint, int>)NativeLibrary.GetExport(library, "cuStreamDestroy_v2");
        int device = 0;
        driver.Check(deviceGet(&device, 0), "cuDeviceGet");
        nint context = 0, stream = 0;
        driver.Check(ctxCreate(&context, 0, device), "cuCtxCreate");   // also makes it current
        Context = context;
        driver.Check(streamCreate(&stream, 1 /* CU_STREAM_NON_BLOCKING */), "cuStreamCreate");
        Stream = stream;
        // The kernels the plug-in would run here: the single source unless ENHANCE_CUDA_KERNELS=ilgpu.
        Primitives = CudaKernelChoice.Current == CudaKernelSource.Ilgpu
            ? CudaPrimitives.ForCurrentContext(driver, stream)
            : new GpuPrimitives(CudaKernelDevice.ForCurrentContext(driver, stream));
    }

    /// <summary>
    /// Retains device 0's primary context (the CUDA runtime's, so ONNX Runtime's) without making it
    /// current; <see cref="ReleasePrimaryContext"/> undoes it. For the checks behind the model runner's choice.
    /// </summary>
    public nint RetainPrimaryContext()
    {
        var retain = (delegate* unmanaged<nint*, int, int>)NativeLibrary.GetExport(_library, "cuDevicePrimaryCtxRetain");
        nint primary = 0;
        Driver.Check(retain(&primary, 0), "cuDevicePrimaryCtxRetain");
        return primary;
    }

    public void ReleasePrimaryContext()
    {
        var release = (delegate* unmanaged<int, int>)NativeLibrary.GetExport(_library, "cuDevicePrimaryCtxRelease_v2");
        Driver.Check(release(0), "cuDevicePrimaryCtxRelease");
    }

    public CudaDriver Driver { get; }
    public nint Context { get; }
    public nint Stream { get; }
    public IGpuPrimitives Primitives { get; }

    /// <summary>A host with a context and stream, or null (with the reason) on a machine without CUDA.</summary>
    public static CudaTestHost? TryCreate(out string reason)
    {
        var driver = CudaDriver.TryGet(out reason);
        if (driver is null) return null;
        return new CudaTestHost(NativeLibrary.Load(CudaDriver.LibraryName), driver);
    }

    public void Dispose()
    {
        Driver.SynchronizeStream(Stream);
        CudaModuleCache.Purge();
        _streamDestroy(Stream);
        _ctxDestroy(Context);
    }
}
