using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Tests.Upscale;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using static Enhance.Effects.Tests.Upscale.UpscalePipelineFixtures;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The staging runner (the model on the CPU session between tensor copies) and the process-wide state
/// it shares with the CPU path: in temporal playback it keeps each frame's cell results, so the next
/// frame's pass over its previous frame runs no network (one pass a frame, as on the CPU) and a frame
/// rendered with nothing kept has the same pixels; its runs hold their working memory in the Memory
/// budget. These tests read the process-wide cell cache and budget, so they run alone.
/// </summary>
[Collection(nameof(StagingModelRunnerTests))]
public sealed class StagingModelRunnerTests
{
    private static readonly PixelRect Window = new(23, 17, 151, 101);

    [Theory]
    [BackendRows(nameof(UpscalePipelineDeviceTests.Fits), GpuBackends.OpenCl, MemberType = typeof(UpscalePipelineDeviceTests))]
    [BackendRows(nameof(UpscalePipelineDeviceTests.Fits), GpuBackends.Cuda, MemberType = typeof(UpscalePipelineDeviceTests))]
    public void In_order_each_frame_runs_the_network_once_and_what_was_kept_changes_no_pixel(string backend, UpscaleFit fit)
    {
        // Three frames of a still camera: the same photo with fresh faint noise (so every frame's cells differ).
        var clip = Enumerable.Range(0, 3).Select(f => NoisyFrame(fit == UpscaleFit.Resize ? 96 : 192, seed: 40 + f)).ToArray();
        // A model of its own: its run count is this test's alone (the staging runner loads nothing on the device).
        using var model = SuperResolutionModel.Load(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var perFrame = new UpscalePipeline(fit, new UpscaleSettings { Model = model, MemoryBudgetMiB = 8 });
        var temporal = new UpscalePipeline(fit, new UpscaleSettings { Model = model, MemoryBudgetMiB = 8, TemporalStability = 1f });
        using var session = GpuBackends.Open(backend);

        (FloatImage Picture, long Runs) Render(UpscalePipeline pipeline, int frame)
        {
            var region = pipeline.InputRegion(Window, clip[frame].Bounds);
            using var given = Crop(clip[frame], region);
            using var givenBefore = Crop(clip[Math.Max(frame - 1, 0)], region);
            var output = session.Allocate(Window, 4);
            long before = model.RunCount;
            pipeline.Render(new UpscaleDeviceFrames(session.Primitives, session.Upload(given), clip[frame].Bounds, output,
                                                    Previous: session.Upload(givenBefore)));
            return (session.Download(output), model.RunCount - before);
        }

        CellResultCache.Shared.Clear();
        var (single, onePass) = Render(perFrame, 2);
        single.Dispose();
        Assert.True(onePass > 1, $"the frame should need several cells at this budget, not {onePass}");

        CellResultCache.Shared.Clear();
        var (first, firstRuns) = Render(temporal, 1);
        first.Dispose();
        Assert.Equal(2 * onePass, firstRuns);  // nothing kept yet: its own cells and its previous frame's
        var (second, secondRuns) = Render(temporal, 2);
        using (second)
        {
            Assert.Equal(onePass, secondRuns);  // frame 1's cells, kept, are frame 2's previous pass

            CellResultCache.Shared.Clear();
            var (alone, aloneRuns) = Render(temporal, 2);
            using (alone)
            {
                Assert.Equal(2 * onePass, aloneRuns);
                Assert.Equal(0, QualityMetrics.MaxAbsoluteDifference(second, alone));
            }
        }
        CellResultCache.Shared.Clear();
        foreach (var frame in clip) frame.Dispose();
    }

    [Theory]
    [BackendRows(nameof(UpscalePipelineDeviceTests.Fits), GpuBackends.OpenCl, MemberType = typeof(UpscalePipelineDeviceTests))]
    [BackendRows(nameof(UpscalePipelineDeviceTests.Fits), GpuBackends.Cuda, MemberType = typeof(UpscalePipelineDeviceTests))]
    public void The_staging_runner_holds_its_network_runs_in_the_memory_budget(string backend, UpscaleFit fit)
    {
        using var frame = NoisyFrame(fit == UpscaleFit.Resize ? 96 : 192, seed: 7);
        using var model = SuperResolutionModel.Load(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var pipeline = new UpscalePipeline(fit, new UpscaleSettings { Model = model, MemoryBudgetMiB = 8 });
        using var session = GpuBackends.Open(backend);
        using var given = Crop(frame, pipeline.InputRegion(Window, frame.Bounds));
        CellResultCache.Shared.Clear();
        ModelMemoryBudget.ResetPeak();
        Assert.Equal(0, ModelMemoryBudget.PeakBytes);

        pipeline.Render(new UpscaleDeviceFrames(session.Primitives, session.Upload(given), frame.Bounds, session.Allocate(Window, 4)));

        // The CPU session's runs were counted while they ran (a cell's working memory is megabytes), and given back.
        Assert.True(ModelMemoryBudget.PeakBytes > 1 << 20, $"peak {ModelMemoryBudget.PeakBytes} bytes: the runs were not counted");
        Assert.Equal(0, ModelMemoryBudget.ReservedBytes);
    }

    private static FloatImage NoisyFrame(int side, int seed)
    {
        var frame = HardAlphaPhoto("coffee", side);
        var random = new Random(seed);
        var b = frame.Bounds;
        for (int y = b.Y1; y < b.Y2; y++)
            for (int x = b.X1; x < b.X2; x++)
                for (int c = 0; c < 3; c++)
                    frame.At(x, y, c) += (float)(random.NextDouble() - 0.5) * 2 / 255;
        return frame;
    }
}

[CollectionDefinition(nameof(StagingModelRunnerTests), DisableParallelization = true)]
public sealed class StagingModelRunnerCollection;
