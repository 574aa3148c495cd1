using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static Enhance.Effects.Tests.Upscale.UpscaleFixtures;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// Issue 14: Upscale's temporal mode on a synthetic clip (a real photograph as a static background,
/// fresh sensor noise every frame, a bright bar moving across). These tests fill and clear the
/// process-wide cell cache, so they share the tiled-render tests' collection (run alone).
/// </summary>
[Collection(nameof(UpscaleTiledRenderTests))]
public sealed class TemporalStabilityTests(ITestOutputHelper output) : IDisposable
{
    private const int Frames = 6, BarStart = 44, BarStep = 5, BarWidth = 6;

    private static FloatImage[] Clip()
    {
        using var photo = Photo("coffee", 3, maxSide: 128);
        // Darkened so the bar (0.95) stands out everywhere: a trail could not hide in a bright patch.
        var pixels = photo.Pixels;
        for (int i = 0; i < pixels.Length; i++) pixels[i] *= 0.6f;
        return TemporalClips.MovingBar(photo, Frames, BarStart, BarStep, BarWidth);
    }

    private static UpscaleSettings Settings(SuperResolutionModel model, float stability, float strength = 1f) =>
        new() { Model = model, MemoryBudgetMiB = 16, TemporalStability = stability, Strength = strength };

    /// <summary>Frame <paramref name="f"/> over <paramref name="window"/>, given only the pixels it needs of frames f and f−1.</summary>
    private static FloatImage RenderFrame(FloatImage[] frames, int f, PixelRect window, UpscaleSettings s, bool withPrevious = true)
    {
        var definition = frames[f].Bounds;
        var needed = UpscaleRenderer.RequiredSourceRegion(window, s, definition);
        using var current = new FloatImage(needed, 3);
        current.CopyFrom(frames[f]);
        using var previous = withPrevious && f > 0 ? new FloatImage(needed, 3) : null;
        previous?.CopyFrom(frames[f - 1]);
        var result = new FloatImage(window, 3);
        UpscaleRenderer.Render(current, definition, result, s, previous: previous);
        return result;
    }

    private static PixelRect Whole(FloatImage frame) => OutputBounds(frame.Bounds, 2, 2);

    public void Dispose() => CellResultCache.Shared.Clear();

    [Fact]
    public void StabilityZeroOrNoPreviousFrameIsThePerFrameResultBitForBit()
    {
        var frames = Clip();
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        var window = Whole(frames[0]);
        using var perFrame = RenderFrame(frames, 3, window, Settings(model, 0), withPrevious: false);
        using var zero = RenderFrame(frames, 3, window, Settings(model, 0));
        using var noPrevious = RenderFrame(frames, 3, window, Settings(model, 1), withPrevious: false);
        Assert.True(perFrame.Pixels.SequenceEqual(zero.Pixels), "stability 0 with a previous frame changed pixels");
        Assert.True(perFrame.Pixels.SequenceEqual(noPrevious.Pixels), "no previous frame should render the frame on its own");
        foreach (var f in frames) f.Dispose();
    }

    [Fact]
    public void StrengthZeroIsTheClassicalResultWithTemporalStabilityOn()
    {
        var frames = Clip();
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        var window = Whole(frames[0]);
        using var classical = RenderFrame(frames, 3, window, new UpscaleSettings { MemoryBudgetMiB = 16 });
        using var temporal = RenderFrame(frames, 3, window, Settings(model, 1, strength: 0));
        Assert.True(classical.Pixels.SequenceEqual(temporal.Pixels));
        foreach (var f in frames) f.Dispose();
    }

    [Fact]
    public void SameFrameSamePixelsInAnyOrderOnAnyThreadInAnyTiles()
    {
        var frames = Clip();
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        var s = Settings(model, 1);
        var window = Whole(frames[0]);

        CellResultCache.Shared.Clear();
        var sequential = Enumerable.Range(0, Frames).Select(f => RenderFrame(frames, f, window, s)).ToArray();

        // Random order, four at once, nothing kept from before.
        CellResultCache.Shared.Clear();
        var order = Enumerable.Range(0, Frames).OrderBy(f => (f * 7 + 3) % Frames).ToArray();
        var shuffled = new FloatImage[Frames];
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 4 }, f => shuffled[f] = RenderFrame(frames, f, window, s));
        for (int f = 0; f < Frames; f++)
            Assert.True(sequential[f].Pixels.SequenceEqual(shuffled[f].Pixels), $"frame {f} differs when rendered out of order on several threads");

        // Frame 4 alone, in 40-pixel tiles on several threads, last frame's cells never run.
        CellResultCache.Shared.Clear();
        using var tiled = new FloatImage(window, 3);
        var tiles = new List<PixelRect>();
        for (int y = window.Y1; y < window.Y2; y += 40)
            for (int x = window.X1; x < window.X2; x += 40)
                tiles.Add(new PixelRect(x, y, Math.Min(x + 40, window.X2), Math.Min(y + 40, window.Y2)));
        Parallel.ForEach(tiles, new ParallelOptions { MaxDegreeOfParallelism = 4 }, tile =>
        {
            using var part = RenderFrame(frames, 4, tile, s);
            lock (tiled) tiled.CopyFrom(part);
        });
        double worst = QualityMetrics.MaxAbsoluteDifference(tiled, sequential[4]);
        output.WriteLine($"tiles vs whole frame: max difference {worst:G3}");
        Assert.True(worst <= 1e-6, $"tiles differ from the whole frame by {worst}");
        foreach (var image in sequential.Concat(shuffled).Concat(frames)) image.Dispose();
    }

    [Fact]
    public void AMovingBarLeavesNoTrailAndStillRegionsFlickerLess()
    {
        var frames = Clip();
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        var window = Whole(frames[0]);
        var perFrame = Enumerable.Range(0, Frames).Select(f => RenderFrame(frames, f, window, Settings(model, 0))).ToArray();
        var temporal = Enumerable.Range(0, Frames).Select(f => RenderFrame(frames, f, window, Settings(model, 1))).ToArray();

        // Where the bar is or was a frame ago (output pixels, widened by the model's 3×3 reach and
        // the Lanczos kernel): the temporal result is the current frame's alone.
        double worstTrail = 0;
        for (int f = 1; f < Frames; f++)
        {
            int x1 = 2 * (BarStart + (f - 1) * BarStep) - 8, x2 = 2 * (BarStart + f * BarStep + BarWidth) + 8;
            for (int y = window.Y1; y < window.Y2; y++)
                for (int x = Math.Max(x1, window.X1); x < Math.Min(x2, window.X2); x++)
                    for (int c = 0; c < 3; c++)
                        worstTrail = Math.Max(worstTrail, Math.Abs(temporal[f].At(x, y, c) - perFrame[f].At(x, y, c)));
        }
        output.WriteLine($"moving region: temporal vs per-frame max difference {worstTrail * 255:F4} levels");
        Assert.True(worstTrail <= 0.5 / 255, $"the bar's path differs from the per-frame result by {worstTrail * 255:F2} levels: a trail");

        // Still region: the columns left of the bar's whole path.
        int stillWidth = 2 * BarStart - 24;
        FloatImage Still(FloatImage image)
        {
            var part = new FloatImage(new PixelRect(0, 0, stillWidth, image.Height), 3);
            part.CopyFrom(image);
            return part;
        }
        double flickerPerFrame = MeanChange(perFrame.Select(Still).ToArray());
        double flickerTemporal = MeanChange(temporal.Select(Still).ToArray());
        double ratio = flickerTemporal / flickerPerFrame;
        output.WriteLine($"still region: mean |ΔY| per-frame {flickerPerFrame:F3} levels, temporal {flickerTemporal:F3} ({ratio:F2}×)");
        Assert.True(ratio <= 0.65, $"temporal flicker is {ratio:F2}× the per-frame one in still regions");
        foreach (var image in perFrame.Concat(temporal).Concat(frames)) image.Dispose();
    }

    [Fact]
    public void AnExposureStepBelowTheStillThresholdIsFollowedAtOnce()
    {
        // A still picture whose exposure rises by 2 levels (under the 3-level still threshold) from
        // frame 0 to frame 1, fresh noise on each: the way a camera's auto exposure or a codec's key
        // frame changes real footage without anything moving (issue 14, README: real footage).
        using var photo = Photo("coffee", 3, maxSide: 128);
        var pixels = photo.Pixels;
        for (int i = 0; i < pixels.Length; i++) pixels[i] *= 0.6f;
        var frames = new FloatImage[2];
        for (int f = 0; f < 2; f++)
        {
            frames[f] = photo.Clone();
            var px = frames[f].Pixels;
            for (int i = 0; i < px.Length; i++) px[i] += f * 2f / 255;
            TemporalClips.AddNoise(frames[f], 1f / 255, 1400 + f, quantise: true);
        }
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        var window = Whole(frames[0]);
        using var perFrame = RenderFrame(frames, 1, window, Settings(model, 0));
        using var temporal = RenderFrame(frames, 1, window, Settings(model, 1));
        double lag = 0;
        long n = 0;
        for (int y = window.Y1 + 8; y < window.Y2 - 8; y++)
            for (int x = window.X1 + 8; x < window.X2 - 8; x++, n++)
                for (int c = 0; c < 3; c++) lag += (perFrame.At(x, y, c) - temporal.At(x, y, c)) / 3;
        lag = lag / n * 255;
        double changed = QualityMetrics.MaxAbsoluteDifference(perFrame, temporal) * 255;
        output.WriteLine($"mean lag behind the per-frame result {lag:F3} levels (half the step would be 1); largest difference {changed:F2} levels");
        Assert.True(Math.Abs(lag) <= 0.1, $"the temporal result lags {lag:F2} levels behind a 2-level exposure step");
        Assert.True(changed > 0.2, "temporal stability changed nothing: the noise should still be averaged");
        foreach (var f in frames) f.Dispose();
    }

    [Fact]
    public void SequentialPlaybackCostsNoExtraNetworkPassAndRandomAccessOneAtMost()
    {
        var frames = Clip();
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Cpu);
        var window = Whole(frames[0]);
        CellResultCache.Shared.Clear();
        long start = model.RunCount;
        using (RenderFrame(frames, 0, window, Settings(model, 0))) { }
        long perFramePass = model.RunCount - start;

        CellResultCache.Shared.Clear();
        start = model.RunCount;
        for (int f = 0; f < Frames; f++) using (RenderFrame(frames, f, window, Settings(model, 1))) { }
        long sequential = model.RunCount - start;
        CellResultCache.Shared.Clear();
        start = model.RunCount;
        using (RenderFrame(frames, 3, window, Settings(model, 1))) { }
        long alone = model.RunCount - start;
        output.WriteLine($"cells per pass {perFramePass}; {Frames} frames in order: {sequential} runs; one frame alone: {alone}");
        Assert.Equal(Frames * perFramePass, sequential);
        Assert.Equal(2 * perFramePass, alone);
        foreach (var f in frames) f.Dispose();
    }

    /// <summary>Mean |ΔY| in 8-bit levels between consecutive images.</summary>
    private static double MeanChange(FloatImage[] images)
    {
        double sum = 0;
        long n = 0;
        for (int f = 1; f < images.Length; f++)
            for (int y = 4; y < images[f].Height - 4; y++)
                for (int x = 4; x < images[f].Width; x++)
                {
                    double a = 0, b = 0;
                    for (int c = 0; c < 3; c++)
                    {
                        double w = c == 0 ? 0.299 : c == 1 ? 0.587 : 0.114;
                        a += w * images[f - 1].At(x, y, c);
                        b += w * images[f].At(x, y, c);
                    }
                    sum += Math.Abs(a - b) * 255;
                    n++;
                }
        foreach (var image in images) image.Dispose();
        return sum / n;
    }
}
