using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using static Enhance.Effects.Tests.Upscale.UpscaleFixtures;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// A host that renders in tiles (Natron) must cost one network pass per frame, and concurrent
/// renders must share one memory budget. These tests read process-wide figures (the kept cell
/// results, the reserved bytes), so they run alone.
/// </summary>
[Collection(nameof(UpscaleTiledRenderTests))]
public sealed class UpscaleTiledRenderTests
{
    [Fact]
    public void TilesRunEachModelCellOnceLikeTheWholeFrame()
    {
        using var photo = Photo("Garden", 4, maxSide: 240);
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu); // its own run count
        var s = new UpscaleSettings { Model = model, MemoryBudgetMiB = 16 };
        var full = OutputBounds(photo.Bounds, 2, 2);

        long loaded = model.RunCount; // loading probes the model
        using var whole = Render(photo, full, s);
        long wholeRuns = model.RunCount - loaded;
        Assert.True(wholeRuns > 1, $"the frame should need several cells at this budget, not {wholeRuns}");
        Assert.Equal(0, CellResultCache.Shared.Count); // a whole frame keeps nothing for others

        long before = model.RunCount;
        foreach (var tile in Tiles(full, 32))
        {
            using var part = Render(photo, tile, s);
            Assert.True(QualityMetrics.MaxAbsoluteDifference(part, whole) <= 1e-6, $"tile {tile} differs from the whole frame");
        }
        Assert.Equal(wholeRuns, model.RunCount - before);
    }

    [Fact]
    public void ADifferentPictureIsNeverServedAKeptResult()
    {
        using var photo = Photo("LadyBird", 3, maxSide: 160);
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        var s = new UpscaleSettings { Model = model, MemoryBudgetMiB = 16 };
        var full = OutputBounds(photo.Bounds, 2, 2);
        foreach (var tile in Tiles(full, 48)) Render(photo, tile, s).Dispose();
        Assert.True(CellResultCache.Shared.Count > 0, "small tiles should keep the cells they share");

        // One pixel changed: the cells that see it run again, and the result is the new picture's.
        photo.Row(40)[3 * 50] = 1f - photo.Row(40)[3 * 50];
        long before = model.RunCount;
        using var expected = RenderFresh(photo, s);
        long runsForNewPicture = model.RunCount - before;
        before = model.RunCount;
        foreach (var tile in Tiles(full, 48))
        {
            using var part = Render(photo, tile, s);
            Assert.True(QualityMetrics.MaxAbsoluteDifference(part, expected) <= 1e-6, $"tile {tile} shows the old picture");
        }
        Assert.True(model.RunCount - before < runsForNewPicture * Tiles(full, 48).Count(),
            "unchanged cells should still be served from what was kept");
    }

    [Fact]
    public void ConcurrentRendersStayInsideOneBudget()
    {
        using var photo = Photo("Storm", 4, maxSide: 320);
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        const int budgetMiB = 24;
        var s = new UpscaleSettings { Model = model, MemoryBudgetMiB = budgetMiB };
        var full = OutputBounds(photo.Bounds, 2, 2);
        using var whole = Render(photo, full, s);
        CellResultCache.Shared.Clear();
        ModelMemoryBudget.ResetPeak();

        var tiles = Tiles(full, 16).ToList();
        Parallel.ForEach(tiles, new ParallelOptions { MaxDegreeOfParallelism = 32 }, tile =>
        {
            using var part = Render(photo, tile, s);
            Assert.True(QualityMetrics.MaxAbsoluteDifference(part, whole) <= 1e-6, $"tile {tile} differs from the whole frame");
        });

        long budget = budgetMiB * 1024L * 1024L;
        Assert.True(ModelMemoryBudget.PeakBytes <= budget, $"runs in flight plus kept results peaked at {ModelMemoryBudget.PeakBytes / 1048576.0:F1} MiB, over the {budgetMiB} MiB budget");
        Assert.Equal(0, ModelMemoryBudget.ReservedBytes);
    }

    /// <summary>The picture rendered whole by a model with nothing kept.</summary>
    private static FloatImage RenderFresh(FloatImage photo, UpscaleSettings s)
    {
        CellResultCache.Shared.Forget(s.Model!);
        return RenderWhole(photo, s);
    }

    private static IEnumerable<PixelRect> Tiles(PixelRect full, int side)
    {
        for (int y = full.Y1; y < full.Y2; y += side)
            for (int x = full.X1; x < full.X2; x += side)
                yield return new PixelRect(x, y, Math.Min(full.X2, x + side), Math.Min(full.Y2, y + side));
    }
}

[CollectionDefinition(nameof(UpscaleTiledRenderTests), DisableParallelization = true)]
public sealed class UpscaleTiledRenderCollection;
