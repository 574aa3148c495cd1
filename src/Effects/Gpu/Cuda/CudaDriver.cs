using System.Runtime.InteropServices;
using System.Text;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The few CUDA driver-API functions the render path needs, bound at run time from libcuda.so.1 so
/// the plug-in still loads on machines without an NVIDIA driver (<see cref="TryGet"/> then says
/// why CUDA is unavailable). We never create a context: every call works in the context current on
/// the calling thread, which during a CUDA render is the host's.
/// </summary>
public sealed unsafe class CudaDriver
{
    public const string LibraryName = "libcuda.so.1";

    private static readonly Lazy<(CudaDriver? Driver, string Reason)> Shared = new(() =>
    {
        var driver = TryLoad(LibraryName, out var reason);
        return (driver, reason);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly delegate* unmanaged<int, byte**, int> _getErrorName;
    private readonly delegate* unmanaged<nint*, int> _ctxGetCurrent;
    private readonly delegate* unmanaged<int> _ctxSynchronize;
    private readonly delegate* unmanaged<nint*, void*, uint, int*, void**, int> _moduleLoadDataEx;
    private readonly delegate* unmanaged<nint, int> _moduleUnload;
    private readonly delegate* unmanaged<nint*, nint, byte*, int> _moduleGetFunction;
    private readonly delegate* unmanaged<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int> _launchKernel;
    private readonly delegate* unmanaged<ulong*, nuint, int> _memAlloc;
    private readonly delegate* unmanaged<ulong, int> _memFree;
    private readonly delegate* unmanaged<ulong*, nuint, nint, int> _memAllocAsync;
    private readonly delegate* unmanaged<ulong, nint, int> _memFreeAsync;
    private readonly delegate* unmanaged<ulong, void*, nuint, nint, int> _memcpyHtoDAsync;
    private readonly delegate* unmanaged<void*, ulong, nuint, nint, int> _memcpyDtoHAsync;
    private readonly delegate* unmanaged<nint, int> _streamSynchronize;
    private readonly delegate* unmanaged<ulong*, nuint*, ulong, int> _memGetAddressRange;
    private readonly delegate* unmanaged<ulong, uint, nuint, nint, int> _memsetD32Async;
    private readonly delegate* unmanaged<int*, int> _ctxGetDevice;
    private readonly delegate* unmanaged<nint, int> _ctxSetCurrent;
    private readonly delegate* unmanaged<int, uint*, int*, int> _primaryCtxGetState;
    private readonly delegate* unmanaged<nint*, int, int> _primaryCtxRetain;
    private readonly delegate* unmanaged<int, int> _primaryCtxRelease;

    private CudaDriver(nint library, int version)
    {
        DriverVersion = version;
        _getErrorName = (delegate* unmanaged<int, byte**, int>)Export(library, "cuGetErrorName");
        _ctxGetCurrent = (delegate* unmanaged<nint*, int>)Export(library, "cuCtxGetCurrent");
        _ctxSynchronize = (delegate* unmanaged<int>)Export(library, "cuCtxSynchronize");
        _moduleLoadDataEx = (delegate* unmanaged<nint*, void*, uint, int*, void**, int>)Export(library, "cuModuleLoadDataEx");
        _moduleUnload = (delegate* unmanaged<nint, int>)Export(library, "cuModuleUnload");
        _moduleGetFunction = (delegate* unmanaged<nint*, nint, byte*, int>)Export(library, "cuModuleGetFunction");
        _launchKernel = (delegate* unmanaged<nint, uint, uint, uint, uint, uint, uint, uint, nint, void**, void**, int>)Export(library, "cuLaunchKernel");
        _memAlloc = (delegate* unmanaged<ulong*, nuint, int>)Export(library, "cuMemAlloc_v2");
        _memFree = (delegate* unmanaged<ulong, int>)Export(library, "cuMemFree_v2");
        _memcpyHtoDAsync = (delegate* unmanaged<ulong, void*, nuint, nint, int>)Export(library, "cuMemcpyHtoDAsync_v2");
        _memcpyDtoHAsync = (delegate* unmanaged<void*, ulong, nuint, nint, int>)Export(library, "cuMemcpyDtoHAsync_v2");
        _streamSynchronize = (delegate* unmanaged<nint, int>)Export(library, "cuStreamSynchronize");
        _memGetAddressRange = (delegate* unmanaged<ulong*, nuint*, ulong, int>)Export(library, "cuMemGetAddressRange_v2");
        _memsetD32Async = (delegate* unmanaged<ulong, uint, nuint, nint, int>)Export(library, "cuMemsetD32Async");
        // For handing device memory to ONNX Runtime's CUDA provider, which works in the device's primary context.
        _ctxGetDevice = (delegate* unmanaged<int*, int>)Export(library, "cuCtxGetDevice");
        _ctxSetCurrent = (delegate* unmanaged<nint, int>)Export(library, "cuCtxSetCurrent");
        _primaryCtxGetState = (delegate* unmanaged<int, uint*, int*, int>)Export(library, "cuDevicePrimaryCtxGetState");
        _primaryCtxRetain = (delegate* unmanaged<nint*, int, int>)Export(library, "cuDevicePrimaryCtxRetain");
        _primaryCtxRelease = (delegate* unmanaged<int, int>)(NativeLibrary.TryGetExport(library, "cuDevicePrimaryCtxRelease_v2", out var release)
            ? release : Export(library, "cuDevicePrimaryCtxRelease"));
        // Stream-ordered allocation (CUDA 11.2+) lets a temporary be freed without waiting for the
        // kernels that use it; older drivers fall back to a synchronising free.
        if (NativeLibrary.TryGetExport(library, "cuMemAllocAsync", out var allocAsync) &&
            NativeLibrary.TryGetExport(library, "cuMemFreeAsync", out var freeAsync))
        {
            _memAllocAsync = (delegate* unmanaged<ulong*, nuint, nint, int>)allocAsync;
            _memFreeAsync = (delegate* unmanaged<ulong, nint, int>)freeAsync;
        }
    }

    /// <summary>The driver's CUDA version (e.g. 12040 for 12.4).</summary>
    public int DriverVersion { get; }

    public bool HasStreamOrderedAllocation => _memAllocAsync != null;

    /// <summary>The process-wide driver, or null with the reason CUDA cannot be used here.</summary>
    public static CudaDriver? TryGet(out string reason)
    {
        var (driver, why) = Shared.Value;
        reason = why;
        return driver;
    }

    public static bool IsAvailable => TryGet(out _) is not null;

    /// <summary>Loads <paramref name="library"/> and initialises the driver; null with a reason on any failure.</summary>
    internal static CudaDriver? TryLoad(string library, out string reason)
    {
        if (!NativeLibrary.TryLoad(library, out var handle))
        {
            reason = $"the NVIDIA driver library {library} is not installed";
            return null;
        }
        try
        {
            var init = (delegate* unmanaged<uint, int>)Export(handle, "cuInit");
            var getVersion = (delegate* unmanaged<int*, int>)Export(handle, "cuDriverGetVersion");
            int result = init(0);
            if (result != 0)
            {
                reason = $"cuInit failed with CUresult {result}{(result == 100 ? " (no CUDA device)" : "")}";
                return null;
            }
            int version = 0;
            getVersion(&version);
            // A driver without a device (a container with libcuda but no GPU passed through) must
            // not make the plug-in declare CUDA: the host would hand us renders we cannot run.
            var deviceCount = (delegate* unmanaged<int*, int>)Export(handle, "cuDeviceGetCount");
            int devices = 0;
            result = deviceCount(&devices);
            if (result != 0 || devices == 0)
            {
                reason = $"the CUDA driver {version / 1000}.{version % 1000 / 10} sees no device" + (result != 0 ? $" (cuDeviceGetCount: CUresult {result})" : "");
                return null;
            }
            reason = $"CUDA driver {version / 1000}.{version % 1000 / 10}, {devices} device{(devices == 1 ? "" : "s")}";
            return new CudaDriver(handle, version);
        }
        catch (EntryPointNotFoundException e)
        {
            reason = $"{library} lacks a needed function: {e.Message}";
            return null;
        }
    }

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address) ? address
            : throw new EntryPointNotFoundException($"{name} is not exported by {LibraryName}.");

    public void Check(int result, string operation)
    {
        if (result == 0) return;
        byte* name = null;
        _getErrorName(result, &name);
        throw new CudaException(operation, result, name is null ? null : Marshal.PtrToStringUTF8((nint)name));
    }

    /// <summary>The CUcontext current on this thread (the host's during a CUDA render), or 0.</summary>
    public nint CurrentContext()
    {
        nint context = 0;
        Check(_ctxGetCurrent(&context), "cuCtxGetCurrent");
        return context;
    }

    /// <summary>The device (ordinal) of the context current on this thread.</summary>
    public int CurrentDevice()
    {
        int device = 0;
        Check(_ctxGetDevice(&device), "cuCtxGetDevice");
        return device;
    }

    /// <summary>Makes <paramref name="context"/> current on this thread (to restore the host's after a library changed it).</summary>
    public void SetCurrentContext(nint context) => Check(_ctxSetCurrent(context), "cuCtxSetCurrent");

    /// <summary>
    /// Whether <paramref name="context"/> is <paramref name="device"/>'s primary context (the one the CUDA
    /// runtime, and so ONNX Runtime, uses). An inactive primary context cannot be the host's, and is
    /// not retained to find out (retaining would create it).
    /// </summary>
    public bool IsPrimaryContext(nint context, int device)
    {
        uint flags = 0;
        int active = 0;
        Check(_primaryCtxGetState(device, &flags, &active), "cuDevicePrimaryCtxGetState");
        if (active == 0) return false;
        nint primary = 0;
        Check(_primaryCtxRetain(&primary, device), "cuDevicePrimaryCtxRetain");
        Check(_primaryCtxRelease(device), "cuDevicePrimaryCtxRelease");
        return primary == context;
    }

    public void SynchronizeContext() => Check(_ctxSynchronize(), "cuCtxSynchronize");

    public void SynchronizeStream(nint stream) => Check(_streamSynchronize(stream), "cuStreamSynchronize");

    /// <summary>
    /// Loads a PTX module (NUL-terminated text) into the current context; the driver JIT-compiles it for the
    /// device. A module the JIT refuses fails with the JIT's own log in the message (which line, which rule).
    /// </summary>
    public nint LoadModule(string ptx)
    {
        const int JitErrorLogBuffer = 5, JitErrorLogBufferSizeBytes = 6; // CUjit_option
        const int logSize = 8192;
        var bytes = Encoding.ASCII.GetBytes(ptx + "\0");
        var log = new byte[logSize];
        nint module = 0;
        int* options = stackalloc int[2] { JitErrorLogBuffer, JitErrorLogBufferSizeBytes };
        void** values = stackalloc void*[2];
        int result;
        fixed (byte* image = bytes)
        fixed (byte* logBuffer = log)
        {
            values[0] = logBuffer;
            values[1] = (void*)(nint)logSize;
            result = _moduleLoadDataEx(&module, image, 2, options, values);
        }
        if (result != 0)
        {
            string jitLog = Encoding.ASCII.GetString(log).TrimEnd('\0').Trim();
            try
            {
                Check(result, "cuModuleLoadDataEx");
            }
            catch (CudaException e) when (jitLog.Length > 0)
            {
                throw new CudaException($"{e.Message} The PTX JIT said: {jitLog}", e);
            }
        }
        return module;
    }

    public void UnloadModule(nint module) => _moduleUnload(module);

    public nint GetFunction(nint module, string name)
    {
        var bytes = Encoding.ASCII.GetBytes(name + "\0");
        nint function = 0;
        fixed (byte* n = bytes)
            Check(_moduleGetFunction(&function, module, n), $"cuModuleGetFunction({name})");
        return function;
    }

    public void Launch(nint function, uint gridX, uint gridY, uint gridZ, uint blockX, uint blockY, nint stream, void** parameters, string name) =>
        Check(_launchKernel(function, gridX, gridY, gridZ, blockX, blockY, 1, 0, stream, parameters, null), $"cuLaunchKernel({name})");

    /// <summary>Enqueues setting <paramref name="count"/> 32-bit words at <paramref name="pointer"/> to <paramref name="value"/>.</summary>
    public void Fill(ulong pointer, uint value, long count, nint stream) =>
        Check(_memsetD32Async(pointer, value, (nuint)count, stream), "cuMemsetD32Async");

    /// <summary>Device memory, ordered on <paramref name="stream"/> when the driver can (no wait).</summary>
    public ulong Allocate(long bytes, nint stream)
    {
        ulong pointer = 0;
        if (_memAllocAsync != null) Check(_memAllocAsync(&pointer, (nuint)bytes, stream), "cuMemAllocAsync");
        else Check(_memAlloc(&pointer, (nuint)bytes), "cuMemAlloc");
        return pointer;
    }

    /// <summary>
    /// Frees after the work queued on <paramref name="stream"/> so far; without stream-ordered
    /// allocation that means waiting for the stream first, since a plain cuMemFree could pull the
    /// memory from under a kernel still running.
    /// </summary>
    public void Free(ulong pointer, nint stream)
    {
        if (_memFreeAsync != null)
        {
            Check(_memFreeAsync(pointer, stream), "cuMemFreeAsync");
            return;
        }
        SynchronizeStream(stream);
        Check(_memFree(pointer), "cuMemFree");
    }

    /// <summary>Bytes from <paramref name="pointer"/> to the end of the allocation that holds it.</summary>
    public long BytesAvailableFrom(ulong pointer)
    {
        ulong start = 0;
        nuint size = 0;
        Check(_memGetAddressRange(&start, &size, pointer), "cuMemGetAddressRange");
        return (long)(start + size - pointer);
    }

    /// <summary>Host to device; from pageable memory the driver has taken its copy when this returns.</summary>
    public void CopyToDevice(ulong destination, void* source, long bytes, nint stream) =>
        Check(_memcpyHtoDAsync(destination, source, (nuint)bytes, stream), "cuMemcpyHtoDAsync");

    /// <summary>Device to host, then waits for the stream (the bytes are needed on return).</summary>
    public void CopyToHost(void* destination, ulong source, long bytes, nint stream)
    {
        Check(_memcpyDtoHAsync(destination, source, (nuint)bytes, stream), "cuMemcpyDtoHAsync");
        SynchronizeStream(stream);
    }
}
