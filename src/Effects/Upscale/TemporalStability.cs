using Enhance.Effects.Imaging;

namespace Enhance.Effects.Upscale;

/// <summary>
/// Upscale's temporal mode (issue 14): where the picture does not change from the previous frame,
/// the model's picture is averaged with the model's picture of the previous frame, so the detail it
/// predicts stops boiling; where anything moves it is the current frame's alone, so nothing trails.
///
/// Pure function of two input frames, N−1 and N (<see cref="FramesBefore"/>), never of what was
/// rendered before: the previous frame's model picture is computed from that frame's own input
/// (the cell cache makes that free in sequential playback, where frame N−1 has just run), and the
/// weight comes from the inputs alone. So a frame is the same whatever the host rendered before,
/// in any order, on any thread, in tiles.
///
/// The weight of frame N−1, per source (low-resolution) pixel: the difference of the two inputs as
/// the model sees them (straight colour, clipped, encoded), blurred 3×3 signed so that noise
/// averages out, the largest channel taken; the largest value within <see cref="GuardRadius"/>
/// pixels (the model's prediction changes a few pixels around anything that moved); below
/// <see cref="StillBelow"/> the pixel is still (weight = stability × ½), above
/// <see cref="MovingAbove"/> it moved (weight 0), smoothstep between. The map is sampled
/// bilinearly at the output. ½ is the weight that makes consecutive outputs differ least for
/// independent frame-to-frame fluctuations (the difference then is (d(N+1) − d(N−1)) / 2: half the
/// per-frame one).
///
/// Before the average, the previous frame's model picture is brought to the current frame by the
/// frames' smooth change (<see cref="SmoothChange"/>: their difference over 5×5 source pixels), so
/// what changed over an area without moving (exposure, light, a codec's key frame) is followed at
/// once, and only what varies from pixel to pixel (grain, noise, compression texture, the detail
/// the model predicts from them) is averaged.
/// </summary>
public static class TemporalStability
{
    /// <summary>Frames before the current one the result depends on.</summary>
    public const int FramesBefore = 1;

    /// <summary>Blurred change (0–1 units, as the model sees it) under which a pixel counts as still: about 3 8-bit levels, above sensor and compression noise after the blur.</summary>
    public const float StillBelow = 3f / 255;

    /// <summary>Blurred change above which a pixel counts as moving (no blending at all).</summary>
    public const float MovingAbove = 8f / 255;

    /// <summary>Weight of frame N−1 in a still region at stability 1.</summary>
    public const float FullWeight = 0.5f;

    internal const int BlurRadius = 1;

    /// <summary>Source pixels around a change that still count as moving: the model's prediction shifts within its reach of a change.</summary>
    internal const int GuardRadius = 4;

    /// <summary>
    /// Radius (source pixels) of the box that low-passes the frames' change before it is carried onto
    /// the previous frame's model picture (see <see cref="Blend"/>): 5×5 source pixels.
    /// </summary>
    internal const int LowPassRadius = 2;

    internal const int Margin = BlurRadius + GuardRadius > LowPassRadius ? BlurRadius + GuardRadius : LowPassRadius;

    /// <summary>The source pixels whose weights the output window samples (bilinear, edges repeated), inside the definition.</summary>
    internal static PixelRect WeightRegion(PixelRect window, double scaleX, double scaleY, PixelRect definition)
    {
        int x1 = (int)Math.Floor((window.X1 + 0.5) / scaleX - 0.5), x2 = (int)Math.Floor((window.X2 - 0.5) / scaleX - 0.5) + 2;
        int y1 = (int)Math.Floor((window.Y1 + 0.5) / scaleY - 0.5), y2 = (int)Math.Floor((window.Y2 - 0.5) / scaleY - 0.5) + 2;
        var region = new PixelRect(
            Math.Clamp(x1, definition.X1, definition.X2 - 1), Math.Clamp(y1, definition.Y1, definition.Y2 - 1),
            Math.Clamp(x2, definition.X1 + 1, definition.X2), Math.Clamp(y2, definition.Y1 + 1, definition.Y2));
        return region;
    }

    /// <summary>
    /// Around the weights' <paramref name="region"/>: the source pixels whose blurred change the guard
    /// maximum reads, the pixels that blur reads, and the pixels the smooth change reads (all inside the
    /// definition). One place for the CPU steps and the device plan (<c>GpuTemporalStability</c>).
    /// </summary>
    internal static (PixelRect Guarded, PixelRect BlurRead, PixelRect SmoothRead) Reads(PixelRect region, PixelRect definition)
    {
        var guarded = region.Inflate(GuardRadius, GuardRadius).Intersect(definition);
        return (guarded, guarded.Inflate(BlurRadius, BlurRadius).Intersect(definition),
                region.Inflate(LowPassRadius, LowPassRadius).Intersect(definition));
    }

    /// <summary>The source pixels (of both frames) the weights of <paramref name="window"/> read.</summary>
    public static PixelRect RequiredSourceRegion(PixelRect window, double scaleX, double scaleY, PixelRect definition) =>
        WeightRegion(window, scaleX, scaleY, definition).Inflate(Margin, Margin).Intersect(definition);

    /// <summary>
    /// Weight of the previous frame per source pixel over <see cref="WeightRegion"/> (one channel).
    /// Both images cover <see cref="RequiredSourceRegion"/>; values outside the definition are its edge repeated.
    /// </summary>
    internal static FloatImage PreviousWeights(FloatImage current, FloatImage previous, PixelRect definition, PixelRect region,
                                               InputTransfer transfer, float stability)
    {
        var (guarded, read, _) = Reads(region, definition);
        if (!current.Bounds.Contains(read) || !previous.Bounds.Contains(read))
            throw new ArgumentException($"Both frames must cover {read} (current {current.Bounds}, previous {previous.Bounds}).");

        // Signed change of what the model is shown, 3 channels.
        using var change = StraightChange(current, previous, read, transfer);

        // Blurred signed change, largest channel, over the guarded region.
        using var blurred = new FloatImage(guarded, 1);
        const float inverseArea = 1f / ((2 * BlurRadius + 1) * (2 * BlurRadius + 1));
        RowBands.For(guarded.Y1, guarded.Y2, guarded.Width, (rowsFrom, rowsTo) =>
        {
            for (int y = rowsFrom; y < rowsTo; y++)
            {
                var to = blurred.Row(y);
                for (int x = guarded.X1; x < guarded.X2; x++)
                {
                    var (r, g, bl) = ClampedBoxSum(change, definition, x, y, BlurRadius);
                    to[x - guarded.X1] = MathF.Max(MathF.Abs(r), MathF.Max(MathF.Abs(g), MathF.Abs(bl))) * inverseArea;
                }
            }
        });

        // Largest change within the guard (edge repetition adds nothing to a maximum), then the weight.
        using var rowMax = new FloatImage(new PixelRect(region.X1, guarded.Y1, region.X2, guarded.Y2), 1);
        RowBands.For(guarded.Y1, guarded.Y2, guarded.Width, (rowsFrom, rowsTo) =>
        {
            for (int y = rowsFrom; y < rowsTo; y++)
            {
                var from = blurred.Row(y);
                var to = rowMax.Row(y);
                for (int x = region.X1; x < region.X2; x++)
                {
                    int x1 = Math.Max(x - GuardRadius, guarded.X1), x2 = Math.Min(x + GuardRadius, guarded.X2 - 1);
                    float m = 0;
                    for (int i = x1; i <= x2; i++) m = MathF.Max(m, from[i - guarded.X1]);
                    to[x - region.X1] = m;
                }
            }
        });
        var weights = new FloatImage(region, 1);
        float full = FullWeight * stability;
        RowBands.For(region.Y1, region.Y2, region.Width, (rowsFrom, rowsTo) =>
        {
            for (int y = rowsFrom; y < rowsTo; y++)
            {
                var to = weights.Row(y);
                int y1 = Math.Max(y - GuardRadius, guarded.Y1), y2 = Math.Min(y + GuardRadius, guarded.Y2 - 1);
                for (int x = 0; x < region.Width; x++)
                {
                    float m = 0;
                    for (int i = y1; i <= y2; i++) m = MathF.Max(m, rowMax.Row(i)[x]);
                    to[x] = full * (1f - SmoothStep(StillBelow, MovingAbove, m));
                }
            }
        });
        return weights;
    }

    /// <summary>
    /// The frames' smooth change per source pixel over <see cref="WeightRegion"/> (3 channels, straight
    /// colour clipped to 0–1 in the clip's encoding, as the model pictures are): current − previous,
    /// averaged over a (2·<see cref="LowPassRadius"/> + 1)² box, edges repeated. What changed over an
    /// area (exposure, a light, a codec's change of quantiser) is carried onto the previous frame's
    /// model picture before the two are averaged; grain, noise and the detail the model predicts are not.
    /// </summary>
    internal static FloatImage SmoothChange(FloatImage current, FloatImage previous, PixelRect definition, PixelRect region)
    {
        var read = Reads(region, definition).SmoothRead;
        if (!current.Bounds.Contains(read) || !previous.Bounds.Contains(read))
            throw new ArgumentException($"Both frames must cover {read} (current {current.Bounds}, previous {previous.Bounds}).");
        // Display is clipping alone: the model pictures' own encoding, not the model's input.
        using var change = StraightChange(current, previous, read, InputTransfer.Display);
        var smooth = new FloatImage(region, 3);
        const float inverseArea = 1f / ((2 * LowPassRadius + 1) * (2 * LowPassRadius + 1));
        RowBands.For(region.Y1, region.Y2, region.Width, (rowsFrom, rowsTo) =>
        {
            for (int y = rowsFrom; y < rowsTo; y++)
            {
                var to = smooth.Row(y);
                for (int x = region.X1; x < region.X2; x++)
                {
                    var (r, g, bl) = ClampedBoxSum(change, definition, x, y, LowPassRadius);
                    int q = (x - region.X1) * 3;
                    to[q] = r * inverseArea;
                    to[q + 1] = g * inverseArea;
                    to[q + 2] = bl * inverseArea;
                }
            }
        });
        return smooth;
    }

    private static float SmoothStep(float edge0, float edge1, float v)
    {
        float t = Math.Clamp((v - edge0) / (edge1 - edge0), 0f, 1f);
        return t * t * (3f - 2f * t);
    }

    /// <summary>
    /// model += w · (previousModel + smoothChange − model) per output pixel (3 channels, output canvas),
    /// w and smoothChange (<see cref="SmoothChange"/>) sampled bilinearly from the source canvas
    /// (see <see cref="WeightRegion"/>). The smooth change brings the previous frame's picture to the
    /// current frame's brightness before averaging: without it a change over an area below the still
    /// threshold (an exposure step, a codec's refresh) was averaged too, so the output lagged half of it
    /// behind (real footage: a frame 5.9 dB worse than per-frame, README temporal figures).
    /// </summary>
    internal static void Blend(FloatImage model, FloatImage previousModel, FloatImage weights, FloatImage smoothChange,
                               PixelRect definition, double scaleX, double scaleY)
    {
        var window = model.Bounds;
        var region = weights.Bounds;
        var columns = TemporalBlendTaps.For(window.X1, window.Width, scaleX, definition.X1, definition.X2, region.X1);
        var rows = TemporalBlendTaps.For(window.Y1, window.Height, scaleY, definition.Y1, definition.Y2, region.Y1);
        RowBands.For(window.Y1, window.Y2, window.Width, (rowsFrom, rowsTo) =>
        {
            for (int y = rowsFrom; y < rowsTo; y++)
            {
                int r = y - window.Y1;
                float fy = rows.Fraction[r];
                var row0 = weights.Row(region.Y1 + rows.First[r]);
                var row1 = weights.Row(region.Y1 + rows.Second[r]);
                var change0 = smoothChange.Row(region.Y1 + rows.First[r]);
                var change1 = smoothChange.Row(region.Y1 + rows.Second[r]);
                var to = model.Row(y);
                var from = previousModel.Row(y);
                for (int x = 0; x < window.Width; x++)
                {
                    int a = columns.First[x], b = columns.Second[x];
                    float fx = columns.Fraction[x];
                    float top = row0[a] + fx * (row0[b] - row0[a]);
                    float bottom = row1[a] + fx * (row1[b] - row1[a]);
                    float w = top + fy * (bottom - top);
                    if (w == 0f) continue;
                    int p = x * 3;
                    for (int c = 0; c < 3; c++)
                    {
                        float ca = change0[a * 3 + c] + fx * (change0[b * 3 + c] - change0[a * 3 + c]);
                        float cb = change1[a * 3 + c] + fx * (change1[b * 3 + c] - change1[a * 3 + c]);
                        to[p + c] += w * (from[p + c] + ca + fy * (cb - ca) - to[p + c]);
                    }
                }
            }
        });
    }

    /// <summary>
    /// current − previous over <paramref name="read"/>, 3 channels: straight colour (unpremultiplied)
    /// through <see cref="TransferFunctions.ToModel"/> (clipped to 0–1; sRGB-encoded for scene-linear).
    /// </summary>
    private static FloatImage StraightChange(FloatImage current, FloatImage previous, PixelRect read, InputTransfer transfer)
    {
        var change = new FloatImage(read, 3);
        int channels = current.Channels;
        RowBands.For(read.Y1, read.Y2, read.Width, (rowsFrom, rowsTo) =>
        {
            for (int y = rowsFrom; y < rowsTo; y++)
            {
                var a = current.Row(y, read.X1, read.X2);
                var b = previous.Row(y, read.X1, read.X2);
                var to = change.Row(y);
                for (int x = 0; x < read.Width; x++)
                {
                    float ia = channels == 4 ? Premultiplication.StraightFactor(a[x * 4 + 3]) : 1f;
                    float ib = channels == 4 ? Premultiplication.StraightFactor(b[x * 4 + 3]) : 1f;
                    for (int c = 0; c < 3; c++)
                        to[x * 3 + c] = TransferFunctions.ToModel(a[x * channels + c] * ia, transfer)
                                        - TransferFunctions.ToModel(b[x * channels + c] * ib, transfer);
                }
            }
        });
        return change;
    }

    /// <summary>
    /// The per-channel sum of a 3-channel image over the (2·radius+1)² square around (x, y), reads clamped
    /// into <paramref name="definition"/> (edges repeat), in row-major order (the order fixes the float sums).
    /// </summary>
    private static (float R, float G, float B) ClampedBoxSum(FloatImage image, PixelRect definition, int x, int y, int radius)
    {
        float r = 0, g = 0, b = 0;
        for (int dy = -radius; dy <= radius; dy++)
        {
            var row = image.Row(Math.Clamp(y + dy, definition.Y1, definition.Y2 - 1));
            for (int dx = -radius; dx <= radius; dx++)
            {
                int p = (Math.Clamp(x + dx, definition.X1, definition.X2 - 1) - image.Bounds.X1) * 3;
                r += row[p];
                g += row[p + 1];
                b += row[p + 2];
            }
        }
        return (r, g, b);
    }
}
