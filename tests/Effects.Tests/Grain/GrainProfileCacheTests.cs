using Enhance.Effects.Grain;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

public class GrainProfileCacheTests
{
    private static GrainProfile Profile(double width) =>
        new() { FrameHeight = 1080, Space = GrainSpace.Linear, Bands = [], CorrelationWidth = width, ChannelCorrelation = 0 };

    [Fact]
    public void EstimatesEachRangeOnce()
    {
        var cache = new GrainProfileCache();
        int calls = 0;
        var key = new GrainProfileKey("plate", 10, 20, GrainSpace.Linear, 1080);
        Parallel.For(0, 32, _ => cache.GetOrEstimate(key, _ => { Interlocked.Increment(ref calls); return Profile(1); }));
        Assert.Equal(1, calls);
        Assert.Equal(2.0, cache.GetOrEstimate(key with { LastFrame = 30 }, _ => Profile(2)).CorrelationWidth);
        Assert.Equal(1.0, cache.GetOrEstimate(key, _ => Profile(3)).CorrelationWidth);
    }

    [Fact]
    public void DropsTheOldestBeyondCapacityAndForgetsInvalidatedSources()
    {
        var cache = new GrainProfileCache(capacity: 2);
        for (int i = 0; i < 3; i++) cache.GetOrEstimate(new GrainProfileKey("a", i, i, GrainSpace.Linear, 1080), _ => Profile(i));
        Assert.Equal(2, cache.Count);
        Assert.Equal(9.0, cache.GetOrEstimate(new GrainProfileKey("a", 0, 0, GrainSpace.Linear, 1080), _ => Profile(9)).CorrelationWidth);
        cache.Invalidate("a");
        Assert.Equal(0, cache.Count);
    }
}
