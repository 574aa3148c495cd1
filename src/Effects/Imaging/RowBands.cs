namespace Enhance.Effects.Imaging;

/// <summary>
/// The one way the effects split a render window over threads: a row loop in parallel bands (about three
/// per core, so a slow band does not hold the others up; none for small areas, where starting tasks costs
/// more than it saves). Every caller writes disjoint rows, so bands need no locking, and a pixel's value
/// never depends on which band computed it (the output is deterministic). A body that needs scratch memory
/// takes it once per band.
/// </summary>
internal static class RowBands
{
    /// <summary>Below this many pixels a stage runs on the calling thread: starting tasks costs more.</summary>
    private const int MinParallelPixels = 64 * 1024;

    public static void For(int y1, int y2, int width, Action<int, int> body)
    {
        int rows = y2 - y1;
        if (rows <= 0) return;
        int bands = Math.Min(rows, Environment.ProcessorCount * 3);
        if (bands <= 1 || (long)rows * width < MinParallelPixels)
        {
            body(y1, y2);
            return;
        }
        Parallel.For(0, bands, b => body(y1 + (int)((long)rows * b / bands), y1 + (int)((long)rows * (b + 1) / bands)));
    }
}
