using System.Buffers;
using System.Runtime.CompilerServices;

namespace Enhance.Effects.Imaging;

/// <summary>
/// A float image with interleaved channels (1 = alpha or grey, 3 = RGB, 4 = RGBA) covering
/// <see cref="Bounds"/> in canvas coordinates. Row r of the buffer holds canvas row Bounds.Y1 + r.
///
/// Effects work on this type only: the OFX bridge converts the host's 8-bit, 16-bit, half or
/// float pixels into it and back. The storage comes from <see cref="ArrayPool{T}"/> so a render
/// does not allocate frame-sized arrays; dispose the image to return it.
/// Colour is premultiplied by alpha when the host's image is; an effect that needs straight colour
/// says so and converts (see <see cref="Premultiplication"/>).
/// </summary>
public sealed class FloatImage : IDisposable
{
    private float[]? _pixels;
    private readonly int _length;

    public FloatImage(PixelRect bounds, int channels)
    {
        if (channels is not (1 or 3 or 4))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "An image has 1, 3 or 4 channels.");
        if (bounds.IsEmpty)
            throw new ArgumentException($"An image needs a non-empty area, got {bounds}.", nameof(bounds));
        long length = bounds.Area * channels;
        if (length > Array.MaxLength)
            throw new ArgumentException($"An image of {bounds} with {channels} channels is too large.", nameof(bounds));
        Bounds = bounds;
        Channels = channels;
        _length = (int)length;
        _pixels = ArrayPool<float>.Shared.Rent(_length);
        Array.Clear(_pixels, 0, _length);
    }

    public PixelRect Bounds { get; }
    public int Channels { get; }
    public int Width => Bounds.Width;
    public int Height => Bounds.Height;

    /// <summary>Floats per row (the buffer has no padding).</summary>
    public int Stride => Bounds.Width * Channels;

    /// <summary>All pixels, row after row.</summary>
    public Span<float> Pixels => Storage.AsSpan(0, _length);

    /// <summary>The pixels of canvas row <paramref name="y"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<float> Row(int y)
    {
        if ((uint)(y - Bounds.Y1) >= (uint)Bounds.Height)
            throw new ArgumentOutOfRangeException(nameof(y), y, $"Row outside {Bounds}.");
        return Storage.AsSpan((y - Bounds.Y1) * Stride, Stride);
    }

    /// <summary>The pixels of canvas row <paramref name="y"/> from canvas column x1 to x2 (exclusive).</summary>
    public Span<float> Row(int y, int x1, int x2)
    {
        if (x1 < Bounds.X1 || x2 > Bounds.X2 || x2 < x1)
            throw new ArgumentOutOfRangeException(nameof(x1), $"Columns {x1}..{x2} outside {Bounds}.");
        return Row(y).Slice((x1 - Bounds.X1) * Channels, (x2 - x1) * Channels);
    }

    /// <summary>One sample, by canvas coordinates.</summary>
    public ref float At(int x, int y, int channel)
    {
        if (!Bounds.Contains(x, y) || (uint)channel >= (uint)Channels)
            throw new ArgumentOutOfRangeException(nameof(x), $"({x},{y},{channel}) outside {Bounds}x{Channels}.");
        return ref Storage[((y - Bounds.Y1) * Bounds.Width + (x - Bounds.X1)) * Channels + channel];
    }

    /// <summary>Copies the overlap of <paramref name="source"/> and this image (same channel count).</summary>
    public void CopyFrom(FloatImage source)
    {
        if (source.Channels != Channels)
            throw new ArgumentException("Channel counts differ.", nameof(source));
        var overlap = Bounds.Intersect(source.Bounds);
        for (int y = overlap.Y1; y < overlap.Y2; y++)
            source.Row(y, overlap.X1, overlap.X2).CopyTo(Row(y, overlap.X1, overlap.X2));
    }

    public FloatImage Clone()
    {
        var copy = new FloatImage(Bounds, Channels);
        Pixels.CopyTo(copy.Pixels);
        return copy;
    }

    private float[] Storage => _pixels ?? throw new ObjectDisposedException(nameof(FloatImage));

    public void Dispose()
    {
        var pixels = Interlocked.Exchange(ref _pixels, null);
        if (pixels is not null)
            ArrayPool<float>.Shared.Return(pixels);
    }
}
