using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;

namespace Enhance.Effects.Gpu;

/// <summary>
/// Where one model cell's result goes in the tiled blend (see Upscale/TiledInference): the model-canvas
/// rectangle its result tensor covers (<see cref="ResultArea"/>, the cell's input enlarged by the
/// model's scale), the part of the blend region it reaches, and the feather weights along each axis
/// of that part. The weights are computed on the CPU with the tile layout's own function, so the
/// kernels only multiply and add, as the CPU blend does.
/// </summary>
public sealed class CellBlend
{
    public CellBlend(PixelRect resultArea, PixelRect reach, float[] rowWeights, float[] columnWeights)
    {
        ArgumentNullException.ThrowIfNull(rowWeights);
        ArgumentNullException.ThrowIfNull(columnWeights);
        if (!resultArea.Contains(reach))
            throw new ArgumentException($"The reach {reach} lies outside the cell's result {resultArea}.", nameof(reach));
        if (rowWeights.Length != reach.Height || columnWeights.Length != reach.Width)
            throw new ArgumentException($"A {reach.Width}×{reach.Height} reach needs as many column and row weights (got {columnWeights.Length} and {rowWeights.Length}).");
        ResultArea = resultArea;
        Reach = reach;
        RowWeights = rowWeights;
        ColumnWeights = columnWeights;
    }

    /// <summary>The model-canvas rectangle of the cell's result tensor (its planes are ResultArea.Width × ResultArea.Height).</summary>
    public PixelRect ResultArea { get; }

    /// <summary>The pixels of the blend region this cell adds to (inside <see cref="ResultArea"/>).</summary>
    public PixelRect Reach { get; }

    /// <summary>Feather weight of each row of <see cref="Reach"/> (0 rows are skipped, as on the CPU).</summary>
    public float[] RowWeights { get; }

    /// <summary>Feather weight of each column of <see cref="Reach"/>.</summary>
    public float[] ColumnWeights { get; }

    /// <summary>The blend of <paramref name="cell"/> into <paramref name="region"/>, or null when the cell does not reach it.</summary>
    internal static CellBlend? For(TileLayout layout, TileCell cell, PixelRect region)
    {
        var reach = TiledInference.CellReach(layout, cell, region);
        if (reach.IsEmpty) return null;
        var input = cell.Input;
        var rows = new float[reach.Height];
        var columns = new float[reach.Width];
        for (int y = reach.Y1; y < reach.Y2; y++) rows[y - reach.Y1] = layout.Weight(y, input.Y1, input.Y2);
        for (int x = reach.X1; x < reach.X2; x++) columns[x - reach.X1] = layout.Weight(x, input.X1, input.X2);
        return new CellBlend(layout.Enlarged(input), reach, rows, columns);
    }
}
