using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;

namespace Enhance.Effects.Upscale;

/// <summary>
/// The Upscale effect: classical Lanczos-3, optionally with a super-resolution model's detail on top.
///
/// With a model, the output is base + strength · (model − reference) (see <see cref="DetailBlend"/>):
/// base is the Lanczos upscale of the clip as it is (premultiplied, every channel, HDR and all), the
/// model's result is resampled with Lanczos from its own scale to the requested one (a ×4 model
/// serves a ×2 or ×2.5 request), and the reference is the Lanczos upscale of exactly what the model
/// was shown. So strength 0 is the classical result bit for bit, strength 1 is the model's picture,
/// alpha is always classical, and values the model cannot represent (above 1, below 0) are carried
/// through classically instead of being clipped.
///
/// Renders of any window are independent and thread-safe; a frame rendered in tiles equals the
/// frame rendered whole (the model's cells follow a fixed grid, see <see cref="TileLayout"/>).
/// </summary>
public static class UpscaleRenderer
{
    /// <summary>The source pixels <see cref="Render"/> needs for <paramref name="outputWindow"/> (inside the definition).</summary>
    public static PixelRect RequiredSourceRegion(PixelRect outputWindow, UpscaleSettings s, PixelRect sourceDefinition)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.Validate();
        var classical = LanczosResampler.RequiredSourceRegion(outputWindow, s.ScaleX, s.ScaleY, sourceDefinition);
        if (!s.UsesModel) return classical;
        var region = classical.Union(Plan.For(outputWindow, s, sourceDefinition).SourceRegion);
        if (s.UsesTemporal) region = region.Union(TemporalStability.RequiredSourceRegion(outputWindow, s.ScaleX, s.ScaleY, sourceDefinition));
        return region;
    }

    /// <summary>
    /// Renders destination.Bounds (the output window, output canvas) from <paramref name="source"/>,
    /// which must cover <see cref="RequiredSourceRegion"/>. Source and destination have the same
    /// channel count; one-channel images (masks) are upscaled classically.
    /// </summary>
    /// <param name="classicalBase">
    /// The picture the model's detail is added to, when it is not the Lanczos upscale of the source:
    /// in place, the host's own full-size frame (covering the window). The detail is still the
    /// model's result minus the Lanczos upscale of what it saw, so strength 0 is that frame itself.
    /// </param>
    /// <param name="previous">
    /// The previous frame's source (same definition, covering <see cref="RequiredSourceRegion"/>),
    /// for <see cref="UpscaleSettings.TemporalStability"/>; null (the first frame, or the host has
    /// none) renders the frame on its own.
    /// </param>
    public static void Render(FloatImage source, PixelRect sourceDefinition, FloatImage destination, UpscaleSettings s,
                              FloatImage? classicalBase = null, FloatImage? previous = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(s);
        s.Validate();
        var window = destination.Bounds;
        if (classicalBase is null) LanczosResampler.Resample(source, sourceDefinition, destination, s.ScaleX, s.ScaleY);
        else if (classicalBase.Bounds.Contains(window)) destination.CopyFrom(classicalBase);
        else throw new ArgumentException($"The classical base covers {classicalBase.Bounds}, not the window {window}.", nameof(classicalBase));
        if (!s.UsesModel || destination.Channels == 1) return;

        var plan = Plan.For(window, s, sourceDefinition);
        if (!source.Bounds.Contains(plan.SourceRegion))
            throw new ArgumentException($"The source covers {source.Bounds} but the model needs {plan.SourceRegion}.", nameof(source));

        bool temporal = s.UsesTemporal && previous is not null;
        if (temporal && !previous!.Bounds.Contains(plan.SourceRegion.Union(TemporalStability.RequiredSourceRegion(window, s.ScaleX, s.ScaleY, sourceDefinition))))
            throw new ArgumentException($"The previous frame covers {previous.Bounds}, less than the current one needs.", nameof(previous));
        // In temporal mode every cell's result is kept (the first frame's too): the next frame asks for this one's as its previous.
        using var modelAtOutput = ModelAtOutput(source, plan, window, s, keepResults: s.UsesTemporal);
        if (temporal)
        {
            using var previousModel = ModelAtOutput(previous!, plan, window, s, keepResults: true);
            var weightRegion = TemporalStability.WeightRegion(window, s.ScaleX, s.ScaleY, sourceDefinition);
            using var weights = TemporalStability.PreviousWeights(source, previous!, sourceDefinition, weightRegion, s.Transfer, s.TemporalStability);
            using var smoothChange = TemporalStability.SmoothChange(source, previous!, sourceDefinition, weightRegion);
            TemporalStability.Blend(modelAtOutput, previousModel, weights, smoothChange, sourceDefinition, s.ScaleX, s.ScaleY);
        }

        using var reference = new FloatImage(window, 3);
        var referenceRegion = LanczosResampler.RequiredSourceRegion(window, s.ScaleX, s.ScaleY, sourceDefinition);
        using (var clipped = ClippedStraightRgb(source, referenceRegion))
            LanczosResampler.Resample(clipped, sourceDefinition, reference, s.ScaleX, s.ScaleY);

        DetailBlend.Apply(destination, modelAtOutput, reference, s.Strength, s.DetailLimit);
    }

    /// <summary>The model's picture of <paramref name="source"/> over the window, at the output scale, in the clip's encoding.</summary>
    private static FloatImage ModelAtOutput(FloatImage source, Plan plan, PixelRect window, UpscaleSettings s, bool keepResults)
    {
        var modelAtOutput = new FloatImage(window, 3);
        using var modelOutput = new FloatImage(plan.ModelRegion, 3);
        TiledInference.Run(s.Model!, plan.Layout, plan.Cells, source, s.Transfer, modelOutput, s.MemoryBudgetMiB, keepResults);
        if (s.Transfer != InputTransfer.Display) FromModel(modelOutput, s.Transfer);
        int k = plan.Layout.Scale;
        LanczosResampler.Resample(modelOutput, plan.Layout.ModelDefinition, modelAtOutput, s.ScaleX / k, s.ScaleY / k);
        return modelAtOutput;
    }

    /// <summary>
    /// Straight RGB over <paramref name="region"/>, clipped to 0–1 and left in the clip's encoding:
    /// the reference the model's result is compared with (what the model was shown, before its
    /// transfer; see <see cref="TiledInference.Gather"/>).
    /// </summary>
    internal static FloatImage ClippedStraightRgb(FloatImage source, PixelRect region)
    {
        var result = new FloatImage(region, 3);
        int channels = source.Channels;
        RowBands.For(region.Y1, region.Y2, region.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var from = source.Row(y, region.X1, region.X2);
                var to = result.Row(y);
                for (int x = 0; x < region.Width; x++)
                {
                    float inverseAlpha = channels == 4 ? Premultiplication.StraightFactor(from[x * 4 + 3]) : 1f;
                    for (int c = 0; c < 3; c++)
                        to[x * 3 + c] = TransferFunctions.Clipped(from[x * channels + c] * inverseAlpha);
                }
            }
        });
        return result;
    }

    private static void FromModel(FloatImage image, InputTransfer transfer)
    {
        RowBands.For(image.Bounds.Y1, image.Bounds.Y2, image.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var row = image.Row(y);
                for (int i = 0; i < row.Length; i++) row[i] = TransferFunctions.FromModel(row[i], transfer);
            }
        });
    }

    /// <summary>Which model cells a window needs, where their output lands, and which source pixels they read (shared with the GPU path, Gpu/GpuModelUpscale).</summary>
    internal sealed record Plan(TileLayout Layout, List<TileCell> Cells, PixelRect ModelRegion, PixelRect SourceRegion)
    {
        public static Plan For(PixelRect window, UpscaleSettings s, PixelRect definition)
        {
            var model = s.Model!;
            int k = model.Scale;
            int overlap = TileLayout.OverlapFor(s.TileOverlap, model.Reach);
            int core = TiledInference.CoreSide(s.MemoryBudgetMiB, k, overlap);
            var layout = new TileLayout(definition, k, core, overlap, model.FixedInputHeight, model.FixedInputWidth);
            var modelRegion = LanczosResampler.RequiredSourceRegion(window, s.ScaleX / k, s.ScaleY / k, layout.ModelDefinition);
            var cells = layout.CellsFor(modelRegion);
            return new Plan(layout, cells, modelRegion, layout.SourceRegion(cells));
        }
    }
}
