using Enhance.Effects.Imaging;

namespace Enhance.TestSupport;

/// <summary>
/// Synthetic video for Upscale's temporal mode (issue 14): a static textured background (a real
/// photograph, or any picture) seen by a still camera with fresh sensor noise every frame, and
/// something that moves across it. Deterministic: the same arguments give the same frames.
/// </summary>
public static class TemporalClips
{
    /// <summary>
    /// <paramref name="count"/> RGB frames: <paramref name="background"/> (3 channels) with a bright
    /// vertical bar <paramref name="barWidth"/> pixels wide moving right by <paramref name="step"/>
    /// pixels a frame from x = <paramref name="startX"/>, Gaussian noise of
    /// <paramref name="noiseSigma"/> (0–1 units) per pixel and frame, quantised to 8 bits when asked.
    /// </summary>
    public static FloatImage[] MovingBar(FloatImage background, int count, int startX, int step, int barWidth = 6,
                                        float noiseSigma = 2f / 255, bool quantise = true, int seed = 14)
    {
        var frames = new FloatImage[count];
        for (int f = 0; f < count; f++)
        {
            var frame = background.Clone();
            int x1 = startX + f * step;
            for (int y = frame.Bounds.Y1; y < frame.Bounds.Y2; y++)
                for (int x = Math.Max(x1, frame.Bounds.X1); x < Math.Min(x1 + barWidth, frame.Bounds.X2); x++)
                    for (int c = 0; c < 3; c++) frame.At(x, y, c) = 0.95f;
            AddNoise(frame, noiseSigma, seed * 7919 + f, quantise);
            frames[f] = frame;
        }
        return frames;
    }

    /// <summary>
    /// <paramref name="count"/> RGB frames: <paramref name="background"/> (3 channels) with
    /// <paramref name="patch"/> (3 channels, smaller) pasted at (x0 + f·dx, y0 + f·dy), Gaussian noise
    /// of <paramref name="noiseSigma"/> per pixel and frame, quantised to 8 bits.
    /// </summary>
    public static FloatImage[] MovingPatch(FloatImage background, FloatImage patch, int count, int x0, int y0, int dx, int dy,
                                           float noiseSigma, int seed = 14)
    {
        var frames = new FloatImage[count];
        for (int f = 0; f < count; f++)
        {
            var frame = background.Clone();
            int px = x0 + f * dx, py = y0 + f * dy;
            for (int y = 0; y < patch.Height; y++)
                for (int x = 0; x < patch.Width; x++)
                {
                    int fx = frame.Bounds.X1 + px + x, fy = frame.Bounds.Y1 + py + y;
                    if (!frame.Bounds.Contains(fx, fy)) continue;
                    for (int c = 0; c < 3; c++) frame.At(fx, fy, c) = patch.At(patch.Bounds.X1 + x, patch.Bounds.Y1 + y, c);
                }
            AddNoise(frame, noiseSigma, seed * 7919 + f, quantise: true);
            frames[f] = frame;
        }
        return frames;
    }

    /// <summary>Adds Gaussian noise (Box–Muller, seeded) and clamps to 0–1, quantising to 8-bit levels when asked.</summary>
    public static void AddNoise(FloatImage frame, float sigma, int seed, bool quantise)
    {
        var random = new Random(seed);
        var px = frame.Pixels;
        for (int i = 0; i < px.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            float n = sigma * (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            float v = Math.Clamp(px[i] + n, 0f, 1f);
            px[i] = quantise ? MathF.Round(v * 255f) / 255f : v;
        }
    }

    /// <summary>
    /// Static-background flicker (issue 14's measure): mean |ΔY| (BT.601, in 8-bit levels) between
    /// consecutive <paramref name="outputs"/>, over the pixels where consecutive
    /// <paramref name="originals"/> differ by less than <paramref name="threshold"/> in every channel
    /// (or, with <paramref name="lumaMask"/>, in Y alone: the reading under which the issue's own
    /// originals change by 0.043 levels there, where 8-bit originals equal in every channel cannot
    /// change at all), a border left out. Returns the mean and the pixel count it covers.
    /// </summary>
    public static (double Levels, long Pixels) StaticFlicker(IReadOnlyList<FloatImage> originals, IReadOnlyList<FloatImage> outputs,
                                                            int border, float threshold = 1f / 255, bool lumaMask = false)
    {
        double sum = 0;
        long n = 0;
        for (int f = 1; f < outputs.Count; f++)
        {
            var a = originals[f - 1]; var b = originals[f];
            var p = outputs[f - 1]; var q = outputs[f];
            for (int y = border; y < a.Height - border; y++)
            {
                var ra = a.Row(a.Bounds.Y1 + y); var rb = b.Row(b.Bounds.Y1 + y);
                var rp = p.Row(p.Bounds.Y1 + y); var rq = q.Row(q.Bounds.Y1 + y);
                for (int x = border; x < a.Width - border; x++)
                {
                    int i = x * 3;
                    // 1e-6 of slack: one 8-bit level, (k + 1)/255 − k/255 in floats, can fall a hair short of 1/255.
                    if (lumaMask
                            ? Math.Abs(0.299 * (ra[i] - rb[i]) + 0.587 * (ra[i + 1] - rb[i + 1]) + 0.114 * (ra[i + 2] - rb[i + 2])) >= threshold - 1e-6f
                            : MathF.Abs(ra[i] - rb[i]) >= threshold - 1e-6f || MathF.Abs(ra[i + 1] - rb[i + 1]) >= threshold - 1e-6f ||
                              MathF.Abs(ra[i + 2] - rb[i + 2]) >= threshold - 1e-6f) continue;
                    int j = x * p.Channels, k = x * q.Channels;
                    double yp = 0.299 * rp[j] + 0.587 * rp[j + 1] + 0.114 * rp[j + 2];
                    double yq = 0.299 * rq[k] + 0.587 * rq[k + 1] + 0.114 * rq[k + 2];
                    sum += Math.Abs(yp - yq) * 255;
                    n++;
                }
            }
        }
        return (n == 0 ? double.NaN : sum / n, n);
    }
}
