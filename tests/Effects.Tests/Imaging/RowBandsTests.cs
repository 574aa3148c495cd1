using System.Collections.Concurrent;
using Enhance.Effects.Imaging;
using Xunit;

namespace Enhance.Effects.Tests.Imaging;

/// <summary>The effects' one way of splitting a window over threads: every row exactly once, in disjoint bands.</summary>
public sealed class RowBandsTests
{
    [Theory]
    [InlineData(-7, 1073, 4096)]   // a 4K-wide window, off the origin: many bands
    [InlineData(0, 5, 100000)]     // fewer rows than bands would be
    [InlineData(10, 11, 1 << 20)]  // one row
    [InlineData(3, 200, 8)]        // a small area: one band on the calling thread
    public void Every_row_is_visited_exactly_once_in_disjoint_bands(int y1, int y2, int width)
    {
        var bands = new ConcurrentBag<(int From, int To)>();
        RowBands.For(y1, y2, width, (from, to) => bands.Add((from, to)));
        var ordered = bands.OrderBy(b => b.From).ToList();
        Assert.Equal(y1, ordered[0].From);
        Assert.Equal(y2, ordered[^1].To);
        for (int i = 0; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].From < ordered[i].To, $"empty band {ordered[i]}");
            if (i > 0) Assert.Equal(ordered[i - 1].To, ordered[i].From);
        }
        if ((long)(y2 - y1) * width < 64 * 1024) Assert.Single(ordered);
    }

    [Fact]
    public void An_empty_window_runs_nothing()
    {
        int calls = 0;
        RowBands.For(5, 5, 1000, (_, _) => Interlocked.Increment(ref calls));
        RowBands.For(9, 2, 1000, (_, _) => Interlocked.Increment(ref calls));
        Assert.Equal(0, calls);
    }
}
