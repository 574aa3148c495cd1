using Enhance.Effects.Grain;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

public class GrainWorkingSpaceTests
{
    [Fact]
    public void LogMapsBlackAndWhiteToZeroAndOne()
    {
        Assert.Equal(0f, GrainWorkingSpace.ToLog(0f), 6);
        Assert.Equal(1f, GrainWorkingSpace.ToLog(1f), 6);
    }

    [Theory]
    [InlineData(-0.05f)]
    [InlineData(0.0f)]
    [InlineData(0.001f)]
    [InlineData(0.18f)]
    [InlineData(1.0f)]
    [InlineData(8.0f)]
    public void LogRoundTrips(float value)
    {
        Assert.Equal(value, GrainWorkingSpace.FromLog(GrainWorkingSpace.ToLog(value)), 4);
    }

    [Fact]
    public void LogIsMonotonicAndContinuousThroughBlack()
    {
        float previous = GrainWorkingSpace.ToLog(-0.01f);
        for (float v = -0.0099f; v < 0.01f; v += 0.0001f)
        {
            float l = GrainWorkingSpace.ToLog(v);
            Assert.True(l > previous);
            Assert.True(l - previous < 0.01f, $"jump at {v}");
            previous = l;
        }
    }

    [Fact]
    public void LinearIsIdentity()
    {
        Assert.Equal(0.37f, GrainWorkingSpace.Encode(GrainSpace.Linear, 0.37f));
        Assert.Equal(-2f, GrainWorkingSpace.Decode(GrainSpace.Linear, -2f));
    }
}
