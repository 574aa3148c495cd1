using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

/// <summary>Same frame, time, seed and settings → same pixels, in any tile or render window.</summary>
public class GrainRendererDeterminismTests
{
    private static readonly GrainSettings Colour = new() { Amount = 0.05, Size = 3, Softness = 0.3, Seed = 42, Saturation = 0.7 };

    private static FloatImage Render(FloatImage source, PixelRect window, GrainSettings settings, double time = 5, int frameHeight = 300)
    {
        var output = new FloatImage(window, source.Channels);
        GrainRenderer.Apply(source, output, settings, null, time, frameHeight, 1.0);
        return output;
    }

    [Theory]
    [InlineData(64, 48)]
    [InlineData(37, 29)]
    [InlineData(5, 300)]
    public void TilesMatchTheWholeFrameExactly(int tileWidth, int tileHeight)
    {
        using var photo = GrainTestImages.Photo("astronaut", 300);
        var frame = photo.Bounds;
        using var whole = Render(photo, frame, Colour with { Space = GrainSpace.Log });
        for (int y = frame.Y1; y < frame.Y2; y += tileHeight)
            for (int x = frame.X1; x < frame.X2; x += tileWidth)
            {
                var window = new PixelRect(x, y, Math.Min(frame.X2, x + tileWidth), Math.Min(frame.Y2, y + tileHeight));
                using var tile = Render(photo, window, Colour with { Space = GrainSpace.Log });
                for (int row = window.Y1; row < window.Y2; row++)
                    Assert.True(tile.Row(row).SequenceEqual(whole.Row(row, window.X1, window.X2)), $"tile {window} differs on row {row}");
            }
    }

    [Fact]
    public void WindowsAtNegativeCanvasCoordinatesAgree()
    {
        var canvas = new PixelRect(-70, -33, 90, 61);
        using var source = GrainTestImages.Flat(canvas, 3, 0.4f);
        using var whole = Render(source, canvas, Colour);
        var window = new PixelRect(-41, -20, 13, 7);
        using var part = Render(source, window, Colour);
        for (int y = window.Y1; y < window.Y2; y++)
            Assert.True(part.Row(y).SequenceEqual(whole.Row(y, window.X1, window.X2)));
    }

    [Fact]
    public void SameInputsGiveIdenticalPixels()
    {
        using var photo = GrainTestImages.Photo("coffee", 256);
        using var a = Render(photo, photo.Bounds, Colour);
        using var b = Render(photo, photo.Bounds, Colour);
        Assert.True(a.Pixels.SequenceEqual(b.Pixels));
    }

    [Fact]
    public void AnimatedGrainChangesEveryFrame()
    {
        using var grey = GrainTestImages.Flat(PixelRect.FromSize(64, 64), 4, 0.5f);
        using var frame1 = Render(grey, grey.Bounds, Colour, time: 1);
        using var frame2 = Render(grey, grey.Bounds, Colour, time: 2);
        using var frame1Again = Render(grey, grey.Bounds, Colour, time: 1.4); // sub-frame sample keeps its frame's grain
        Assert.False(frame1.Pixels.SequenceEqual(frame2.Pixels));
        Assert.True(frame1.Pixels.SequenceEqual(frame1Again.Pixels));
    }

    [Fact]
    public void StaticGrainIsTheSameOnEveryFrame()
    {
        var settings = Colour with { Animation = GrainAnimation.Static };
        using var grey = GrainTestImages.Flat(PixelRect.FromSize(64, 64), 4, 0.5f);
        using var frame1 = Render(grey, grey.Bounds, settings, time: 1);
        using var frame90 = Render(grey, grey.Bounds, settings, time: 90);
        Assert.True(frame1.Pixels.SequenceEqual(frame90.Pixels));
    }

    [Fact]
    public void HeldGrainChangesEveryNFrames()
    {
        var settings = Colour with { Animation = GrainAnimation.Hold, HoldFrames = 3 };
        using var grey = GrainTestImages.Flat(PixelRect.FromSize(48, 48), 4, 0.5f);
        var frames = Enumerable.Range(-3, 9).Select(t => Render(grey, grey.Bounds, settings, time: t)).ToList();
        for (int i = 0; i < frames.Count; i++)
            for (int j = 0; j < frames.Count; j++)
            {
                bool sameGroup = Math.Floor((i - 3) / 3.0) == Math.Floor((j - 3) / 3.0);
                Assert.Equal(sameGroup, frames[i].Pixels.SequenceEqual(frames[j].Pixels));
            }
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public void SeedChangesThePattern()
    {
        using var grey = GrainTestImages.Flat(PixelRect.FromSize(64, 64), 3, 0.5f);
        using var a = Render(grey, grey.Bounds, Colour);
        using var b = Render(grey, grey.Bounds, Colour with { Seed = 43 });
        Assert.False(a.Pixels.SequenceEqual(b.Pixels));
    }

    [Fact]
    public void AlphaIsUntouchedAndTransparentPixelsGetNoGrain()
    {
        using var source = GrainTestImages.Flat(PixelRect.FromSize(40, 40), 4, 0.3f, alpha: 0.6f);
        source.At(5, 5, 0) = source.At(5, 5, 1) = source.At(5, 5, 2) = source.At(5, 5, 3) = 0f;
        using var output = Render(source, source.Bounds, Colour);
        for (int y = 0; y < 40; y++)
            for (int x = 0; x < 40; x++)
                Assert.Equal(source.At(x, y, 3), output.At(x, y, 3));
        Assert.Equal(0f, output.At(5, 5, 0));
        Assert.NotEqual(source.At(6, 6, 0), output.At(6, 6, 0));
    }

    [Fact]
    public void RequiredInputIsTheRenderWindow()
    {
        var window = new PixelRect(-5, 3, 100, 80);
        Assert.Equal(window, GrainRenderer.RequiredInputRegion(window));
    }
}
