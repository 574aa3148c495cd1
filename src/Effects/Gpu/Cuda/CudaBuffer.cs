namespace Enhance.Effects.Gpu.Cuda;

/// <summary>Device memory we allocate on the host's stream; freed in stream order (see <see cref="CudaDriver.Free"/>).</summary>
public sealed class CudaBuffer : IDeviceBuffer
{
    private readonly CudaDriver _driver;
    private readonly nint _stream;
    private ulong _pointer;

    internal CudaBuffer(CudaDriver driver, nint stream, long bytes)
    {
        if (bytes <= 0) throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "A buffer needs at least one byte.");
        _driver = driver;
        _stream = stream;
        _pointer = driver.Allocate(bytes, stream);
        Bytes = bytes;
    }

    public nint Handle => _pointer != 0 ? (nint)_pointer : throw new ObjectDisposedException(nameof(CudaBuffer));

    public long Bytes { get; }

    public void Dispose()
    {
        var pointer = Interlocked.Exchange(ref _pointer, 0);
        if (pointer != 0) _driver.Free(pointer, _stream);
    }
}
