using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// The eval's static-background flicker (issue 14's first measure) under its two readings of
/// "the originals change by less than 1/255": in every channel, or in Y alone.
/// </summary>
public sealed class StaticFlickerMaskTests
{
    private const float Level = 1f / 255;

    /// <summary>A 20×20 grey frame; pixel (10, 10) gets <paramref name="r"/>, <paramref name="g"/>, <paramref name="b"/> levels added.</summary>
    private static FloatImage Frame(int r, int g, int b)
    {
        var frame = new FloatImage(PixelRect.FromSize(20, 20), 3);
        frame.Pixels.Fill(100 * Level);
        var row = frame.Row(10);
        row[30] += r * Level;
        row[31] += g * Level;
        row[32] += b * Level;
        return frame;
    }

    [Fact]
    public void A_pixel_whose_channels_change_but_whose_luma_does_not_counts_only_under_the_luma_mask()
    {
        // Original pixel (10, 10): R +2, G −1, B 0 → ΔY = (0.598 − 0.587) levels, under 1 level; R moved 2 levels.
        FloatImage[] originals = [Frame(0, 0, 0), Frame(2, -1, 0)];
        // The output changes by 4 levels in Y at that pixel only.
        FloatImage[] outputs = [Frame(0, 0, 0), Frame(4, 4, 4)];
        // 4×4 pixels left after a border of 8; every other pixel is unchanged.
        var everyChannel = TemporalClips.StaticFlicker(originals, outputs, border: 8);
        var luma = TemporalClips.StaticFlicker(originals, outputs, border: 8, lumaMask: true);

        Assert.Equal(15, everyChannel.Pixels);
        Assert.Equal(0, everyChannel.Levels, 6);
        Assert.Equal(16, luma.Pixels);
        Assert.Equal(4.0 / 16, luma.Levels, 4);
        // The originals' own flicker under the luma mask is that pixel's sub-level ΔY: not zero, as in issue 14's table.
        Assert.Equal(0.011 / 16, TemporalClips.StaticFlicker(originals, originals, border: 8, lumaMask: true).Levels, 4);
    }
}
