using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// A device that refuses any single allocation above <paramref name="largestBytes"/> the way its backend
/// does when the card is full (OpenCL CL_MEM_OBJECT_ALLOCATION_FAILURE, CUDA_ERROR_OUT_OF_MEMORY), and
/// notes every allocation size it was asked for: a card short of memory, on demand.
/// </summary>
internal sealed class MemoryCappedKernelDevice(IKernelDevice inner, long largestBytes) : IKernelDevice
{
    public List<long> Asked { get; } = [];

    public int Refused { get; private set; }

    public GpuBackend Backend => inner.Backend;

    public IDeviceBuffer Allocate(long bytes)
    {
        lock (Asked) Asked.Add(bytes);
        if (bytes > largestBytes)
        {
            Refused++;
            throw Backend == GpuBackend.Cuda
                ? new CudaException("cuMemAlloc", 2, "CUDA_ERROR_OUT_OF_MEMORY")
                : new OpenClException("clCreateBuffer", -4);
        }
        return inner.Allocate(bytes);
    }

    public IDeviceBuffer Upload<T>(ReadOnlySpan<T> data) where T : unmanaged => inner.Upload(data);

    public void Launch(string kernel, ReadOnlySpan<KernelArgument> arguments, long width, long height, long depth) =>
        inner.Launch(kernel, arguments, width, height, depth);

    public void Zero(nint buffer, long bytes) => inner.Zero(buffer, bytes);

    public long BytesFrom(nint buffer) => inner.BytesFrom(buffer);

    public void Read(nint buffer, Span<byte> destination) => inner.Read(buffer, destination);

    public void Write(ReadOnlySpan<byte> source, nint buffer) => inner.Write(source, buffer);

    public void Synchronize() => inner.Synchronize();
}
