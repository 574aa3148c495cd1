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

        CellResultCache.Shared.Clear();  // temporal renders of other classes keep their cells for a next frame
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

    [Fact]
    public void BandsKeepARendersPicturesInsideAQuarterOfTheBudgetAndEqualTheWholeFrame()
    {
        using var photo = Photo("Garden", 4, maxSide: 240);
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        const int budgetMiB = 16;
        var s = new UpscaleSettings { Model = model, MemoryBudgetMiB = budgetMiB };
        var full = OutputBounds(photo.Bounds, 2, 2);
        long share = budgetMiB * 1024L * 1024L / 4;
        Assert.True(UpscaleBands.PictureBytes(full, s, photo.Bounds, 4) > share, "the whole frame's pictures should pass the share at this budget");

        var bands = UpscaleBands.For(full, s, photo.Bounds, 4);
        Assert.True(bands.Count > 1, "the frame should be cut");
        int y = full.Y1;
        foreach (var band in bands)
        {
            Assert.Equal((full.X1, full.X2, y), (band.X1, band.X2, band.Y1)); // top to bottom, no gap, no overlap
            y = band.Y2;
            Assert.True(UpscaleBands.PictureBytes(band, s, photo.Bounds, 4) <= share, $"band {band} passes a quarter of the budget");
        }
        Assert.Equal(full.Y2, y);

        long loaded = model.RunCount;
        using var whole = Render(photo, full, s);
        long wholeRuns = model.RunCount - loaded;
        CellResultCache.Shared.Forget(model);
        long before = model.RunCount;
        foreach (var band in bands)
        {
            using var memory = UpscaleBands.ReservePictures(band, s, photo.Bounds, 4);
            Assert.True(ModelMemoryBudget.PictureBytes > 0);
            using var part = Render(photo, band, s);
            Assert.True(QualityMetrics.MaxAbsoluteDifference(part, whole) <= 1e-6, $"band {band} differs from the whole frame");
        }
        Assert.Equal(wholeRuns, model.RunCount - before); // cells shared by two bands ran once
        Assert.Equal(0, ModelMemoryBudget.PictureBytes);
    }

    [Fact]
    public void WithoutAModelTheWindowIsOneBandAndReservesNothing()
    {
        var s = new UpscaleSettings { MemoryBudgetMiB = 64 };
        var window = new PixelRect(0, 0, 8000, 8000);
        Assert.Equal([window], UpscaleBands.For(window, s, new PixelRect(0, 0, 4000, 4000), 4));
        using (UpscaleBands.ReservePictures(window, s, new PixelRect(0, 0, 4000, 4000), 4))
            Assert.Equal(0, ModelMemoryBudget.PictureBytes);
    }

    [Fact]
    public void ConcurrentRendersWaitForEachOthersPictures()
    {
        // 32 threads of 16-px tiles, each reserving its pictures as the node does: the pictures in
        // flight never pass a quarter of the budget, and runs + pictures + kept never pass the budget.
        using var photo = Photo("Storm", 4, maxSide: 320);
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        const int budgetMiB = 8;
        var s = new UpscaleSettings { Model = model, MemoryBudgetMiB = budgetMiB };
        var full = OutputBounds(photo.Bounds, 2, 2);
        using var whole = Render(photo, full, s);
        CellResultCache.Shared.Clear();
        ModelMemoryBudget.ResetPeak();
        long budget = budgetMiB * 1024L * 1024L, picturesPeak = 0;
        object gate = new();
        var tiles = Tiles(full, 16).ToList();
        long largest = tiles.Select(t => UpscaleBands.PictureBytes(t, s, photo.Bounds, 4)).OrderDescending().Take(32).Sum();
        Assert.True(largest > budget / 4, $"32 tiles at once ({largest / 1048576.0:F1} MiB) should not fit a quarter of the budget unless they wait");

        Parallel.ForEach(tiles, new ParallelOptions { MaxDegreeOfParallelism = 32 }, tile =>
        {
            using var memory = UpscaleBands.ReservePictures(tile, s, photo.Bounds, 4);
            lock (gate) picturesPeak = Math.Max(picturesPeak, ModelMemoryBudget.PictureBytes);
            using var part = Render(photo, tile, s);
            Assert.True(QualityMetrics.MaxAbsoluteDifference(part, whole) <= 1e-6, $"tile {tile} differs from the whole frame");
        });

        Assert.True(picturesPeak > 0 && picturesPeak <= budget / 4, $"pictures in flight peaked at {picturesPeak / 1048576.0:F1} MiB, over a quarter of {budgetMiB} MiB");
        Assert.True(ModelMemoryBudget.PeakBytes <= budget, $"runs, pictures and kept results peaked at {ModelMemoryBudget.PeakBytes / 1048576.0:F1} MiB");
        Assert.Equal((0L, 0L), (ModelMemoryBudget.ReservedBytes, ModelMemoryBudget.PictureBytes));
    }

    [Fact]
    public void PicturesBeyondTheShareWaitForTheRenderHoldingItAndOneAloneGoesAhead()
    {
        const long budget = 64L * 1024 * 1024, share = budget / 4;
        var first = ModelMemoryBudget.ReservePictures(share * 3 / 4, budget);
        long seenBySecond = -1;
        var second = new Thread(() =>
        {
            using var r = ModelMemoryBudget.ReservePictures(share / 2, budget);
            seenBySecond = ModelMemoryBudget.PictureBytes;
        });
        second.Start();
        Assert.True(SpinWait.SpinUntil(() => ModelMemoryBudget.WaitingForPictures == 1, TimeSpan.FromSeconds(30)), "the second render did not wait");
        Assert.Equal(share * 3 / 4, ModelMemoryBudget.PictureBytes);
        first.Dispose();
        second.Join();
        Assert.Equal(share / 2, seenBySecond);

        // Larger than the share on its own: goes ahead (nothing else in flight), so nothing waits for ever.
        using (ModelMemoryBudget.ReservePictures(budget, budget))
            Assert.Equal(budget, ModelMemoryBudget.PictureBytes);
        Assert.Equal(0, ModelMemoryBudget.PictureBytes);
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
