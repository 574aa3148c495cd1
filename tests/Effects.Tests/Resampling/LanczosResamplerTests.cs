using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.TestSupport;
using Xunit;
using static Enhance.Effects.Tests.Resampling.ResamplingFixtures;

namespace Enhance.Effects.Tests.Resampling;

public class LanczosResamplerTests
{
    [Theory]
    [InlineData(2.0, 2.0, 4)]
    [InlineData(2.5, 2.5, 3)]
    [InlineData(3.7, 1.3, 1)]
    [InlineData(0.5, 0.5, 4)]
    [InlineData(0.37, 0.8, 3)]
    [InlineData(1.0, 1.0, 4)]
    public void ConstantImageStaysConstant(double sx, double sy, int channels)
    {
        var definition = new PixelRect(-7, 3, 53, 44);
        using var source = new FloatImage(definition, channels);
        float[] value = [0.3f, 0.6f, 0.9f, 1f];
        for (int i = 0; i < source.Pixels.Length; i++) source.Pixels[i] = value[i % channels];

        using var output = Render(source, definition, ScaledBounds(definition, sx, sy), sx, sy);

        for (int i = 0; i < output.Pixels.Length; i++)
            Assert.Equal(value[i % channels], output.Pixels[i], 1e-5f);
    }

    [Theory]
    [InlineData(2.0, 2.0, 4)]
    [InlineData(2.5, 2.5, 3)]
    [InlineData(3.7, 1.6, 4)]
    [InlineData(1.3, 2.9, 1)]
    [InlineData(0.5, 0.5, 3)]
    [InlineData(0.43, 0.71, 4)]
    public void MatchesADirectDoublePrecisionLanczosSum(double sx, double sy, int channels)
    {
        // A small crop of a real photo, with bounds away from the origin, including the edges
        // (where clamping folds the kernel) and a window that starts before the image.
        using var photo = Photo("chelsea", channels, maxSide: 48);
        using var source = Moved(photo, 11, -5);
        var definition = source.Bounds;
        var window = ScaledBounds(definition, sx, sy).Inflate(3, 2);

        using var output = Render(source, definition, window, sx, sy);

        double worst = 0;
        for (int y = window.Y1; y < window.Y2; y++)
            for (int x = window.X1; x < window.X2; x++)
                for (int c = 0; c < channels; c++)
                    worst = Math.Max(worst, Math.Abs(output.At(x, y, c) - Reference(source, definition, sx, sy, x, y, c)));
        Assert.True(worst < 2e-5, $"largest difference from the reference: {worst}");
    }

    // libvips has no Lanczos-3 upsampler to compare with: resize() upsizes through affine() with a
    // bicubic interpolator whatever the kernel, and reduce() refuses factors below 1. Its reduce()
    // is a true Lanczos-3 (kernel stretched by the factor, centre convention, edges copied), so
    // downscaling is compared with it; upscaling is checked against the direct sum above and, for
    // its geometry (a half-pixel shift would show), against libvips' bicubic 2x.
    [Fact]
    public void HalfSizeDownscaleOfAPhotoMatchesLibvipsReduceLanczos3()
    {
        using var photo = ImageFiles.Load(TestImages.Photo("astronaut"), 3, maxSide: 384);
        using var ours = Render(photo, photo.Bounds, ScaledBounds(photo.Bounds, 0.5, 0.5), 0.5, 0.5);
        using var theirs = Libvips(photo, v => v.Reduce(2, 2, kernel: NetVips.Enums.Kernel.Lanczos3));

        Assert.Equal(ours.Bounds, theirs.Bounds);
        double psnr = QualityMetrics.Psnr(ours, theirs, border: 4);
        Assert.True(psnr >= 40, $"PSNR against libvips reduce(2, lanczos3): {psnr:F2} dB");
    }

    [Fact]
    public void TwoTimesUpscaleOfAPhotoLinesUpWithLibvips()
    {
        using var photo = ImageFiles.Load(TestImages.Photo("astronaut"), 3, maxSide: 256);
        using var ours = Render(photo, photo.Bounds, ScaledBounds(photo.Bounds, 2, 2), 2, 2);
        using var theirs = Libvips(photo, v => v.Resize(2, kernel: NetVips.Enums.Kernel.Lanczos3));
        using var shifted = Render(photo, photo.Bounds, ScaledBounds(photo.Bounds, 2, 2).Offset(1, 1), 2, 2);
        using var shiftedBack = Moved(shifted, 0, 0);

        double psnr = QualityMetrics.Psnr(ours, theirs, border: 4);
        double shiftedPsnr = QualityMetrics.Psnr(shiftedBack, theirs, border: 4);
        // Lanczos-3 vs bicubic on the same grid differ only in sharpness; one output pixel off the grid is far worse.
        Assert.True(psnr >= 30 && psnr > shiftedPsnr + 3, $"PSNR against libvips 2x: {psnr:F2} dB, one pixel off: {shiftedPsnr:F2} dB");
    }

    [Theory]
    [InlineData(2.0, 2.0)]
    [InlineData(2.5, 3.7)]
    [InlineData(0.6, 0.45)]
    [InlineData(1.7, 0.8)]
    public void TiledRenderEqualsUntiledExactly(double sx, double sy)
    {
        using var photo = Photo("coffee", 4, maxSide: 160);
        using var source = Moved(photo, -30, 17);
        var definition = source.Bounds;
        var full = ScaledBounds(definition, sx, sy);
        using var untiled = Render(source, definition, full, sx, sy);

        var random = new Random(1234);
        for (int y = full.Y1; y < full.Y2;)
        {
            int h = random.Next(1, 70);
            for (int x = full.X1; x < full.X2;)
            {
                int w = random.Next(1, 90);
                var tile = new PixelRect(x, y, Math.Min(full.X2, x + w), Math.Min(full.Y2, y + h));
                var needed = LanczosResampler.RequiredSourceRegion(tile, sx, sy, definition);
                Assert.True(definition.Contains(needed), $"{needed} is not inside {definition}");
                using var partial = Crop(source, needed);
                using var tiled = Render(partial, definition, tile, sx, sy);
                Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(tiled, untiled));
                x = tile.X2;
            }
            y = Math.Min(full.Y2, y + h);
        }
    }

    [Fact]
    public void DownscalingAntialiasesFinePattern()
    {
        // One-pixel vertical stripes are far above the output's Nyquist limit at 0.37×: a filter
        // that does not stretch its kernel would alias them into strong false bands.
        var definition = PixelRect.FromSize(300, 40);
        using var stripes = new FloatImage(definition, 1);
        for (int y = 0; y < 40; y++)
            for (int x = 0; x < 300; x++) stripes.At(x, y, 0) = x % 2;

        using var output = Render(stripes, definition, ScaledBounds(definition, 0.37, 0.37), 0.37, 0.37);

        for (int y = output.Bounds.Y1; y < output.Bounds.Y2; y++)
            for (int x = output.Bounds.X1 + 3; x < output.Bounds.X2 - 3; x++)
                Assert.InRange(output.At(x, y, 0), 0.45f, 0.55f);
    }

    [Fact]
    public void PremultipliedAlphaEdgeHasNoDarkFringe()
    {
        // Opaque red next to fully transparent pixels: after upscaling, wherever anything is
        // visible its straight colour must still be pure red (no black mixed in at the edge).
        var definition = PixelRect.FromSize(24, 12);
        using var source = new FloatImage(definition, 4);
        for (int y = 0; y < 12; y++)
            for (int x = 0; x < 11; x++) { source.At(x, y, 0) = 1; source.At(x, y, 3) = 1; }

        using var output = Render(source, definition, ScaledBounds(definition, 3.3, 3.3), 3.3, 3.3);

        int edgePixels = 0;
        var px = output.Pixels;
        for (int i = 0; i < px.Length; i += 4)
        {
            float a = px[i + 3];
            if (a < 0.02f) continue;
            if (a < 0.98f) edgePixels++;
            Assert.Equal(1f, px[i] / a, 1e-4f);
            Assert.Equal(0f, px[i + 1] / a, 1e-6f);
            Assert.Equal(0f, px[i + 2] / a, 1e-6f);
        }
        Assert.True(edgePixels > 10, "the test image should have a soft edge after resampling");
    }

    [Fact]
    public void OffsetSourceBoundsGiveTheSamePictureShifted()
    {
        using var photo = Photo("astronaut", 3, maxSide: 80);
        using var moved = Moved(photo, 40, -20);
        using var atOrigin = Render(photo, photo.Bounds, ScaledBounds(photo.Bounds, 2.5, 2), 2.5, 2);
        // 40 source pixels are exactly 100 output pixels at 2.5×; -20 are -40 at 2×.
        using var shifted = Render(moved, moved.Bounds, ScaledBounds(moved.Bounds, 2.5, 2), 2.5, 2);

        Assert.Equal(atOrigin.Bounds.Offset(100, -40), shifted.Bounds);
        using var back = Moved(shifted, atOrigin.Bounds.X1, atOrigin.Bounds.Y1);
        Assert.True(QualityMetrics.MaxAbsoluteDifference(atOrigin, back) < 1e-5);
    }

    [Fact]
    public void HdrAndNegativeValuesAreNotClamped()
    {
        var definition = PixelRect.FromSize(16, 16);
        using var source = new FloatImage(definition, 1);
        source.Pixels.Fill(0.1f);
        source.At(8, 8, 0) = 40f;

        using var output = Render(source, definition, ScaledBounds(definition, 2, 2), 2, 2);

        float max = float.MinValue, min = float.MaxValue;
        foreach (float v in output.Pixels) { max = Math.Max(max, v); min = Math.Min(min, v); }
        Assert.True(max > 20f, $"highlight lost: max {max}");
        Assert.True(min < 0f, $"Lanczos' negative lobe should survive: min {min}");
    }

    [Fact]
    public void SourceThatDoesNotCoverTheNeededRegionIsRejected()
    {
        var definition = PixelRect.FromSize(100, 100);
        var window = new PixelRect(50, 50, 90, 90);
        var needed = LanczosResampler.RequiredSourceRegion(window, 2, 2, definition);
        using var tooSmall = new FloatImage(needed.Inflate(-1, -1), 4);
        using var output = new FloatImage(window, 4);
        Assert.Throws<ArgumentException>(() => LanczosResampler.Resample(tooSmall, definition, output, 2, 2));
    }

    [Fact]
    public void RequiredRegionStaysInsideTheDefinitionFarOutsideIt()
    {
        var definition = new PixelRect(10, 10, 50, 30);
        var window = new PixelRect(500, -300, 520, -280);
        var needed = LanczosResampler.RequiredSourceRegion(window, 2, 2, definition);
        Assert.True(definition.Contains(needed), $"{needed}");
        Assert.False(needed.IsEmpty);
    }

    private static FloatImage Libvips(FloatImage image, Func<NetVips.Image, NetVips.Image> operation)
    {
        using var vips = NetVips.Image.NewFromMemory(image.Pixels.ToArray(), image.Width, image.Height, image.Channels, NetVips.Enums.BandFormat.Float);
        using var result = operation(vips);
        var data = result.WriteToMemory<float>();
        var image2 = new FloatImage(PixelRect.FromSize(result.Width, result.Height), image.Channels);
        data.AsSpan(0, image2.Pixels.Length).CopyTo(image2.Pixels);
        return image2;
    }
}
