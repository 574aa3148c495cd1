using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Xunit;
using static Enhance.Effects.Tests.Grain.GrainTestImages;

namespace Enhance.Effects.Tests.Grain;

public class GrainEstimatorTests
{
    /// <summary>Eight flat stripes, one per intensity band, each 64 rows tall, so every band has flat blocks.</summary>
    private static FloatImage Stripes()
    {
        var image = new FloatImage(PixelRect.FromSize(512, 512), 4);
        for (int y = 0; y < 512; y++)
            for (int x = 0; x < 512; x++)
            {
                float level = (y / 64 + 0.5f) / 8f;
                image.At(x, y, 0) = level * 0.95f; image.At(x, y, 1) = level; image.At(x, y, 2) = level * 1.03f; image.At(x, y, 3) = 1;
            }
        return image;
    }

    [Fact]
    public void MeasuresEveryBandOnFlatStripes()
    {
        var settings = new GrainSettings { Amount = 0.03, Size = 3, Response = new GrainResponse(2, 1, 0.5, 0.5), Red = 0.8, Blue = 1.2 };
        using var stripes = Stripes();
        using var grained = WithGrain(stripes, settings);
        var profile = GrainEstimator.Estimate(grained);
        Assert.Equal(GrainEstimator.BandCount, profile.Bands.Count);
        foreach (var band in profile.Bands)
            for (int c = 0; c < 3; c++)
            {
                double truth = GrainRenderer.ExpectedStrength(settings, null, band.Intensity, c);
                Assert.True(Math.Abs(band.Channel(c) / truth - 1) < 0.05, $"band {band.Intensity:F2} channel {c}: {band.Channel(c):F4} vs {truth:F4}");
            }
        double trueWidth = GrainRenderer.KernelFor(settings, null, 512, 1).AutocorrelationWidth();
        Assert.InRange(profile.CorrelationWidth / trueWidth, 0.9, 1.1);
    }

    [Theory]
    [InlineData(true, 0.95, 1.0)]
    [InlineData(false, 0.0, 0.05)]
    public void MeasuresHowMuchTheChannelsMoveTogether(bool monochrome, double low, double high)
    {
        using var stripes = Stripes();
        using var grained = WithGrain(stripes, new GrainSettings { Amount = 0.03, Monochrome = monochrome });
        Assert.InRange(GrainEstimator.Estimate(grained).ChannelCorrelation, low, high);
    }

    /// <summary>The quality bar: grain at known settings on real photos, measured back within 10% per band, width within 15%.</summary>
    [Theory]
    [InlineData("astronaut", 1.0)]
    [InlineData("rocket", 1.0)]
    [InlineData("Storm", 1.0)]
    [InlineData("astronaut", 1.75)]
    [InlineData("rocket", 1.75)]
    [InlineData("Storm", 1.75)]
    public void RoundTripOnRealPhotos(string name, double clumpWidthPixels)
    {
        using var clean = Photo(name);
        // Size chosen so the grain has the same width in pixels whatever the photo's height.
        double size = clumpWidthPixels / GrainKernel.ReferenceWidth * GrainKernel.ReferenceFrameHeight / clean.Height;
        var settings = new GrainSettings { Amount = 0.05, Size = size, Seed = 3, Response = new GrainResponse(1.3, 1.0, 0.6, 0.45) };
        using var grained = WithGrain(clean, settings);
        var profile = GrainEstimator.Estimate(grained);
        Assert.NotEmpty(profile.Bands);
        foreach (var band in profile.Bands)
            for (int c = 0; c < 3; c++)
            {
                double truth = GrainRenderer.ExpectedStrength(settings, null, band.Intensity, c);
                Assert.True(Math.Abs(band.Channel(c) / truth - 1) < 0.10, $"band {band.Intensity:F2} channel {c}: {band.Channel(c):F4} vs {truth:F4}");
            }
        double trueWidth = GrainRenderer.KernelFor(settings, null, clean.Height, 1).AutocorrelationWidth();
        Assert.InRange(profile.CorrelationWidth / trueWidth, 0.85, 1.15);
    }

    [Fact]
    public void MergingFramesPoolsTheirBands()
    {
        using var stripes = Stripes();
        using var light = WithGrain(stripes, new GrainSettings { Amount = 0.02, Seed = 1 });
        using var heavy = WithGrain(stripes, new GrainSettings { Amount = 0.04, Seed = 2 });
        var merged = GrainEstimator.Merge([GrainEstimator.Estimate(light), GrainEstimator.Estimate(heavy)]);
        Assert.Equal(GrainEstimator.BandCount, merged.Bands.Count);
        double pooled = Math.Sqrt((0.02 * 0.02 + 0.04 * 0.04) / 2);
        foreach (var band in merged.Bands) Assert.Equal(pooled, band.Green, pooled * 0.05);
    }

    [Fact]
    public void ProfilesOfDifferentFrameHeightsDoNotMerge()
    {
        var a = new GrainProfile { FrameHeight = 1080, Space = GrainSpace.Linear, Bands = [], CorrelationWidth = 1, ChannelCorrelation = 0 };
        Assert.Throws<ArgumentException>(() => GrainEstimator.Merge([a, a with { FrameHeight = 2160 }]));
    }

    [Fact]
    public void ImageSmallerThanABlockGivesAnEmptyProfileAndNoGrain()
    {
        using var tiny = Flat(PixelRect.FromSize(20, 20), 4, 0.5f);
        var profile = GrainEstimator.Estimate(tiny);
        Assert.True(profile.IsEmpty);
        using var output = new FloatImage(tiny.Bounds, 4);
        GrainRenderer.Apply(tiny, output, new GrainSettings(), profile, 0, 20, 1);
        Assert.True(output.Pixels.SequenceEqual(tiny.Pixels));
    }
}
