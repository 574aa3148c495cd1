using Silk.NET.OpenCL;

namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>
/// A device buffer we allocate in the host's context (intermediates, weight tables, tensors).
/// Releasing it while kernels that use it are still queued is safe: OpenCL frees the memory only
/// after those commands finish, so disposing never has to wait for the GPU.
/// </summary>
public sealed class OpenClBuffer : IDeviceBuffer
{
    private readonly CL _api;
    private nint _handle;

    private OpenClBuffer(CL api, nint handle, long bytes)
    {
        _api = api;
        _handle = handle;
        Bytes = bytes;
    }

    public nint Handle => _handle != 0 ? _handle : throw new ObjectDisposedException(nameof(OpenClBuffer));

    public long Bytes { get; }

    internal static unsafe OpenClBuffer Create(OpenClDevice device, long bytes, void* initialData)
    {
        if (bytes <= 0) throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "A buffer needs at least one byte.");
        int error;
        var flags = initialData is null ? MemFlags.ReadWrite : MemFlags.ReadOnly | MemFlags.CopyHostPtr;
        nint handle = device.Api.CreateBuffer(device.Context, flags, (nuint)bytes, initialData, &error);
        OpenClException.Check(error, $"clCreateBuffer({bytes} bytes)");
        return new OpenClBuffer(device.Api, handle, bytes);
    }

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, 0);
        if (handle != 0) _api.ReleaseMemObject(handle);
    }
}
