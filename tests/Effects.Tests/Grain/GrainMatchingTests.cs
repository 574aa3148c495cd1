using Enhance.Effects.Grain;
using Xunit;
using static Enhance.Effects.Tests.Grain.GrainTestImages;

namespace Enhance.Effects.Tests.Grain;

/// <summary>
/// The matching quality bar: known grain on a real photo is the source; a grain-free copy enhanced
/// 2× (Lanczos) gets grain matched from the source's profile; measured again, the result's grain is
/// within 15% of the source's per band, and twice as wide in pixels.
/// </summary>
public class GrainMatchingTests
{
    [Theory]
    [InlineData("astronaut")]
    [InlineData("rocket")]
    [InlineData("Storm")]
    public void MatchedGrainOnTheEnhancedCopyMeasuresLikeTheSource(string name)
    {
        using var clean = Photo(name);
        double size = 1.5 / GrainKernel.ReferenceWidth * GrainKernel.ReferenceFrameHeight / clean.Height;
        var settings = new GrainSettings { Amount = 0.04, Size = size, Seed = 8, Saturation = 0.6, Response = new GrainResponse(1.2, 1.0, 0.7, 0.5) };
        using var source = WithGrain(clean, settings);
        var sourceProfile = GrainEstimator.Estimate(source);

        using var enhanced = Upscale2x(clean);
        using var matched = WithGrain(enhanced, new GrainSettings { Seed = 1 }, sourceProfile);
        var resultProfile = GrainEstimator.Estimate(matched);

        int compared = 0;
        foreach (var band in resultProfile.Bands)
        {
            var reference = sourceProfile.Bands.FirstOrDefault(b => BandIndex(b) == BandIndex(band));
            if (reference is null) continue;
            compared++;
            for (int c = 0; c < 3; c++)
                Assert.True(Math.Abs(band.Channel(c) / reference.Channel(c) - 1) < 0.15,
                    $"band {band.Intensity:F2} channel {c}: {band.Channel(c):F4} vs source {reference.Channel(c):F4}");
        }
        Assert.True(compared >= 1);
        Assert.InRange(resultProfile.CorrelationWidth / sourceProfile.CorrelationWidth, 1.6, 2.4);
        Assert.Equal(sourceProfile.ChannelCorrelation, resultProfile.ChannelCorrelation, 0.1);
    }

    [Fact]
    public void MatchAmountScalesTheMeasuredGrain()
    {
        using var clean = Photo("rocket");
        using var source = WithGrain(clean, new GrainSettings { Amount = 0.04, Seed = 8 });
        var profile = GrainEstimator.Estimate(source);
        using var half = WithGrain(clean, new GrainSettings { MatchAmount = 0.5 }, profile);
        var measured = GrainEstimator.Estimate(half);
        foreach (var band in measured.Bands)
            Assert.Equal(0.5 * profile.StrengthAt(band.Intensity, 1), band.Green, 0.1 * 0.5 * profile.StrengthAt(band.Intensity, 1));
    }

    private static int BandIndex(GrainBand band) =>
        Math.Clamp((int)(band.Intensity * GrainEstimator.BandCount), 0, GrainEstimator.BandCount - 1);
}
