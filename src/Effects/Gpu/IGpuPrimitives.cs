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

    /// <summary>
    /// Straight RGB for the Upscale model (<c>TiledInference.Gather</c>, <c>UpscaleRenderer.ClippedStraightRgb</c>): into a 3-channel
    /// destination whose bounds (inside the 3- or 4-channel source) are the region, each value
    /// unpremultiplied by the source's alpha, then <paramref name="encoding"/>: ModelDisplay = clipped
    /// to 0–1 (also the clipped reference the model's result is compared with), ModelSceneLinear =
    /// clipped and sRGB-encoded, AsIs = copied unchanged (still premultiplied).
    /// </summary>
    void StraightRgb(DeviceImage source, DeviceImage destination, PlanarEncoding encoding);

    /// <summary>
    /// One model cell's input tensor (<c>TiledInference.Gather</c>): the 3-channel
    /// <paramref name="modelInput"/> over <paramref name="input"/> (source canvas), coordinates
    /// clamped to <paramref name="definition"/> (the edge repeats), as R, G, B planes of
    /// input.Width × input.Height, rows in canvas order.
    /// </summary>
    void GatherCell(DeviceImage modelInput, PixelRect definition, PixelRect input, nint planar, PlanarElement element);

    /// <summary>
    /// Adds one cell's result (R, G, B planes over blend.ResultArea) into the tiled blend
    /// (<c>TiledInference.AccumulateCell</c>): over blend.Reach, weights += r·c and
    /// sums += (r·c)·value, r and c the row and column feather weights. <paramref name="sums"/>
    /// holds 3 planes and <paramref name="weights"/> one plane of <paramref name="region"/> (model canvas).
    /// Cells must be accumulated one after another in grid order (the float sums depend on it).
    /// </summary>
    void AccumulateCell(nint result, PlanarElement element, CellBlend blend, nint sums, nint weights, PixelRect region);

    /// <summary>
    /// The blended model result (<c>TiledInference.Normalise</c>, then <c>TransferFunctions.FromModel</c>
    /// for ModelSceneLinear): destination (3 channels, bounds = the blend region) = sums / weights,
    /// interleaved.
    /// </summary>
    void NormaliseCells(nint sums, nint weights, DeviceImage destination, PlanarEncoding encoding);

    /// <summary>Enqueues zeroing the first <paramref name="bytes"/> (a multiple of 4) of a device buffer.</summary>
    void Zero(nint buffer, long bytes);

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
