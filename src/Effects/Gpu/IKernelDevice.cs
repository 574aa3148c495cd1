namespace Enhance.Effects.Gpu;

/// <summary>
/// What a GPU backend provides to run our kernels (Gpu/Kernels/*.cl) on the host's device: its buffers and
/// launches of a kernel by name. Everything above it — which kernels, with which arguments, over which
/// grid — is written once (<see cref="GpuPrimitives"/>, <see cref="GpuGrain"/>, <see cref="GpuDehalo"/>), so
/// OpenCL and CUDA can only differ in how memory is made and a launch is enqueued.
/// Every call enqueues on the host's queue or stream; only the transfers to the CPU wait.
/// </summary>
public interface IKernelDevice
{
    GpuBackend Backend { get; }

    /// <summary>An uninitialised temporary buffer in the host's context.</summary>
    IDeviceBuffer Allocate(long bytes);

    /// <summary>A small buffer holding <paramref name="data"/> (tap tables, weights): ready for the next launch.</summary>
    IDeviceBuffer Upload<T>(ReadOnlySpan<T> data) where T : unmanaged;

    /// <summary>
    /// Enqueues <paramref name="kernel"/> over width × height × depth work items (one thread each; the
    /// kernels return early past their range, so a backend may round the grid up).
    /// </summary>
    void Launch(string kernel, ReadOnlySpan<KernelArgument> arguments, long width, long height, long depth);

    /// <summary>Enqueues zeroing the first <paramref name="bytes"/> (a multiple of 4) of a buffer.</summary>
    void Zero(nint buffer, long bytes);

    /// <summary>
    /// Bytes addressable from <paramref name="buffer"/> to the end of its allocation: every buffer is checked
    /// before a launch, because a kernel writing past one corrupts other memory or faults the context.
    /// </summary>
    long BytesFrom(nint buffer);

    /// <summary>Copies bytes from the start of a device buffer to the CPU (waits for them).</summary>
    void Read(nint buffer, Span<byte> destination);

    /// <summary>Copies bytes to the start of a device buffer (the source may be reused on return).</summary>
    void Write(ReadOnlySpan<byte> source, nint buffer);

    /// <summary>Waits until all work on the host's queue or stream is done.</summary>
    void Synchronize();
}
