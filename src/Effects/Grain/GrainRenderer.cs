using System.Buffers;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Grain;

/// <summary>
/// Adds grain to an image: hand-designed from <see cref="GrainSettings"/>, or re-synthesised from a
/// <see cref="GrainProfile"/> measured on the source clip. Per pixel the grain is
/// strength(channel, intensity) × field(channel), added in the working space (linear or log) to the
/// straight colour, so premultiplied input gets alpha × grain and transparent pixels get none.
///
/// Matched mode: the profile's per-band strengths replace Amount and the response, its correlation
/// width (scaled from the profile's frame height to this frame's) replaces Size, and its channel
/// correlation replaces Saturation. Settings still trim it: MatchAmount, the per-channel amounts and
/// Size multiply the measured values, Softness picks the clump shape, Monochrome forces luma grain.
/// </summary>
public static class GrainRenderer
{
    /// <summary>Grain is per pixel and its noise is hashed, not read: the input region is the window itself.</summary>
    public static PixelRect RequiredInputRegion(PixelRect outputWindow) => outputWindow;

    /// <summary>
    /// Renders <paramref name="destination"/>'s bounds (the render window) from <paramref name="source"/>.
    /// </summary>
    /// <param name="time">Frame time; its floor picks the grain pattern (see <see cref="GrainSettings.PatternIndex"/>).</param>
    /// <param name="frameHeight">The output frame's height in pixels at full resolution (render scale 1).</param>
    /// <param name="renderScale">The host's render scale: the grain's size in pixels scales with it, so a proxy keeps the look.</param>
    public static void Apply(FloatImage source, FloatImage destination, GrainSettings settings, GrainProfile? matched,
                             double time, int frameHeight, double renderScale)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (source.Channels is not (3 or 4) || destination.Channels != source.Channels)
            throw new ArgumentException($"Grain needs RGB or RGBA in and out with the same channels, got {source.Channels} and {destination.Channels}.");
        if (!source.Bounds.Contains(destination.Bounds))
            throw new ArgumentException($"Source {source.Bounds} does not cover the render window {destination.Bounds}.", nameof(source));
        if (frameHeight <= 0) throw new ArgumentOutOfRangeException(nameof(frameHeight), frameHeight, "Frame height must be > 0.");
        if (!(renderScale > 0)) throw new ArgumentOutOfRangeException(nameof(renderScale), renderScale, "Render scale must be > 0.");

        if (matched is not null && matched.IsEmpty || settings.Amount == 0 && matched is null)
        {
            WriteWithoutGrain(source, destination, settings.Output);
            return;
        }

        var kernel = KernelFor(settings, matched, frameHeight, renderScale);
        var plan = new GrainRenderPlan(settings, matched, kernel, time);
        var window = destination.Bounds;
        RowBands.For(window.Y1, window.Y2, window.Width, (y1, y2) => RenderBand(source, destination, plan, y1, y2));
    }

    /// <summary>The grain filter a render uses (its autocorrelation width is the grain size in pixels).</summary>
    public static GrainKernel KernelFor(GrainSettings settings, GrainProfile? matched, int frameHeight, double renderScale)
    {
        double pixelFrameHeight = frameHeight * renderScale;
        if (matched is null) return GrainKernel.ForSize(settings.Size, settings.Softness, pixelFrameHeight);
        double width = matched.CorrelationWidth * settings.Size * pixelFrameHeight / matched.FrameHeight;
        return GrainKernel.ForAutocorrelationWidth(width, settings.Softness);
    }

    /// <summary>Grain standard deviation, in working-space units, for a channel at a working-space intensity.</summary>
    public static double ExpectedStrength(GrainSettings settings, GrainProfile? matched, double intensity, int channel) =>
        GrainStrengthTable.Strength(settings, matched, intensity, channel);

    private static void RenderBand(FloatImage source, FloatImage destination, GrainRenderPlan plan, int y1, int y2)
    {
        var window = destination.Bounds;
        int height = y2 - y1;
        int stride = GrainField.PaddedWidth(window.Width);
        int fieldSize = height * stride;
        float[] fields = ArrayPool<float>.Shared.Rent(fieldSize * plan.Streams.Length);
        try
        {
            for (int f = 0; f < plan.Streams.Length; f++)
                GrainField.Generate(plan.Streams[f], plan.Kernel, window.X1, y1, height, stride, fields.AsSpan(f * fieldSize, fieldSize));
            for (int y = y1; y < y2; y++)
            {
                int offset = (y - y1) * stride;
                var f0 = fields.AsSpan(offset, window.Width);
                var f1 = plan.Monochrome ? f0 : fields.AsSpan(fieldSize + offset, window.Width);
                var f2 = plan.Monochrome ? f0 : fields.AsSpan(2 * fieldSize + offset, window.Width);
                GrainCombine.Row(source.Row(y, window.X1, window.X2), destination.Row(y), source.Channels, f0, f1, f2, plan);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(fields);
        }
    }

    private static void WriteWithoutGrain(FloatImage source, FloatImage destination, GrainOutput output)
    {
        var window = destination.Bounds;
        for (int y = window.Y1; y < window.Y2; y++)
        {
            var src = source.Row(y, window.X1, window.X2);
            var dst = destination.Row(y);
            src.CopyTo(dst);
            if (output != GrainOutput.GrainOnly) continue;
            for (int i = 0; i < dst.Length; i += destination.Channels)
            {
                float alpha = destination.Channels == 4 ? src[i + 3] : 1f;
                dst[i] = dst[i + 1] = dst[i + 2] = 0.5f * alpha;
            }
        }
    }
}
