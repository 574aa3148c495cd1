using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static Enhance.Effects.Tests.Upscale.UpscaleFixtures;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>The eval's motion-compensated flicker (issue 14's second measure) finds a known motion and scores a steady picture low.</summary>
public sealed class MotionCompensatedFlickerTests(ITestOutputHelper output)
{
    /// <summary>
    /// Frames of a textured photograph (gravel: every block has something to match; on flat areas the
    /// vector is ambiguous, which the measure leaves to its "explained" test) panned by (dx, dy) pixels a
    /// frame (a window moving over it), with fresh noise.
    /// </summary>
    private static FloatImage[] Pan(int count, int dx, int dy, float noise)
    {
        using var photo = Photo("gravel", 3, maxSide: 256);
        const int w = 128, h = 96;
        var frames = new FloatImage[count];
        for (int f = 0; f < count; f++)
        {
            int x0 = 64 + f * dx, y0 = 64 + f * dy;
            var frame = new FloatImage(PixelRect.FromSize(w, h), 3);
            for (int y = 0; y < h; y++) photo.Row(y0 + y, x0, x0 + w).CopyTo(frame.Row(y));
            TemporalClips.AddNoise(frame, noise, 90 + f, quantise: true);
            frames[f] = frame;
        }
        return frames;
    }

    [Fact]
    public void APanIsFoundAndASteadyPictureOnItScoresLow()
    {
        // The window moves right 3 and up 2 a frame: the picture moves left 3, down 2; frame N's
        // pixel p is frame N−1's p + (3, −2).
        var frames = Pan(4, 3, -2, 0.5f / 255);
        var motion = MotionCompensatedFlicker.Estimate(frames);
        // Blocks whose true match lies inside frame N−1 (not the last column, not the first row).
        int right = 0, all = 0;
        var wrong = new List<(int, int)>();
        for (int f = 1; f < frames.Length; f++)
            for (int j = 1; j < motion.BlocksY; j++)
                for (int i = 0; i < motion.BlocksX - 1; i++)
                {
                    var v = motion.Vectors[f]![j * motion.BlocksX + i];
                    all++;
                    if (v == (3, -2)) right++; else wrong.Add(v);
                }
        output.WriteLine("wrong: " + string.Join(" ", wrong));
        double originals = MotionCompensatedFlicker.WarpError(motion, frames);
        // The same motion with detail that boils: fresh noise of 3 levels on every frame.
        var boiling = frames.Select(f => f.Clone()).ToArray();
        for (int f = 0; f < boiling.Length; f++) TemporalClips.AddNoise(boiling[f], 3f / 255, 500 + f, quantise: false);
        double boils = MotionCompensatedFlicker.WarpError(motion, boiling);
        output.WriteLine($"vectors right {right}/{all}; moving and explained {motion.MovingShare:P0}; warp error originals {originals:F3}, boiling {boils:F3} levels");
        Assert.True(right >= 0.9 * all, $"only {right} of {all} block vectors found the pan");
        Assert.True(motion.MovingShare > 0.6, $"only {motion.MovingShare:P0} of the pixels count as moving and explained");
        Assert.True(originals < 0.8 && boils > 2 * originals, $"warp error {originals:F3} for the pan, {boils:F3} with boiling detail");
        foreach (var f in frames.Concat(boiling)) f.Dispose();
    }

    [Fact]
    public void NoiseAloneDoesNotMoveABlock()
    {
        var frames = Pan(3, 0, 0, 2f / 255);
        var motion = MotionCompensatedFlicker.Estimate(frames);
        int still = motion.Vectors.Skip(1).SelectMany(v => v!).Count(v => v == (0, 0));
        int all = motion.Vectors.Skip(1).Sum(v => v!.Length);
        output.WriteLine($"zero vectors {still}/{all}, still share {motion.StillShare:P0}");
        Assert.Equal(all, still);
        foreach (var f in frames) f.Dispose();
    }
}
