using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Xunit;
using static Enhance.Effects.Tests.Grain.GrainTestImages;

namespace Enhance.Effects.Tests.Grain;

/// <summary>What the grain looks like: strength, colour, size against the frame, render scale, banding, brightness.</summary>
public class GrainRendererLookTests
{
    private static FloatImage GrainOnly(int width, int height, GrainSettings settings, int frameHeight, double renderScale = 1.0)
    {
        using var grey = Flat(PixelRect.FromSize(width, height), 3, 0.5f);
        var output = new FloatImage(grey.Bounds, 3);
        GrainRenderer.Apply(grey, output, settings with { Output = GrainOutput.GrainOnly }, null, 0, frameHeight, renderScale);
        return output;
    }

    private static double[] Channel(FloatImage image, int c)
    {
        var values = new double[image.Width * image.Height];
        var pixels = image.Pixels;
        for (int i = 0; i < values.Length; i++) values[i] = pixels[i * image.Channels + c] - 0.5;
        return values;
    }

    [Fact]
    public void AmountAndPerChannelAmountsSetTheStandardDeviation()
    {
        var settings = new GrainSettings { Amount = 0.04, Red = 1, Green = 0.5, Blue = 2, Size = 2 };
        using var grain = GrainOnly(256, 256, settings, 1080);
        Assert.Equal(0.04, StandardDeviation(Channel(grain, 0)), 0.04 * 0.04);
        Assert.Equal(0.02, StandardDeviation(Channel(grain, 1)), 0.02 * 0.04);
        Assert.Equal(0.08, StandardDeviation(Channel(grain, 2)), 0.08 * 0.04);
    }

    [Fact]
    public void MonochromeGrainIsTheSameInEveryChannel()
    {
        using var grain = GrainOnly(64, 64, new GrainSettings { Monochrome = true }, 1080);
        Assert.Equal(Channel(grain, 0), Channel(grain, 1));
        Assert.Equal(Channel(grain, 0), Channel(grain, 2));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.5)]   // ρ = (1 − s²)/(1 + 2 s²) = 0.5
    [InlineData(1.0, 0.0)]
    public void SaturationSetsHowMuchTheChannelsMoveTogether(double saturation, double expectedCorrelation)
    {
        using var grain = GrainOnly(256, 256, new GrainSettings { Saturation = saturation, Amount = 0.05 }, 1080);
        Assert.Equal(expectedCorrelation, Correlation(Channel(grain, 0), Channel(grain, 1)), 0.03);
        Assert.Equal(0.05, StandardDeviation(Channel(grain, 1)), 0.003);
    }

    [Fact]
    public void GrainIsTwiceAsWideInPixelsOnATwiceTallerFrame()
    {
        var settings = new GrainSettings { Size = 2 };
        using var hd = GrainOnly(256, 256, settings, 1080);
        using var uhd = GrainOnly(256, 256, settings, 2160);
        double hdWidth = GrainKernel.AutocorrelationWidth(AutocorrelationX(Channel(hd, 0), 256, 256));
        double uhdWidth = GrainKernel.AutocorrelationWidth(AutocorrelationX(Channel(uhd, 0), 256, 256));
        Assert.InRange(uhdWidth / hdWidth, 1.8, 2.2);
    }

    [Fact]
    public void HalfRenderScaleKeepsTheLook()
    {
        // The same 540-line frame rendered at full and at half resolution: the grain keeps its strength
        // and its size relative to the frame (half as many pixels wide at half scale).
        var settings = new GrainSettings { Size = 6, Amount = 0.03, Softness = 0.7 };
        using var full = GrainOnly(480, 270, settings, 540, 1.0);
        using var half = GrainOnly(240, 135, settings, 540, 0.5);
        Assert.Equal(StandardDeviation(Channel(full, 1)), StandardDeviation(Channel(half, 1)), 0.03 * 0.05);
        double fullWidth = GrainKernel.AutocorrelationWidth(AutocorrelationX(Channel(full, 1), 480, 270));
        double halfWidth = GrainKernel.AutocorrelationWidth(AutocorrelationX(Channel(half, 1), 240, 135));
        Assert.InRange(2 * halfWidth / fullWidth, 0.85, 1.15);
    }

    [Fact]
    public void LogSpaceGivesLessLinearGrainInShadowsThanHighlights()
    {
        var settings = new GrainSettings { Space = GrainSpace.Log, Amount = 0.02, Output = GrainOutput.GrainOnly };
        double LinearStd(float level)
        {
            using var flat = Flat(PixelRect.FromSize(128, 128), 3, level);
            using var grain = new FloatImage(flat.Bounds, 3);
            GrainRenderer.Apply(flat, grain, settings, null, 0, 1080, 1);
            return StandardDeviation(Channel(grain, 0));
        }
        Assert.True(LinearStd(0.05f) * 3 < LinearStd(0.8f));
    }

    [Fact]
    public void SmoothGradientShowsNoBandingAtEightBits()
    {
        // A slow ramp over ~25 code values: quantised as is, it shows 25 flat bands; with grain the
        // quantisation error dithers away, so column means follow the ramp.
        const int width = 1024, height = 128;
        using var ramp = new FloatImage(PixelRect.FromSize(width, height), 3);
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < 3; c++) ramp.At(x, y, c) = 0.2f + 0.1f * x / width;
        double Banding(GrainSettings settings)
        {
            using var result = new FloatImage(ramp.Bounds, 3);
            GrainRenderer.Apply(ramp, result, settings, null, 0, 1080, 1);
            double worst = 0;
            for (int x0 = 0; x0 < width; x0 += 8)
            {
                double quantised = 0, ideal = 0;
                for (int y = 0; y < height; y++)
                    for (int x = x0; x < x0 + 8; x++)
                    {
                        quantised += Math.Round(Math.Clamp(result.At(x, y, 1), 0, 1) * 255) / 255;
                        ideal += ramp.At(x, y, 1);
                    }
                worst = Math.Max(worst, Math.Abs(quantised - ideal) / (8 * height) * 255);
            }
            return worst; // in 8-bit code values
        }
        Assert.True(Banding(new GrainSettings { Amount = 0 }) > 0.4); // the measure sees banding when it is there
        Assert.True(Banding(new GrainSettings { Amount = 1.5 / 255, Size = 1 }) < 0.15);
    }

    [Theory]
    [InlineData("Storm")]
    [InlineData("coffee")]
    public void MeanBrightnessPerTonalBandIsUnchanged(string photo)
    {
        using var clean = Photo(photo, 1024);
        using var grained = WithGrain(clean, new GrainSettings { Amount = 0.03, Size = 2, Response = new GrainResponse(1.5, 1, 0.5, 0.4) });
        const int bands = 8;
        var before = new double[bands]; var after = new double[bands]; var count = new long[bands];
        var a = clean.Pixels; var b = grained.Pixels;
        for (int i = 0; i < a.Length; i += 4)
        {
            double lumaBefore = 0.2126 * a[i] + 0.7152 * a[i + 1] + 0.0722 * a[i + 2];
            double lumaAfter = 0.2126 * b[i] + 0.7152 * b[i + 1] + 0.0722 * b[i + 2];
            int band = Math.Clamp((int)(lumaBefore * bands), 0, bands - 1);
            before[band] += lumaBefore; after[band] += lumaAfter; count[band]++;
        }
        int tested = 0;
        for (int band = 0; band < bands; band++)
        {
            if (count[band] < a.Length / 4 / 100) continue; // under 1% of the picture: too few pixels for a ±0.5% mean
            tested++;
            double change = after[band] / before[band] - 1;
            Assert.True(Math.Abs(change) < 0.005, $"band {band}: mean changed by {change:P2}");
        }
        Assert.True(tested >= 3);
    }
}
