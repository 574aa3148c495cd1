using Enhance.Effects.Imaging;

namespace Enhance.Effects.Upscale;

/// <summary>One model run: the core it is responsible for and the larger input it is shown (source canvas).</summary>
internal readonly record struct TileCell(PixelRect Core, PixelRect Input);

/// <summary>
/// How a clip is cut into model runs. The grid is anchored to the clip's region of definition and
/// its cell size depends only on the memory budget and the model — never on the window being
/// rendered — so every render that needs a cell runs the model on exactly the same pixels, and a
/// frame rendered in host tiles equals the frame rendered whole.
///
/// Each cell's input is its core grown by <see cref="Overlap"/> on every side; pixels beyond the
/// definition repeat its edge, as in the Lanczos path. Neighbouring cells' results are feathered
/// across the overlap (<see cref="Weight"/>), so no seam shows even where a model's output near
/// its input border differs from its output in the middle.
/// </summary>
internal sealed class TileLayout
{
    /// <summary>The outer part of each overlap is ignored altogether: models are least reliable at their input's border.</summary>
    private const float IgnoredFractionOfOverlap = 0.25f;

    public TileLayout(PixelRect definition, int scale, int coreSide, int overlap, int? fixedHeight, int? fixedWidth)
    {
        Definition = definition;
        Scale = scale;
        Overlap = overlap;
        FixedHeight = fixedHeight;
        FixedWidth = fixedWidth;
        // A model with a fixed input size dictates the cell: input = core + 2·overlap exactly.
        CoreWidth = fixedWidth is int w ? w - 2 * overlap : coreSide;
        CoreHeight = fixedHeight is int h ? h - 2 * overlap : coreSide;
        if (CoreWidth < 1 || CoreHeight < 1)
            throw new ArgumentException($"A {fixedWidth}×{fixedHeight} model input leaves no room inside a {overlap}-pixel overlap.");
    }

    public PixelRect Definition { get; }
    public int Scale { get; }
    public int Overlap { get; }
    public int CoreWidth { get; }
    public int CoreHeight { get; }
    public int? FixedHeight { get; }
    public int? FixedWidth { get; }

    /// <summary>The model canvas: the definition enlarged by the model's scale.</summary>
    public PixelRect ModelDefinition => new(Definition.X1 * Scale, Definition.Y1 * Scale, Definition.X2 * Scale, Definition.Y2 * Scale);

    /// <summary>Every cell whose output reaches into <paramref name="modelRegion"/> (model canvas), row by row.</summary>
    public List<TileCell> CellsFor(PixelRect modelRegion)
    {
        var cells = new List<TileCell>();
        int columns = (Definition.Width + CoreWidth - 1) / CoreWidth;
        int rows = (Definition.Height + CoreHeight - 1) / CoreHeight;
        for (int row = 0; row < rows; row++)
            for (int column = 0; column < columns; column++)
            {
                var cell = Cell(column, row);
                if (!Enlarged(cell.Input).Intersect(modelRegion).IsEmpty)
                    cells.Add(cell);
            }
        return cells;
    }

    /// <summary>The source pixels the cells read (inside the definition; the rest is the edge repeated).</summary>
    public PixelRect SourceRegion(List<TileCell> cells)
    {
        var region = default(PixelRect);
        foreach (var cell in cells) region = region.Union(cell.Input.Intersect(Definition));
        return region;
    }

    /// <summary>A source-canvas rectangle on the model canvas.</summary>
    public PixelRect Enlarged(PixelRect r) => new(r.X1 * Scale, r.Y1 * Scale, r.X2 * Scale, r.Y2 * Scale);

    /// <summary>
    /// Feather weight along one axis for model-canvas position <paramref name="p"/> of a cell whose
    /// input spans source positions [inputStart, inputEnd): 0 in the outer quarter of the overlap,
    /// rising linearly to 1. Two neighbours' weights add up to 1 across their shared overlap.
    /// </summary>
    public float Weight(int p, int inputStart, int inputEnd)
    {
        if (Overlap == 0) return 1f;
        float u = (p + 0.5f) / Scale;
        float distance = MathF.Min(u - inputStart, inputEnd - u);
        float ignored = IgnoredFractionOfOverlap * Overlap;
        return Math.Clamp((distance - ignored) / (2 * (Overlap - ignored)), 0f, 1f);
    }

    private TileCell Cell(int column, int row)
    {
        int x1 = Definition.X1 + column * CoreWidth, y1 = Definition.Y1 + row * CoreHeight;
        var core = new PixelRect(x1, y1, Math.Min(Definition.X2, x1 + CoreWidth), Math.Min(Definition.Y2, y1 + CoreHeight));
        var input = core.Inflate(Overlap, Overlap);
        if (FixedWidth is int fw) input = input with { X2 = input.X1 + fw };
        if (FixedHeight is int fh) input = input with { Y2 = input.Y1 + fh };
        return new TileCell(core, input);
    }
}
