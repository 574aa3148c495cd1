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

    /// <summary>output[i] = Σ_t taps[t] · input[i + t]: the filter across a row (taps one element apart).</summary>
    private static unsafe void FilterRow(ReadOnlySpan<float> input, ReadOnlySpan<float> taps, Span<float> output)
    {
        if (input.Length < output.Length + taps.Length - 1) throw new ArgumentException("Input shorter than output + taps − 1.", nameof(input));
        fixed (float* inPtr = input, outPtr = output)
            Filter(inPtr, 1, taps, outPtr, output.Length);
    }

    /// <summary>output[i] = Σ_t taps[t] · rows[start + t·stride + i]: the filter down columns (taps one row apart).</summary>
    private static unsafe void FilterColumns(float[] rows, int start, int stride, ReadOnlySpan<float> taps, Span<float> output)
    {
        if (output.Length > stride || start + (taps.Length - 1) * stride + output.Length > rows.Length)
            throw new ArgumentException("Rows shorter than the filter reads.", nameof(rows));
        fixed (float* rowsPtr = rows, outPtr = output)
            Filter(rowsPtr + start, stride, taps, outPtr, output.Length);
    }

    /// <summary>
    /// output[i] = Σ_t taps[t] · first[t·tapStride + i], i over whole vectors. Four output vectors at a
    /// time with their own accumulators in registers (the adds of one output are a dependency chain; four
    /// chains keep the FPU busy; one load per tap, one store per output, instead of a read-modify-write
    /// pass over the row per tap); each output still sums its taps in order 0, 1, 2, ..., so values do not change.
    /// </summary>
    private static unsafe void Filter(float* first, int tapStride, ReadOnlySpan<float> taps, float* outPtr, int length)
    {
        int n = Vector<float>.Count;
        Vector<float>* k = stackalloc Vector<float>[taps.Length];
        for (int t = 0; t < taps.Length; t++) k[t] = new Vector<float>(taps[t]);
        int i = 0;
        for (; i + 4 * n <= length; i += 4 * n)
        {
            float* p = first + i;
            var a0 = Vector.Load(p) * k[0];
            var a1 = Vector.Load(p + n) * k[0];
            var a2 = Vector.Load(p + 2 * n) * k[0];
            var a3 = Vector.Load(p + 3 * n) * k[0];
            for (int t = 1; t < taps.Length; t++)
            {
                float* q = p + t * tapStride;
                a0 += Vector.Load(q) * k[t];
                a1 += Vector.Load(q + n) * k[t];
                a2 += Vector.Load(q + 2 * n) * k[t];
                a3 += Vector.Load(q + 3 * n) * k[t];
            }
            Vector.Store(a0, outPtr + i);
            Vector.Store(a1, outPtr + i + n);
            Vector.Store(a2, outPtr + i + 2 * n);
            Vector.Store(a3, outPtr + i + 3 * n);
        }
        for (; i < length; i += n)
        {
            var acc = Vector.Load(first + i) * k[0];
            for (int t = 1; t < taps.Length; t++) acc += Vector.Load(first + i + t * tapStride) * k[t];
            Vector.Store(acc, outPtr + i);
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
