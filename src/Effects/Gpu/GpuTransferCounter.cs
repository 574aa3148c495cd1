namespace Enhance.Effects.Gpu;

/// <summary>
/// The frame bytes one render moved between host and device memory through
/// <see cref="IGpuPrimitives"/> (Download/ReadBytes to the host, Upload/WriteBytes to the device).
/// A GPU path is only worth having if these stay 0 (Grain, classical Upscale): any copy of a 4K
/// float frame costs more than the kernels. The small parameter tables a kernel needs (tap weights,
/// grain streams) go through the backends' own uploads and are not frame data, so they are not
/// counted. Thread-safe: a render may transfer from several threads.
/// </summary>
public sealed class GpuTransferCounter
{
    private long _toHost, _toDevice;

    public long BytesToHost => Interlocked.Read(ref _toHost);

    public long BytesToDevice => Interlocked.Read(ref _toDevice);

    public void CountToHost(long bytes) => Interlocked.Add(ref _toHost, bytes);

    public void CountToDevice(long bytes) => Interlocked.Add(ref _toDevice, bytes);
}
