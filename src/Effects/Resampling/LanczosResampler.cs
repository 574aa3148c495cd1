using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Resampling;

/// <summary>
/// Classical Lanczos-3 resampling by any real factor, separately in X and Y.
///
/// Geometry: output canvas pixel (x, y) has its centre at source canvas position
/// ((x + 0.5) / scaleX − 0.5, (y + 0.5) / scaleY − 0.5), i.e. pixel centres line up the way
/// libvips, OpenCV (INTER_LANCZOS4 aside) and most hosts' "resize" do. Upsampling uses the kernel
/// at one source pixel per lobe; downsampling stretches it by 1/scale so it antialiases.
/// Source samples outside <c>sourceDefinition</c> (the clip's region of definition) repeat its
/// edge, so a tile rendered from a partial source equals the untiled render exactly.
///
/// All channels are filtered alike: the data is premultiplied, which is what keeps transparent
/// pixels' colour from bleeding in as dark fringes. Results are NOT clamped: Lanczos' negative
/// lobes may overshoot below 0 or above 1 next to hard edges, and HDR values above 1 survive
/// unchanged in kind. Clamp downstream if a consumer needs 0–1.
/// </summary>
public static class LanczosResampler
{
    /// <summary>
    /// The source pixels needed to render <paramref name="outputWindow"/> (output canvas) — always
    /// inside <paramref name="sourceDefinition"/>, because samples beyond it are the edge repeated.
    /// </summary>
    public static PixelRect RequiredSourceRegion(PixelRect outputWindow, double scaleX, double scaleY, PixelRect sourceDefinition)
    {
        ValidateGeometry(outputWindow, sourceDefinition);
        var wx = ResampleWeights.Create(outputWindow.X1, outputWindow.X2, scaleX, sourceDefinition.X1, sourceDefinition.X2);
        var wy = ResampleWeights.Create(outputWindow.Y1, outputWindow.Y2, scaleY, sourceDefinition.Y1, sourceDefinition.Y2);
        return new PixelRect(wx.SourceStart, wy.SourceStart, wx.SourceEnd, wy.SourceEnd);
    }

    /// <summary>
    /// Resamples <paramref name="source"/> into all of <paramref name="destination"/> (whose bounds are
    /// the output window, in output canvas coordinates). The source must cover
    /// <see cref="RequiredSourceRegion"/> of the destination's bounds; both have the same channel count.
    /// </summary>
    public static void Resample(FloatImage source, PixelRect sourceDefinition, FloatImage destination, double scaleX, double scaleY)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Channels != destination.Channels)
            throw new ArgumentException($"Source has {source.Channels} channels, destination {destination.Channels}.", nameof(destination));
        var outputWindow = destination.Bounds;
        ValidateGeometry(outputWindow, sourceDefinition);
        var wx = ResampleWeights.Create(outputWindow.X1, outputWindow.X2, scaleX, sourceDefinition.X1, sourceDefinition.X2);
        var wy = ResampleWeights.Create(outputWindow.Y1, outputWindow.Y2, scaleY, sourceDefinition.Y1, sourceDefinition.Y2);
        var required = new PixelRect(wx.SourceStart, wy.SourceStart, wx.SourceEnd, wy.SourceEnd);
        if (!source.Bounds.Contains(required))
            throw new ArgumentException($"The source covers {source.Bounds} but rendering {outputWindow} needs {required}.", nameof(source));

        int channels = source.Channels;
        int tempRows = required.Height;
        // Three-channel rows are written four floats at a time (the fourth lands on the next
        // pixel and is overwritten by it), so each intermediate row gets one float of slack.
        int tempStride = outputWindow.Width * channels + (channels == 3 ? 1 : 0);
        float[] temp = ArrayPool<float>.Shared.Rent(tempRows * tempStride);
        try
        {
            var pass = new Passes(source, destination, wx, wy, temp, tempStride, required.Y1);
            RowBands.For(0, tempRows, outputWindow.Width * channels, pass.HorizontalBand);
            RowBands.For(outputWindow.Y1, outputWindow.Y2, outputWindow.Width * channels, pass.VerticalBand);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(temp);
        }
    }

    private static void ValidateGeometry(PixelRect outputWindow, PixelRect sourceDefinition)
    {
        if (outputWindow.IsEmpty)
            throw new ArgumentException($"The output window {outputWindow} is empty.", nameof(outputWindow));
        if (sourceDefinition.IsEmpty)
            throw new ArgumentException($"The source definition {sourceDefinition} is empty.", nameof(sourceDefinition));
    }

    /// <summary>The two filter passes over one call's buffers, a band of rows at a time (<see cref="RowBands"/>).</summary>
    private sealed class Passes(FloatImage source, FloatImage destination, ResampleWeights wx, ResampleWeights wy,
                                float[] temp, int tempStride, int tempFirstRow)
    {
        /// <summary>Horizontal pass: source rows → intermediate rows [r0, r1) of output width.</summary>
        public void HorizontalBand(int r0, int r1)
        {
            int channels = source.Channels;
            var pixels = source.Pixels;
            for (int r = r0; r < r1; r++)
            {
                int sourceRowOffset = (tempFirstRow + r - source.Bounds.Y1) * source.Stride;
                var into = temp.AsSpan(r * tempStride, tempStride);
                switch (channels)
                {
                    case 4: FilterRowRgba(pixels, sourceRowOffset, into); break;
                    case 3: FilterRowRgb(pixels, sourceRowOffset, into); break;
                    default: FilterRowSingle(pixels, sourceRowOffset, into); break;
                }
            }
        }

        /// <summary>Vertical pass: intermediate rows → destination rows [y0, y1), vectorised along the row.</summary>
        public void VerticalBand(int y0, int y1)
        {
            int rowLength = destination.Stride;
            for (int y = y0; y < y1; y++)
            {
                var weights = wy.RowOf(y);
                int firstTempRow = wy.FirstSource[y - wy.OutputStart] - tempFirstRow;
                FilterColumns(temp, firstTempRow * tempStride, tempStride, weights, destination.Row(y), rowLength);
            }
        }

        private void FilterRowRgba(Span<float> pixels, int sourceRowOffset, Span<float> into)
        {
            ref float src = ref MemoryMarshal.GetReference(pixels);
            ref float dst = ref MemoryMarshal.GetReference(into);
            int taps = wx.TapCount, x1 = source.Bounds.X1;
            ref float w = ref MemoryMarshal.GetArrayDataReference(wx.Weights);
            for (int i = 0; i < wx.Count; i++)
            {
                nuint at = (nuint)(sourceRowOffset + (wx.FirstSource[i] - x1) * 4);
                ref float wRow = ref Unsafe.Add(ref w, i * taps);
                var acc = Vector128<float>.Zero;
                for (int t = 0; t < taps; t++)
                    acc += Vector128.Create(Unsafe.Add(ref wRow, t)) * Vector128.LoadUnsafe(ref src, at + (nuint)(t * 4));
                acc.StoreUnsafe(ref dst, (nuint)(i * 4));
            }
        }

        private void FilterRowRgb(Span<float> pixels, int sourceRowOffset, Span<float> into)
        {
            ref float src = ref MemoryMarshal.GetReference(pixels);
            ref float dst = ref MemoryMarshal.GetReference(into);
            int taps = wx.TapCount, x1 = source.Bounds.X1;
            ref float w = ref MemoryMarshal.GetArrayDataReference(wx.Weights);
            for (int i = 0; i < wx.Count; i++)
            {
                int at = sourceRowOffset + (wx.FirstSource[i] - x1) * 3;
                ref float wRow = ref Unsafe.Add(ref w, i * taps);
                // Four-float loads read one float past the last tap; only at the very end of the
                // buffer is that out of range, and there the scalar path computes the same sums.
                if (at + taps * 3 + 1 <= pixels.Length)
                {
                    var acc = Vector128<float>.Zero;
                    for (int t = 0; t < taps; t++)
                        acc += Vector128.Create(Unsafe.Add(ref wRow, t)) * Vector128.LoadUnsafe(ref src, (nuint)(at + t * 3));
                    acc.StoreUnsafe(ref dst, (nuint)(i * 3));
                }
                else
                {
                    float r = 0, g = 0, b = 0;
                    for (int t = 0; t < taps; t++)
                    {
                        float wt = Unsafe.Add(ref wRow, t);
                        int p = at + t * 3;
                        r += wt * pixels[p]; g += wt * pixels[p + 1]; b += wt * pixels[p + 2];
                    }
                    into[i * 3] = r; into[i * 3 + 1] = g; into[i * 3 + 2] = b;
                }
            }
        }

        private void FilterRowSingle(Span<float> pixels, int sourceRowOffset, Span<float> into)
        {
            int taps = wx.TapCount, x1 = source.Bounds.X1;
            var weights = wx.Weights;
            for (int i = 0; i < wx.Count; i++)
            {
                var samples = pixels.Slice(sourceRowOffset + wx.FirstSource[i] - x1, taps);
                var wRow = weights.AsSpan(i * taps, taps);
                float acc = 0;
                for (int t = 0; t < taps; t++) acc += wRow[t] * samples[t];
                into[i] = acc;
            }
        }
    }

    /// <summary>
    /// One output row as the weighted sum of consecutive intermediate rows. Lanes are independent
    /// samples, each summed over the taps in the same order as the scalar tail, so where a row's
    /// vector/tail split falls never changes a value (no fused multiply-add on either path).
    /// </summary>
    private static void FilterColumns(float[] temp, int firstRowOffset, int tempStride, ReadOnlySpan<float> weights,
                                      Span<float> output, int rowLength)
    {
        ref float src = ref MemoryMarshal.GetArrayDataReference(temp);
        ref float dst = ref MemoryMarshal.GetReference(output);
        int taps = weights.Length;
        int k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; k <= rowLength - Vector<float>.Count; k += Vector<float>.Count)
            {
                var acc = Vector<float>.Zero;
                nuint at = (nuint)(firstRowOffset + k);
                for (int t = 0; t < taps; t++, at += (nuint)tempStride)
                    acc += new Vector<float>(weights[t]) * Vector.LoadUnsafe(ref src, at);
                acc.StoreUnsafe(ref dst, (nuint)k);
            }
        }
        for (; k < rowLength; k++)
        {
            float acc = 0;
            int at = firstRowOffset + k;
            for (int t = 0; t < taps; t++, at += tempStride) acc += weights[t] * temp[at];
            output[k] = acc;
        }
    }
}
