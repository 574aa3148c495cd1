using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// One backend under test: its primitives plus helpers that put CPU images into device memory
/// (as the host would have them) and read results back. Frees everything it allocated.
/// </summary>
public sealed class GpuTestSession(IGpuPrimitives primitives, IDisposable? host) : IDisposable
{
    private readonly List<IDeviceBuffer> _buffers = [];

    public IGpuPrimitives Primitives { get; } = primitives;

    /// <summary>A device copy of <paramref name="image"/> (same bounds and channels).</summary>
    public DeviceImage Upload(FloatImage image)
    {
        var device = Allocate(image.Bounds, image.Channels);
        Primitives.Upload(image, device);
        return device;
    }

    /// <summary>A device image filled with a marker value, so unwritten pixels show up in comparisons.</summary>
    public DeviceImage Allocate(PixelRect bounds, int channels, float fill = -7f)
    {
        using var filled = new FloatImage(bounds, channels);
        filled.Pixels.Fill(fill);
        var buffer = Buffer(filled.Pixels.Length * sizeof(float));
        var device = new DeviceImage(buffer.Handle, bounds, channels);
        Primitives.Upload(filled, device);
        return device;
    }

    public IDeviceBuffer Buffer(long bytes)
    {
        var buffer = Primitives.Allocate(bytes);
        _buffers.Add(buffer);
        return buffer;
    }

    /// <summary>Waits for the queue/stream and returns a CPU copy of <paramref name="image"/>.</summary>
    public FloatImage Download(DeviceImage image)
    {
        Primitives.Synchronize();
        var result = new FloatImage(image.Bounds, image.Channels);
        Primitives.Download(image, result);
        return result;
    }

    public byte[] ReadBytes(IDeviceBuffer buffer, long bytes)
    {
        Primitives.Synchronize();
        var result = new byte[bytes];
        Primitives.ReadBytes(buffer.Handle, result);
        return result;
    }

    public void Dispose()
    {
        Primitives.Synchronize();
        foreach (var b in _buffers) b.Dispose();
        host?.Dispose();
    }
}
