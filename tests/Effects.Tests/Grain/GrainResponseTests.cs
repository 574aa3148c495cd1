using Enhance.Effects.Grain;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

public class GrainResponseTests
{
    [Fact]
    public void FlatResponseIsOneEverywhere()
    {
        for (double i = -0.5; i <= 2; i += 0.01) Assert.Equal(1.0, GrainResponse.Flat.Weight(i), 12);
    }

    [Fact]
    public void EndsAndMidpointTakeShadowsHighlightsAndMidtones()
    {
        var response = new GrainResponse(Shadows: 2, Midtones: 1, Highlights: 0.25, Midpoint: 0.3);
        Assert.Equal(2, response.Weight(0), 12);
        Assert.Equal(1, response.Weight(0.3), 12);
        Assert.Equal(0.25, response.Weight(1), 12);
        Assert.Equal(0.25, response.Weight(5), 12); // HDR above white holds the highlight value
        Assert.Equal(2, response.Weight(-0.1), 12);
    }

    [Fact]
    public void MovingTheMidpointMovesTheMidtonePeak()
    {
        var low = new GrainResponse(0, 1, 0, 0.25);
        var high = new GrainResponse(0, 1, 0, 0.75);
        Assert.True(low.Weight(0.25) > low.Weight(0.75));
        Assert.True(high.Weight(0.75) > high.Weight(0.25));
    }

    [Fact]
    public void ResponseIsContinuousAcrossTheMidpoint()
    {
        var response = new GrainResponse(3, 0.5, 1.5, 0.4);
        double previous = response.Weight(0);
        for (double i = 0.001; i <= 1; i += 0.001)
        {
            double w = response.Weight(i);
            Assert.True(Math.Abs(w - previous) < 0.02, $"jump at {i}: {previous} → {w}");
            previous = w;
        }
    }

    [Fact]
    public void RejectsOutOfRangeValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrainResponse(Midpoint: 1.0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new GrainResponse(Shadows: -1).Validate());
    }
}
