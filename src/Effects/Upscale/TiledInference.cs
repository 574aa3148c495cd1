using System.Buffers;
using System.Numerics;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Upscale;

/// <summary>
/// Runs a model over any region of any frame within a memory budget, cell by cell (see
/// <see cref="TileLayout"/>), blending neighbouring cells' results with feathered weights.
/// Cells run one after another, in grid order — each run already uses every core through ONNX
/// Runtime's own threads — and that fixed order makes the blended sums identical whichever window
/// asked for them.
/// </summary>
internal static class TiledInference
{
    /// <summary>Smallest cell core worth a model run; below it the overlap costs more than the core.</summary>
    private const int MinimumCoreSide = 16;

    /// <summary>Feature channels a typical SR network keeps per pixel (ESRGAN, SwinIR-light and kin use 32–64).</summary>
    private const int TypicalFeatureChannels = 64;

    /// <summary>
    /// The widest square core whose run fits half of <paramref name="budgetMiB"/> (the other half
    /// holds the renders' pictures and the cell results kept for a frame's other parts,
    /// <see cref="ModelMemoryBudget"/>): an
    /// estimate counting the input and output tensors (ours and ONNX Runtime's copies) and a few
    /// feature maps at input resolution plus one at output resolution. Multiple of 8 (many models prefer it).
    /// </summary>
    public static int CoreSide(int budgetMiB, int scale, int overlap)
    {
        if (budgetMiB <= 0) throw new ArgumentOutOfRangeException(nameof(budgetMiB), budgetMiB, "The memory budget must be positive.");
        long pixels = BudgetBytes(budgetMiB) / 2 / BytesPerInputPixel(scale);
        int side = (int)Math.Sqrt(pixels) - 2 * overlap;
        return Math.Max(MinimumCoreSide, side / 8 * 8);
    }

    /// <summary>The working memory of one run, per input pixel of its cell (see <see cref="CoreSide"/>).</summary>
    private static long BytesPerInputPixel(int scale) => 4L * (3 * (3 + 3 * scale * scale) + TypicalFeatureChannels * (3 + scale * scale));

    internal static long BudgetBytes(int budgetMiB) => budgetMiB * 1024L * 1024L;

    /// <summary>
    /// Fills <paramref name="output"/> (3 channels, model canvas) with the blended model results.
    /// <paramref name="source"/> is the clip as the host gave it (premultiplied, 3 or 4 channels, source
    /// canvas) over at least <see cref="TileLayout.SourceRegion"/> of <paramref name="cells"/>; each
    /// cell is shown to the model through <paramref name="transfer"/> (see <see cref="Gather"/>).
    /// </summary>
    /// <param name="budgetMiB">
    /// The process-wide bound on the model's working memory (<see cref="ModelMemoryBudget"/>); the
    /// cells' results that other windows will need are kept within it (<see cref="CellResultCache"/>).
    /// </param>
    /// <param name="keepResults">Keep every cell's result (temporal mode: the next frame reads this one as its previous).</param>
    public static void Run(SuperResolutionModel model, TileLayout layout, List<TileCell> cells, FloatImage source, InputTransfer transfer,
                           FloatImage output, int budgetMiB, bool keepResults = false)
    {
        var region = output.Bounds;
        int area = (int)region.Area;
        float[] sums = ArrayPool<float>.Shared.Rent(3 * area);
        float[] weights = ArrayPool<float>.Shared.Rent(area);
        try
        {
            Array.Clear(sums, 0, 3 * area);
            Array.Clear(weights, 0, area);
            foreach (var cell in cells)
                RunCell(model, layout, cell, source, transfer, region, sums, weights, BudgetBytes(budgetMiB), keepResults);
            Normalise(sums, weights, output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(sums);
            ArrayPool<float>.Shared.Return(weights);
        }
    }

    private static void RunCell(SuperResolutionModel model, TileLayout layout, TileCell cell, FloatImage source, InputTransfer transfer,
                                PixelRect region, float[] sums, float[] weights, long budgetBytes, bool keepResults)
    {
        var input = cell.Input;
        int k = layout.Scale, inW = input.Width, inH = input.Height, outW = inW * k, outH = inH * k;
        float[] planes = ArrayPool<float>.Shared.Rent(3 * inW * inH);
        float[] result = ArrayPool<float>.Shared.Rent(3 * outW * outH);
        float[] columnWeights = ArrayPool<float>.Shared.Rent(outW);
        try
        {
            Gather(source, transfer, layout.Definition, input, planes);
            // Other windows (tiles) need this cell when it reaches beyond the part of the frame this one covers.
            // In temporal mode the next frame needs them too (keepResults).
            bool othersNeedIt = keepResults || !region.Contains(layout.Enlarged(input).Intersect(layout.ModelDefinition));
            var cellResult = ServeOrRun(model, planes, inH, inW, result, othersNeedIt, budgetBytes);
            AccumulateCell(layout, cell, cellResult, region, sums, weights, columnWeights);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(planes);
            ArrayPool<float>.Shared.Return(result);
            ArrayPool<float>.Shared.Return(columnWeights);
        }
    }

    /// <summary>
    /// The model's output for one cell's input <paramref name="planes"/> (3 planes of
    /// <paramref name="height"/> × <paramref name="width"/>; the arrays may be longer): a kept result
    /// of an identical input (<see cref="CellResultCache"/>, read-only, shared), or
    /// <paramref name="result"/> filled by a run that holds its working memory in
    /// <see cref="ModelMemoryBudget"/> while it runs. The CPU path and the device path's staging
    /// runner both run their cells through here, so they share one cache and one budget.
    /// </summary>
    /// <param name="othersNeedIt">Keep the result: other windows, or the next frame, need this cell.</param>
    internal static float[] ServeOrRun(SuperResolutionModel model, float[] planes, int height, int width, float[] result,
                                       bool othersNeedIt, long budgetBytes)
    {
        int inputLength = 3 * height * width, outputLength = inputLength * model.Scale * model.Scale;
        return CellResultCache.Shared.Run(model, planes.AsSpan(0, inputLength), height, width, result, othersNeedIt, budgetBytes, () =>
        {
            using var reservation = ModelMemoryBudget.Reserve(BytesPerInputPixel(model.Scale) * width * height, budgetBytes);
            model.Run(planes.AsSpan(0, inputLength), height, width, result.AsSpan(0, outputLength));
        });
    }

    /// <summary>
    /// Adds one cell's model result (3 planes of its enlarged input) into the blend: over the part of
    /// <paramref name="region"/> the cell reaches, sums += (rowWeight · columnWeight) · value and
    /// weights += rowWeight · columnWeight. <paramref name="columnWeights"/> is scratch of at least
    /// the cell's output width. The GPU path (IGpuPrimitives.AccumulateCell) repeats exactly this.
    /// </summary>
    internal static void AccumulateCell(TileLayout layout, TileCell cell, ReadOnlySpan<float> result, PixelRect region,
                                        Span<float> sums, Span<float> weights, Span<float> columnWeights)
    {
        var input = cell.Input;
        int k = layout.Scale, outW = input.Width * k, outH = input.Height * k;
        var reach = CellReach(layout, cell, region);
        if (reach.IsEmpty) return;
        for (int x = reach.X1; x < reach.X2; x++)
            columnWeights[x - reach.X1] = layout.Weight(x, input.X1, input.X2);
        int width = reach.Width, regionPlane = (int)region.Area, resultPlane = outW * outH;
        for (int y = reach.Y1; y < reach.Y2; y++)
        {
            float rowWeight = layout.Weight(y, input.Y1, input.Y2);
            if (rowWeight == 0f) continue;
            int at = (y - region.Y1) * region.Width + (reach.X1 - region.X1);
            int from = (y - input.Y1 * k) * outW + (reach.X1 - input.X1 * k);
            var w = columnWeights[..width];
            Accumulate(weights.Slice(at, width), w, rowWeight, null);
            for (int c = 0; c < 3; c++)
                Accumulate(sums.Slice(c * regionPlane + at, width), w, rowWeight, result.Slice(c * resultPlane + from, width));
        }
    }

    /// <summary>The part of <paramref name="region"/> (model canvas) a cell's result covers.</summary>
    internal static PixelRect CellReach(TileLayout layout, TileCell cell, PixelRect region) => layout.Enlarged(cell.Input).Intersect(region);

    /// <summary>
    /// Copies what the model is shown of one cell into R, G, B planes: the source's colour made
    /// straight (un-premultiplied), clipped to 0–1 and encoded for the model
    /// (<see cref="TransferFunctions.ToModel"/>), edge-extended beyond the definition. Done per cell
    /// rather than per window so a tile whose cells were already run converts only what it hashes.
    /// </summary>
    internal static void Gather(FloatImage source, InputTransfer transfer, PixelRect definition, PixelRect input, float[] planes)
    {
        int plane = input.Width * input.Height, channels = source.Channels;
        for (int y = input.Y1; y < input.Y2; y++)
        {
            var row = source.Row(Math.Clamp(y, definition.Y1, definition.Y2 - 1));
            int x1 = source.Bounds.X1, at = (y - input.Y1) * input.Width;
            for (int x = input.X1; x < input.X2; x++, at++)
            {
                int p = (Math.Clamp(x, definition.X1, definition.X2 - 1) - x1) * channels;
                float inverseAlpha = channels == 4 ? Premultiplication.StraightFactor(row[p + 3]) : 1f;
                planes[at] = TransferFunctions.ToModel(row[p] * inverseAlpha, transfer);
                planes[plane + at] = TransferFunctions.ToModel(row[p + 1] * inverseAlpha, transfer);
                planes[2 * plane + at] = TransferFunctions.ToModel(row[p + 2] * inverseAlpha, transfer);
            }
        }
    }

    /// <summary>target += (rowWeight · w) · values (or just the weight when values is null); vector and tail do the same float operations.</summary>
    private static void Accumulate(Span<float> target, ReadOnlySpan<float> w, float rowWeight, ReadOnlySpan<float> values)
    {
        bool weightsOnly = values.IsEmpty;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var rw = new Vector<float>(rowWeight);
            for (; i <= target.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var weight = rw * new Vector<float>(w[i..]);
                var add = weightsOnly ? weight : weight * new Vector<float>(values[i..]);
                (new Vector<float>(target[i..]) + add).CopyTo(target[i..]);
            }
        }
        for (; i < target.Length; i++)
        {
            float weight = rowWeight * w[i];
            target[i] += weightsOnly ? weight : weight * values[i];
        }
    }

    internal static void Normalise(float[] sums, float[] weights, FloatImage output)
    {
        var region = output.Bounds;
        int plane = (int)region.Area;
        RowBands.For(0, region.Height, region.Width, (rowsFrom, rowsTo) =>
        {
            for (int r = rowsFrom; r < rowsTo; r++)
            {
                var row = output.Row(region.Y1 + r);
                int at = r * region.Width;
                for (int x = 0; x < region.Width; x++, at++)
                {
                    float inverse = 1f / weights[at];
                    row[x * 3] = sums[at] * inverse;
                    row[x * 3 + 1] = sums[plane + at] * inverse;
                    row[x * 3 + 2] = sums[2 * plane + at] * inverse;
                }
            }
        });
    }
}
