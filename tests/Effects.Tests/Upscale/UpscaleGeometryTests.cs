using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Xunit;

namespace Enhance.Effects.Tests.Upscale;

public sealed class UpscaleGeometryTests
{
    private static UpscaleSettings Classical(double scale) => new() { ScaleX = scale, ScaleY = scale };

    [Fact]
    public void ResizeNeedsTheWindowDividedByTheScalePlusTheKernel()
    {
        var definition = PixelRect.FromSize(100, 80);
        var needed = UpscaleGeometry.ResizeInputRegion(new PixelRect(40, 40, 80, 60), Classical(2), definition);
        Assert.True(needed.Contains(new PixelRect(20, 20, 40, 30)), needed.ToString());
        Assert.True(definition.Contains(needed), needed.ToString());
        Assert.True(needed.Width <= 20 + 8 && needed.Height <= 10 + 8, needed.ToString());
    }

    [Fact]
    public void InPlaceGoesThroughTheSourceFootprint()
    {
        var frame = PixelRect.FromSize(200, 100);
        Assert.Equal(PixelRect.FromSize(100, 50), UpscaleGeometry.FootprintDefinition(frame, 2));
        var (footprint, input) = UpscaleGeometry.InPlaceRegions(new PixelRect(0, 0, 200, 100), Classical(2), frame);
        Assert.Equal(PixelRect.FromSize(100, 50), footprint);
        Assert.Equal(frame, input);
    }
}
