namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// Our kernels (Gpu/Kernels, compiled to PTX at build time) in the host's CUDA context, on the host's
/// stream: buffers are CUdeviceptrs, launches go on the stream and are never waited for (Resolve's
/// CudaStream contract: enqueue, do not synchronise). When the host gave no stream (0, the legacy default
/// stream) the render synchronises at its end (<see cref="GpuRenderPath"/>).
/// </summary>
public sealed unsafe class CudaKernelDevice : IKernelDevice
{
    // 256 threads a block, wide in x (rows of floats are contiguous); the kernels return past their range.
    private const uint BlockX = 32, BlockY = 8;

    private readonly CudaModuleSet _modules;

    private CudaKernelDevice(CudaDriver driver, nint context, nint stream, CudaModuleSet modules)
    {
        Driver = driver;
        Context = context;
        Stream = stream;
        _modules = modules;
    }

    public CudaDriver Driver { get; }

    /// <summary>The host's CUcontext (current on the render thread).</summary>
    public nint Context { get; }

    /// <summary>The host's CUstream (0 = the default stream).</summary>
    public nint Stream { get; }

    public GpuBackend Backend => GpuBackend.Cuda;

    /// <summary>The device for the context current on this thread and the host's stream; loads our PTX into that context once.</summary>
    public static CudaKernelDevice ForCurrentContext(CudaDriver driver, nint stream)
    {
        ArgumentNullException.ThrowIfNull(driver);
        nint context = driver.CurrentContext();
        if (context == 0) throw new CudaException("No CUDA context is current on the render thread; the host did not set up a CUDA render.");
        return new CudaKernelDevice(driver, context, stream, CudaModuleCache.GetOrLoad(driver, context, CudaKernelSource.SingleSource));
    }

    public IDeviceBuffer Allocate(long bytes) => new CudaBuffer(Driver, Stream, bytes);

    public IDeviceBuffer Upload<T>(ReadOnlySpan<T> data) where T : unmanaged
    {
        var buffer = new CudaBuffer(Driver, Stream, (long)data.Length * sizeof(T));
        fixed (T* p = data)
            Driver.CopyToDevice((ulong)buffer.Handle, p, buffer.Bytes, Stream);
        return buffer;
    }

    /// <summary>
    /// Packs the arguments as clang's PTX declares an OpenCL kernel's parameters (<c>__global</c> pointer:
    /// .u64, int: .u32, float: .f32), each in its own 8-byte slot that cuLaunchKernel reads through a pointer.
    /// </summary>
    public void Launch(string kernel, ReadOnlySpan<KernelArgument> arguments, long width, long height, long depth)
    {
        if (width <= 0 || height <= 0 || depth <= 0) return;
        if (arguments.Length > KernelCall.MaxArguments)
            throw new ArgumentException($"{kernel}: {arguments.Length} arguments, at most {KernelCall.MaxArguments}.", nameof(arguments));
        var function = _modules.Function(kernel);
        ulong* slots = stackalloc ulong[KernelCall.MaxArguments];
        void** pointers = stackalloc void*[KernelCall.MaxArguments];
        Pack(arguments, new Span<ulong>(slots, KernelCall.MaxArguments));
        for (int i = 0; i < arguments.Length; i++) pointers[i] = &slots[i];
        uint gridX = checked((uint)((width + BlockX - 1) / BlockX)), gridY = checked((uint)((height + BlockY - 1) / BlockY));
        Driver.Launch(function, gridX, gridY, checked((uint)depth), BlockX, BlockY, Stream, pointers, kernel);
    }

    /// <summary>
    /// One 8-byte slot per argument, as cuLaunchKernel reads a parameter: a pointer whole, an int or a
    /// float in the slot's first 4 bytes (little-endian, as PTX's .u32/.f32 parameters are read).
    /// </summary>
    internal static void Pack(ReadOnlySpan<KernelArgument> arguments, Span<ulong> slots)
    {
        for (int i = 0; i < arguments.Length; i++)
        {
            var a = arguments[i];
            slots[i] = a.IsBuffer ? (ulong)a.Buffer
                : a.IsInt ? (uint)a.Int
                : BitConverter.SingleToUInt32Bits(a.Float);
        }
    }

    public void Zero(nint buffer, long bytes)
    {
        if (bytes > 0) Driver.Fill((ulong)buffer, 0, bytes / 4, Stream);
    }

    public long BytesFrom(nint buffer) => Driver.BytesAvailableFrom((ulong)buffer);

    public void Read(nint buffer, Span<byte> destination)
    {
        fixed (byte* p = destination)
            Driver.CopyToHost(p, (ulong)buffer, destination.Length, Stream);
    }

    public void Write(ReadOnlySpan<byte> source, nint buffer)
    {
        fixed (byte* p = source)
            Driver.CopyToDevice((ulong)buffer, p, source.Length, Stream);
    }

    public void Synchronize() => Driver.SynchronizeStream(Stream);
}
