using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>Device memory we allocated (an intermediate or a tensor); disposing frees it without waiting for the GPU.</summary>
public interface IDeviceBuffer : IDisposable
{
    /// <summary>cl_mem or CUdeviceptr.</summary>
    nint Handle { get; }

    long Bytes { get; }
}

/// <summary>
/// The small image operations every GPU backend provides, on the host's memory, in the host's
/// context, on the host's queue or stream. Each does what its CPU counterpart does
/// (<see cref="Resampling.LanczosResampler"/>, <see cref="CpuPrimitives"/>, <see cref="FloatImage.CopyFrom"/>)
/// to within 1e-4; the conformance tests hold every backend to that. Calls only enqueue work: results
/// are ready for the host's next command on the same queue/stream, and for the CPU after
/// <see cref="Synchronize"/>.
/// </summary>
public interface IGpuPrimitives
{
    GpuBackend Backend { get; }

    /// <summary>Host↔device bytes moved by Download/Upload/ReadBytes/WriteBytes on this instance (one per render).</summary>
    GpuTransferCounter Transfers { get; }

    /// <summary>A temporary buffer in the host's context.</summary>
    IDeviceBuffer Allocate(long bytes);

    /// <summary>Copies the overlap of the two images (same channel count).</summary>
    void Copy(DeviceImage source, DeviceImage destination);

    /// <summary>
    /// Lanczos-3 resampling, the CPU resampler's math: destination.Bounds is the output window; the
    /// source must cover <c>LanczosResampler.RequiredSourceRegion(destination.Bounds, …)</c>.
    /// </summary>
    void Resample(DeviceImage source, PixelRect sourceDefinition, DeviceImage destination, double scaleX, double scaleY);

    /// <summary>
    /// The Upscale detail blend in place (see <see cref="CpuPrimitives.AddDetail"/>): the destination
    /// holds the classical upscale; model and reference are straight RGB with the destination's bounds.
    /// </summary>
    void AddDetail(DeviceImage destination, DeviceImage model, DeviceImage reference, float strength, float detailLimit);

    /// <summary>See <see cref="CpuPrimitives.ToPlanarRgb"/>; <paramref name="planar"/> is a device buffer.</summary>
    void ToPlanarRgb(DeviceImage source, PixelRect area, nint planar, PlanarElement element, bool topRowFirst, PlanarEncoding encoding = PlanarEncoding.AsIs);

    /// <summary>See <see cref="CpuPrimitives.FromPlanarRgb"/>.</summary>
    void FromPlanarRgb(nint planar, PlanarElement element, PixelRect area, DeviceImage destination, bool topRowFirst, PlanarEncoding encoding = PlanarEncoding.AsIs);

    /// <summary>See <see cref="CpuPrimitives.ClampAlpha"/>: alpha of an RGBA or Alpha image clamped to 0–1 in place; RGB is left alone.</summary>
    void ClampAlpha(DeviceImage image);

    /// <summary>Copies a device image into a CPU image of the same bounds and channels (waits for it).</summary>
    void Download(DeviceImage source, FloatImage destination);

    /// <summary>Copies a CPU image into a device image of the same bounds and channels.</summary>
    void Upload(FloatImage source, DeviceImage destination);

    /// <summary>Copies bytes from the start of a device buffer (waits for it; for staging and tests).</summary>
    void ReadBytes(nint buffer, Span<byte> destination);

    /// <summary>Copies bytes to the start of a device buffer (the source may be reused on return).</summary>
    void WriteBytes(ReadOnlySpan<byte> source, nint buffer);

    /// <summary>Waits until all work on the host's queue/stream is done.</summary>
    void Synchronize();
}
