using Enhance.Effects.Imaging;

namespace Enhance.TestSupport;

/// <summary>
/// Issue 14's motion-compensated flicker: the warp error between consecutive outputs, with the
/// motion measured on the originals, over the regions that move.
///
/// Motion: integer block matching on the originals' luma (BT.601), backward (for each 16×16 block
/// of frame N, the displacement v, |v| ≤ <c>range</c>, whose block in frame N−1 matches best by sum
/// of absolute differences). Coarse to fine: a full search on both frames reduced 2×2 by averaging
/// (8×8 blocks, ±range/2), then ±1 pixel around twice that vector at full resolution. The zero vector
/// wins unless another is better by more than half a level per pixel (noise alone does not move a block).
///
/// Per pixel p of frame N, with its block's vector v: the flow explains the originals there when
/// |Y_orig[N](p) − Y_orig[N−1](p+v)| &lt; <see cref="ExplainedBelow"/> (this leaves out occlusions,
/// newly revealed content and edges the integer vector misplaces); the pixel moves when v ≠ 0.
/// Warp error = mean |Y_out[N](p) − Y_out[N−1](p+v)| in 8-bit levels over the pixels that move and
/// are explained, a border left out. A method that keeps its predicted detail attached to what moves
/// scores low; one whose detail boils or trails scores high.
/// </summary>
public static class MotionCompensatedFlicker
{
    public const int Block = 16;

    /// <summary>Original luma residual after the warp under which the flow counts as explaining a pixel: 3 8-bit levels.</summary>
    public const float ExplainedBelow = 3f / 255;

    /// <summary>Per-frame motion of a clip's originals: vectors[f] maps frame f's blocks into frame f−1 (null for frame 0).</summary>
    public sealed record Motion(int BlocksX, int BlocksY, (int Dx, int Dy)[]?[] Vectors, bool[]?[] Explained)
    {
        /// <summary>Share of frame pixels (frames 1..N−1) that move and are explained.</summary>
        public double MovingShare { get; init; }

        /// <summary>Share of frame pixels (frames 1..N−1) that stay still (zero vector) and are explained.</summary>
        public double StillShare { get; init; }
    }

    public static Motion Estimate(IReadOnlyList<FloatImage> originals, int range = 16, int border = 8)
    {
        int n = originals.Count, w = originals[0].Width, h = originals[0].Height;
        int bx = w / Block, by = h / Block;
        var lumas = originals.Select(Luma).ToArray();
        var halves = lumas.Select(l => Half(l, w, h)).ToArray();
        var vectors = new (int, int)[]?[n];
        var explained = new bool[]?[n];
        long moving = 0, still = 0, total = 0;
        for (int f = 1; f < n; f++)
        {
            var v = new (int Dx, int Dy)[bx * by];
            Parallel.For(0, by, j =>
            {
                for (int i = 0; i < bx; i++)
                {
                    var coarse = Search(halves[f], halves[f - 1], w / 2, h / 2, i * Block / 2, j * Block / 2, Block / 2, 0, 0, range / 2);
                    v[j * bx + i] = Search(lumas[f], lumas[f - 1], w, h, i * Block, j * Block, Block, coarse.Dx * 2, coarse.Dy * 2, 1);
                }
            });
            var ok = new bool[w * h];
            for (int y = border; y < h - border; y++)
                for (int x = border; x < w - border; x++)
                {
                    var (dx, dy) = v[Math.Min(y / Block, by - 1) * bx + Math.Min(x / Block, bx - 1)];
                    int px = x + dx, py = y + dy;
                    if (px < border || py < border || px >= w - border || py >= h - border) continue;
                    ok[y * w + x] = MathF.Abs(lumas[f][y * w + x] - lumas[f - 1][py * w + px]) < ExplainedBelow;
                    total++;
                    if (ok[y * w + x] && (dx != 0 || dy != 0)) moving++;
                    if (ok[y * w + x] && dx == 0 && dy == 0) still++;
                }
            vectors[f] = v;
            explained[f] = ok;
        }
        return new Motion(bx, by, vectors, explained) { MovingShare = total == 0 ? 0 : (double)moving / total, StillShare = total == 0 ? 0 : (double)still / total };
    }

    /// <summary>Warp error (8-bit levels) of <paramref name="outputs"/> (same size as the originals) over the moving, explained pixels.</summary>
    public static double WarpError(Motion motion, IReadOnlyList<FloatImage> outputs, int border = 8) =>
        MeanLumaChange(motion, outputs, border, moving: true);

    /// <summary>
    /// Flicker (mean |ΔY|, 8-bit levels) of <paramref name="outputs"/> over the still background as the
    /// motion sees it: zero vector and explained (the originals changed there by less than
    /// <see cref="ExplainedBelow"/>: noise and compression, nothing that moves). Unlike issue 14's mask
    /// (originals changed by less than 1/255) it keeps the pixels where the camera's noise or the codec
    /// changed the picture, which on compressed footage are the ones that flicker.
    /// </summary>
    public static double StillFlicker(Motion motion, IReadOnlyList<FloatImage> outputs, int border = 8) =>
        MeanLumaChange(motion, outputs, border, moving: false);

    /// <summary>
    /// Mean |Y(frame) − Y(previous frame, displaced by the pixel's block vector)| in 8-bit levels, over the
    /// explained pixels whose vector is non-zero (<paramref name="moving"/>) or zero (still background).
    /// </summary>
    private static double MeanLumaChange(Motion motion, IReadOnlyList<FloatImage> outputs, int border, bool moving)
    {
        int w = outputs[0].Width, h = outputs[0].Height;
        double sum = 0;
        long count = 0;
        for (int f = 1; f < outputs.Count; f++)
        {
            var v = motion.Vectors[f]!;
            var ok = motion.Explained[f]!;
            var a = Luma(outputs[f - 1]);
            var b = Luma(outputs[f]);
            for (int y = border; y < h - border; y++)
                for (int x = border; x < w - border; x++)
                {
                    if (!ok[y * w + x]) continue;
                    var (dx, dy) = v[Math.Min(y / Block, motion.BlocksY - 1) * motion.BlocksX + Math.Min(x / Block, motion.BlocksX - 1)];
                    if ((dx != 0 || dy != 0) != moving) continue;
                    sum += Math.Abs(b[y * w + x] - a[(y + dy) * w + x + dx]) * 255.0;
                    count++;
                }
        }
        return count == 0 ? double.NaN : sum / count;
    }

    private static float[] Luma(FloatImage image)
    {
        int w = image.Width, h = image.Height, c = image.Channels;
        var y = new float[w * h];
        for (int j = 0; j < h; j++)
        {
            var row = image.Row(image.Bounds.Y1 + j);
            for (int i = 0; i < w; i++) y[j * w + i] = 0.299f * row[i * c] + 0.587f * row[i * c + 1] + 0.114f * row[i * c + 2];
        }
        return y;
    }

    private static float[] Half(float[] luma, int w, int h)
    {
        int hw = w / 2, hh = h / 2;
        var half = new float[hw * hh];
        for (int j = 0; j < hh; j++)
            for (int i = 0; i < hw; i++)
                half[j * hw + i] = 0.25f * (luma[2 * j * w + 2 * i] + luma[2 * j * w + 2 * i + 1] + luma[(2 * j + 1) * w + 2 * i] + luma[(2 * j + 1) * w + 2 * i + 1]);
        return half;
    }

    /// <summary>Best displacement of the block at (x0, y0) of <paramref name="current"/> into <paramref name="previous"/> within ±radius of (cx, cy), zero favoured.</summary>
    private static (int Dx, int Dy) Search(float[] current, float[] previous, int w, int h, int x0, int y0, int size, int cx, int cy, int radius)
    {
        float bestSad = float.MaxValue;
        (int, int) best = (cx, cy);
        float zeroSad = float.NaN;
        for (int dy = cy - radius; dy <= cy + radius; dy++)
            for (int dx = cx - radius; dx <= cx + radius; dx++)
            {
                if (x0 + dx < 0 || y0 + dy < 0 || x0 + dx + size > w || y0 + dy + size > h) continue;
                float sad = 0;
                for (int j = 0; j < size; j++)
                {
                    int a = (y0 + j) * w + x0, b = (y0 + dy + j) * w + x0 + dx;
                    for (int i = 0; i < size; i++) sad += MathF.Abs(current[a + i] - previous[b + i]);
                }
                if (dx == 0 && dy == 0) zeroSad = sad;
                if (sad < bestSad) { bestSad = sad; best = (dx, dy); }
            }
        // Noise alone does not move a block: zero wins unless beaten by more than half a level per pixel.
        if (!float.IsNaN(zeroSad) && zeroSad <= bestSad + size * size * 0.5f / 255) return (0, 0);
        return best;
    }
}
