using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Enhance.Effects.Grain;

/// <summary>
/// Correlated grain for a rectangle of the canvas: the hashed white noise of <see cref="GrainNoise"/>
/// filtered by a <see cref="GrainKernel"/> along x, then along y. The noise is read over the
/// rectangle plus the kernel radius on each side, so the value at a pixel depends only on its
/// canvas position and the stream: tiles and render windows agree exactly and show no seams.
/// Every sum runs over the taps in the same order whatever the pixel's place in a vector, and rows
/// are padded to whole vectors (never a scalar tail), which keeps results bit-identical across windows.
/// </summary>
internal static class GrainField
{
    public static int PaddedWidth(int width) => RoundUp(width, Vector<float>.Count);

    /// <summary>
    /// Writes the grain of canvas columns x0 .. x0 + stride and rows y0 .. y0 + height into
    /// <paramref name="output"/> (row r at r × stride; stride a multiple of the vector width).
    /// </summary>
    public static void Generate(uint stream, GrainKernel kernel, int x0, int y0, int height, int stride, Span<float> output)
    {
        if (stride % Vector<float>.Count != 0) throw new ArgumentException("Stride must be whole vectors.", nameof(stride));
        if (output.Length < height * stride) throw new ArgumentException("Output too small.", nameof(output));
        var taps = kernel.TapSpan;
        int radius = kernel.Radius;
        int noiseLength = RoundUp(stride + 2 * radius, Vector<float>.Count);
        int filteredRows = height + 2 * radius;

        float[] noise = ArrayPool<float>.Shared.Rent(noiseLength);
        float[] filtered = ArrayPool<float>.Shared.Rent(filteredRows * stride);
        try
        {
            // Horizontal pass over every row the vertical pass will read.
            for (int r = 0; r < filteredRows; r++)
            {
                var noiseRow = noise.AsSpan(0, noiseLength);
                GrainNoise.FillRow(GrainNoise.RowKey(stream, y0 - radius + r), x0 - radius, noiseRow);
                FilterRow(noiseRow, taps, filtered.AsSpan(r * stride, stride));
            }
            // Vertical pass: each output row is a weighted sum of 2·radius + 1 filtered rows.
            for (int r = 0; r < height; r++)
                FilterColumns(filtered, r * stride, stride, taps, output.Slice(r * stride, stride));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(filtered);
            ArrayPool<float>.Shared.Return(noise);
        }
    }

    /// <summary>output[i] = Σ_t taps[t] · input[i + t], i over whole vectors.</summary>
    private static void FilterRow(ReadOnlySpan<float> input, ReadOnlySpan<float> taps, Span<float> output)
    {
        int n = Vector<float>.Count;
        var outVectors = MemoryMarshal.Cast<float, Vector<float>>(output);
        for (int v = 0; v < outVectors.Length; v++)
        {
            int i = v * n;
            var acc = new Vector<float>(input.Slice(i, n)) * taps[0];
            for (int t = 1; t < taps.Length; t++)
                acc += new Vector<float>(input.Slice(i + t, n)) * taps[t];
            outVectors[v] = acc;
        }
    }

    /// <summary>output[i] = Σ_t taps[t] · rows[start + t·stride + i].</summary>
    private static void FilterColumns(float[] rows, int start, int stride, ReadOnlySpan<float> taps, Span<float> output)
    {
        var outVectors = MemoryMarshal.Cast<float, Vector<float>>(output);
        var first = MemoryMarshal.Cast<float, Vector<float>>(rows.AsSpan(start, stride));
        float k0 = taps[0];
        for (int v = 0; v < outVectors.Length; v++) outVectors[v] = first[v] * k0;
        for (int t = 1; t < taps.Length; t++)
        {
            var row = MemoryMarshal.Cast<float, Vector<float>>(rows.AsSpan(start + t * stride, stride));
            float k = taps[t];
            for (int v = 0; v < outVectors.Length; v++) outVectors[v] += row[v] * k;
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
