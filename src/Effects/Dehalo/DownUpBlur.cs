using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// DeHalo_alpha's halo-free reference: the picture down-sampled by the radius and up-sampled again.
/// Shrinking by rx averages a halo (a few pixels wide) into its edge, and the B-spline up-sampling brings
/// the edge back without any overshoot, so the result shows where the edge is and how much contrast it
/// truly has, with no halo. Later stages compare the source against this reference.
///
/// Coarse grid samples are placed relative to the clip's origin (see <see cref="ResampleTaps"/>), which
/// makes the output a pure function of canvas position: tiles agree exactly.
/// Order of passes: vertical first going down and last coming up, so both full-width passes are vector
/// loops over whole rows; the two horizontal (gather) passes only touch the coarse rows, and run on blocks of
/// rows interleaved so that a vector spans rows (<see cref="RowBlockGather"/>).
/// </summary>
internal static class DownUpBlur
{
    /// <summary>The luma region <see cref="Apply"/> reads to produce <paramref name="area"/>.</summary>
    public static PixelRect RequiredInput(PixelRect area, double originX, double originY, double rx, double ry)
    {
        var (jx1, jx2) = ResampleTaps.CoarseSpan(originX, rx, area.X1, area.X2);
        var (jy1, jy2) = ResampleTaps.CoarseSpan(originY, ry, area.Y1, area.Y2);
        var (fx1, fx2) = ResampleTaps.FineSpan(originX, rx, jx1, jx2);
        var (fy1, fy2) = ResampleTaps.FineSpan(originY, ry, jy1, jy2);
        return new PixelRect(fx1, fy1, fx2 + 1, fy2 + 1);
    }

    /// <summary>Writes the down/up-sampled <paramref name="luma"/> into <paramref name="output"/> over <paramref name="area"/>.</summary>
    public static void Apply(FloatImage luma, double originX, double originY, double rx, double ry, PixelRect area, FloatImage output)
    {
        NeighbourhoodFilters.RequireCovers(luma, RequiredInput(area, originX, originY, rx, ry), "luma");
        NeighbourhoodFilters.RequireCovers(output, area, "output");
        var g = Passes.For(originX, originY, rx, ry, area);
        var (downX, downY, upX, upY) = (g.DownX, g.DownY, g.UpX, g.UpY);
        int fx1 = g.ColumnsDown.X1, fx2 = g.ColumnsDown.X2 - 1, jx1 = g.Coarse.X1, jy1 = g.Coarse.Y1, jy2 = g.Coarse.Y2 - 1;

        using var rowsUp = new FloatImage(g.RowsUp, 1);

        // The first three passes on blocks of RowBlockGather.Lanes coarse rows: the vertical pass into per-band
        // scratch rows (no frame-sized planes between the passes: they stay in cache), the two horizontal passes
        // with one row per vector lane. A last block with fewer rows takes the one-row gather: the same sums.
        int lanes = RowBlockGather.Lanes, wDown = g.ColumnsDown.Width, wCoarse = g.Coarse.Width, wUp = g.RowsUp.Width;
        int blocks = (jy2 + 1 - jy1 + lanes - 1) / lanes;
        RowBands.For(0, blocks, wDown * lanes, (a, b) =>
        {
            var scratch = ArrayPool<float>.Shared.Rent(lanes * (2 * wDown + wCoarse + wUp));
            try
            {
                var down = scratch.AsSpan(0, lanes * wDown); var across = scratch.AsSpan(lanes * wDown, lanes * wDown);
                var mid = scratch.AsSpan(2 * lanes * wDown, lanes * wCoarse); var up = scratch.AsSpan(lanes * (2 * wDown + wCoarse), lanes * wUp);
                for (int block = a; block < b; block++)
                {
                    int jy = jy1 + block * lanes, rows = Math.Min(lanes, jy2 + 1 - jy);
                    for (int r = 0; r < rows; r++) WeightedRows(luma, fx1, fx2 + 1, downY, jy + r, down.Slice(r * wDown, wDown));
                    if (rows == lanes)
                    {
                        RowBlockGather.Interleave(down, wDown, across);
                        RowBlockGather.Gather(across, fx1, downX, mid);
                        RowBlockGather.Gather(mid, jx1, upX, up);
                        RowBlockGather.Deinterleave(up, rowsUp, jy, area.X1);
                        continue;
                    }
                    for (int r = 0; r < rows; r++)
                    {
                        GatherRow(down.Slice(r * wDown, wDown), fx1, downX, mid.Slice(0, wCoarse));
                        GatherRow(mid.Slice(0, wCoarse), jx1, upX, rowsUp.Row(jy + r));
                    }
                }
            }
            finally { ArrayPool<float>.Shared.Return(scratch); }
        });
        RowBands.For(area.Y1, area.Y2, area.Width, (a, b) =>
        {
            for (int y = a; y < b; y++)
                WeightedRows(rowsUp, area.X1, area.X2, upY, y, output.Row(y, area.X1, area.X2));
        });
    }

    /// <summary>dst = Σ_k w_k · rows[start + k] over columns [x1, x2): the vertical filter, vectorised across the row.</summary>
    private static void WeightedRows(FloatImage rows, int x1, int x2, ResampleTaps taps, int index, Span<float> dst)
    {
        int start = taps.Start(index);
        var w = taps.Weights(index);
        PlaneOps.Scale(dst, rows.Row(start, x1, x2), w[0]);
        for (int k = 1; k < w.Length; k++) PlaneOps.AddScaled(dst, rows.Row(start + k, x1, x2), w[k]);
    }

    /// <summary>
    /// dst[i] = Σ_k w_k · src[start_i + k − srcFirst]: the horizontal filter, one output at a time, the taps
    /// summed left to right from 0. Read through refs: the span slicing per output cost more than the sums.
    /// </summary>
    private static void GatherRow(ReadOnlySpan<float> src, int srcFirst, ResampleTaps taps, Span<float> dst)
    {
        ReadOnlySpan<int> starts = taps.Starts, counts = taps.Counts;
        ReadOnlySpan<float> weights = taps.AllWeights;
        int maxTaps = taps.MaxTaps;
        if (dst.Length > starts.Length) throw new ArgumentException("More outputs than taps.", nameof(dst));
        ref float s0 = ref MemoryMarshal.GetReference(src);
        ref float w0 = ref MemoryMarshal.GetReference(weights);
        for (int i = 0; i < dst.Length; i++)
        {
            int start = starts[i] - srcFirst, count = counts[i];
            if ((uint)start > (uint)src.Length || count > src.Length - start)
                throw new ArgumentException("Source row does not cover the taps.", nameof(src));
            ref float s = ref Unsafe.Add(ref s0, start);
            ref float w = ref Unsafe.Add(ref w0, i * maxTaps);
            float acc = 0;
            for (int k = 0; k < count; k++) acc += Unsafe.Add(ref w, k) * Unsafe.Add(ref s, k);
            dst[i] = acc;
        }
    }

    /// <summary>
    /// The four passes of one down/up blur over an output area: their tap tables and the planes between them.
    /// Index spaces: columns are full-resolution x or coarse jx, rows are coarse jy or full-resolution y.
    /// Shared by <see cref="Apply"/> and the GPU plan, so both filter with the same taps over the same planes.
    /// </summary>
    internal sealed record Passes(ResampleTaps DownY, ResampleTaps DownX, ResampleTaps UpX, ResampleTaps UpY,
        PixelRect ColumnsDown, PixelRect Coarse, PixelRect RowsUp)
    {
        public static Passes For(double originX, double originY, double rx, double ry, PixelRect area)
        {
            var (jx1, jx2) = ResampleTaps.CoarseSpan(originX, rx, area.X1, area.X2);
            var (jy1, jy2) = ResampleTaps.CoarseSpan(originY, ry, area.Y1, area.Y2);
            var downX = ResampleTaps.Down(originX, rx, jx1, jx2);
            var (fx1, fx2) = downX.InputSpan();
            return new Passes(ResampleTaps.Down(originY, ry, jy1, jy2), downX,
                ResampleTaps.Up(originX, rx, area.X1, area.X2 - 1), ResampleTaps.Up(originY, ry, area.Y1, area.Y2 - 1),
                new PixelRect(fx1, jy1, fx2 + 1, jy2 + 1), new PixelRect(jx1, jy1, jx2 + 1, jy2 + 1),
                new PixelRect(area.X1, jy1, area.X2, jy2 + 1));
        }
    }
}
