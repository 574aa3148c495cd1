using Enhance.Effects.Imaging;
using Enhance.Plugin.Host.Rendering;
using Enhance.Plugin.OfxBridge.Interop;
using Xunit;

namespace Enhance.Plugin.Tests;

/// <summary>
/// Canonical ↔ pixel conversions with the OFX rule: pixel x = canonical x × render scale ÷ pixel
/// aspect. A PAL DV frame (720×576, pixels 768/720 wide) is 768×576 canonical units.
/// </summary>
public sealed class CanonicalCoordinatesTests
{
    private const double PalAspect = 768.0 / 720.0;
    private static OfxPointD Scale(double s) => new() { X = s, Y = s };
    private static readonly OfxPointD FullScale = Scale(1);

    [Fact]
    public void PalFrameIs720PixelsWideAnd768CanonicalUnits()
    {
        var canonical = new OfxRectD(0, 0, 768, 576);
        Assert.Equal(new PixelRect(0, 0, 720, 576), CanonicalCoordinates.ToPixels(canonical, FullScale, PalAspect));
        var back = CanonicalCoordinates.ToCanonical(new PixelRect(0, 0, 720, 576), FullScale, PalAspect);
        Assert.Equal(768, back.X2, 9);
        Assert.Equal(576, back.Y2, 9);
    }

    [Fact]
    public void RenderScaleAndAspectCombineOnXOnly()
    {
        var canonical = new OfxRectD(0, 0, 1920, 1080); // a 960×1080 anamorphic ×2 frame
        var pixels = CanonicalCoordinates.ToPixels(canonical, Scale(0.5), pixelAspect: 2);
        Assert.Equal(new PixelRect(0, 0, 480, 540), pixels);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(768.0 / 720.0)]
    [InlineData(2.0)]
    [InlineData(0.9)]
    public void PixelRegionsSurviveTheRoundTrip(double aspect)
    {
        var pixels = new PixelRect(-13, 7, 701, 560);
        foreach (var scale in new[] { 1.0, 0.5, 0.25 })
        {
            var rs = Scale(scale);
            Assert.Equal(pixels, CanonicalCoordinates.ToPixels(CanonicalCoordinates.ToCanonical(pixels, rs, aspect), rs, aspect));
        }
    }

    [Fact]
    public void PartlyCoveredPixelsAreKept()
    {
        // 100.5 canonical units at aspect 2 end in the middle of pixel 50: it is needed.
        var pixels = CanonicalCoordinates.ToPixels(new OfxRectD(0.5, 0, 100.5, 10), FullScale, pixelAspect: 2);
        Assert.Equal(new PixelRect(0, 0, 51, 10), pixels);
    }
}
