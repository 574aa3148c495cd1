using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>
/// A float image that lives in GPU memory the host owns (or a temporary of ours): a CUDA device
/// pointer or an OpenCL <c>cl_mem</c>, holding <see cref="Bounds"/> row after row, each row
/// <c>Width × Channels</c> floats with no padding. That is how DaVinci Resolve hands CUDA and OpenCL
/// frames to an OFX effect (packed float RGBA), and the same layout as <see cref="FloatImage"/>, so
/// the CPU and GPU paths index pixels identically.
/// </summary>
public readonly record struct DeviceImage(nint Handle, PixelRect Bounds, int Channels)
{
    /// <summary>Floats per row.</summary>
    public int Stride => Bounds.Width * Channels;

    /// <summary>Bytes the image occupies.</summary>
    public long ByteSize => Bounds.Area * Channels * sizeof(float);

    /// <summary>Throws when the descriptor cannot describe a usable image.</summary>
    public void Validate(string name)
    {
        if (Handle == 0) throw new ArgumentException($"{name} has no device memory (null handle).", name);
        if (Bounds.IsEmpty) throw new ArgumentException($"{name} has empty bounds {Bounds}.", name);
        if (Channels is not (1 or 3 or 4)) throw new ArgumentException($"{name} has {Channels} channels; 1, 3 or 4 are supported.", name);
        // The kernels index floats with 32-bit integers.
        if (Bounds.Area * Channels > int.MaxValue) throw new ArgumentException($"{name} ({Bounds}x{Channels}) is too large for the GPU kernels.", name);
    }
}
