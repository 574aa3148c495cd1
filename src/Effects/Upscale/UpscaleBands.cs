using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;

namespace Enhance.Effects.Upscale;

/// <summary>
/// Keeps a model render's own pictures inside the Memory budget (issue 17). A render with a model
/// holds, besides the network's runs and kept cells, pictures the size of its window: the source it
/// reads, the model's blend on the model canvas (result, sums, weights), the model's picture at the
/// output, the Lanczos reference and the result (about 70 bytes per output pixel: 290 MiB for a
/// 1280×800 → 2560×1600 frame, 580 MiB at 3840×2160), so a whole frame alone passed a 512 MiB budget
/// and every concurrent render added its own. A window is therefore rendered in horizontal bands,
/// each no larger than a quarter of the budget (<see cref="ModelMemoryBudget.ReservePictures"/>:
/// concurrent renders wait for each other there); the model's cells that reach into two bands are
/// kept for the second (<see cref="CellResultCache"/>), so bands cost no extra network runs, and a
/// frame rendered in bands equals the frame rendered whole, as host tiles do.
/// </summary>
public static class UpscaleBands
{
    /// <summary>Thinnest band worth cutting (output rows): below it the cells' source read per band dominates.</summary>
    private const int MinimumBandHeight = 32;

    /// <summary>Share of the budget the pictures of all model renders in flight may hold together.</summary>
    internal const int PictureShareDivisor = 4;

    /// <summary>
    /// <paramref name="window"/> cut into horizontal bands whose pictures each fit a quarter of the
    /// budget, top to bottom; the window itself without a model or when it fits.
    /// </summary>
    public static IReadOnlyList<PixelRect> For(PixelRect window, UpscaleSettings s, PixelRect sourceDefinition, int channels)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Validate();
        if (!s.UsesModel || window.IsEmpty) return [window];
        long limit = TiledInference.BudgetBytes(s.MemoryBudgetMiB) / PictureShareDivisor;
        for (int count = 1; ; count++)
        {
            var bands = Split(window, count);
            if (bands[0].Height <= MinimumBandHeight || bands.All(b => PictureBytes(b, s, sourceDefinition, channels) <= limit))
                return bands;
        }
    }

    /// <summary>
    /// Reserves the pictures of a model render of <paramref name="window"/> from the process-wide
    /// budget (waiting while other renders' pictures fill their share); nothing without a model.
    /// Hold it from before the source is read until the window is written back.
    /// </summary>
    public static IDisposable ReservePictures(PixelRect window, UpscaleSettings s, PixelRect sourceDefinition, int channels)
    {
        ArgumentNullException.ThrowIfNull(s);
        long bytes = s.UsesModel ? PictureBytes(window, s, sourceDefinition, channels) : 0;
        return ModelMemoryBudget.ReservePictures(bytes, TiledInference.BudgetBytes(s.MemoryBudgetMiB));
    }

    /// <summary>
    /// The pictures a model render of <paramref name="window"/> holds at once (bytes): the source it
    /// reads (with a host frame as base, that frame too), the clipped copy the reference is made from,
    /// the result, the model's picture at the output and the reference, and the model's blend
    /// (result, sums, weights) over its region; temporal stability doubles the model's share.
    /// </summary>
    internal static long PictureBytes(PixelRect window, UpscaleSettings s, PixelRect sourceDefinition, int channels)
    {
        var plan = UpscaleRenderer.Plan.For(window, s, sourceDefinition);
        var source = UpscaleRenderer.RequiredSourceRegion(window, s, sourceDefinition);
        var reference = LanczosResampler.RequiredSourceRegion(window, s.ScaleX, s.ScaleY, sourceDefinition);
        int models = s.UsesTemporal ? 2 : 1;
        long floats = source.Area * channels * models + reference.Area * 3
                    + window.Area * (2L * channels + 3 + 3 * models)   // result (and a host frame as base), reference, model at output
                    + plan.ModelRegion.Area * 7L * models;             // model result, sums, weights
        return 4 * floats;
    }

    private static List<PixelRect> Split(PixelRect window, int count)
    {
        var bands = new List<PixelRect>(count);
        for (int i = 0; i < count; i++)
        {
            int y1 = window.Y1 + (int)((long)window.Height * i / count), y2 = window.Y1 + (int)((long)window.Height * (i + 1) / count);
            if (y2 > y1) bands.Add(window with { Y1 = y1, Y2 = y2 });
        }
        return bands;
    }
}
