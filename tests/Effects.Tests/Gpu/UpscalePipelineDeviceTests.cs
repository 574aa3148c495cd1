using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Tests.Upscale;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using static Enhance.Effects.Tests.Upscale.UpscalePipelineFixtures;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// <see cref="UpscalePipeline"/> on device memory against the same pipeline on CPU images, route by
/// route, with the device source holding only what the node asks the host for (its input region),
/// as a host's image would. The model is the small sharpening test model on the staging runner (or
/// ONNX Runtime's CUDA provider where it loads), so no built models are needed.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class UpscalePipelineDeviceTests
{
    private const double Tolerance = 1e-4;
    private static readonly PixelRect Window = new(23, 17, 151, 101);

    public static TheoryData<string, UpscaleFit, bool> Routes => new()
    {
        // backend, fit, with a model
        { GpuBackends.OpenCl, UpscaleFit.Resize, false }, { GpuBackends.OpenCl, UpscaleFit.Resize, true },
        { GpuBackends.OpenCl, UpscaleFit.InPlace, false }, { GpuBackends.OpenCl, UpscaleFit.InPlace, true },
        { GpuBackends.Cuda, UpscaleFit.Resize, false }, { GpuBackends.Cuda, UpscaleFit.Resize, true },
        { GpuBackends.Cuda, UpscaleFit.InPlace, false }, { GpuBackends.Cuda, UpscaleFit.InPlace, true },
    };

    [Theory]
    [BackendRows(nameof(Routes), GpuBackends.OpenCl)]
    [BackendRows(nameof(Routes), GpuBackends.Cuda)]
    public void Every_route_on_the_device_matches_the_CPU_route(string backend, UpscaleFit fit, bool withModel)
    {
        // Resize enlarges a small clip; in place the host's frame already has the output's size.
        using var clip = HardAlphaPhoto("astronaut", fit == UpscaleFit.Resize ? 96 : 192);
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = withModel ? lease.Model : null, MemoryBudgetMiB = 8 };
        var pipeline = new UpscalePipeline(fit, settings);
        using var expected = RenderOnCpu(pipeline, clip, Window, previous: null);

        using var session = GpuBackends.Open(backend);
        using var given = Crop(clip, pipeline.InputRegion(Window, clip.Bounds));
        var output = session.Allocate(Window, 4);
        var slowPaths = new List<string>();
        pipeline.Render(new UpscaleDeviceFrames(session.Primitives, session.Upload(given), clip.Bounds, output, slowPaths.Add));
        using var actual = session.Download(output);

        // Without a model nothing is resampled twice: in place the frame passes as it is.
        double tolerance = pipeline.Route == UpscaleRoute.PassThrough ? 0 : Tolerance;
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, tolerance);
        if (!withModel) Assert.Empty(slowPaths);
        else if (backend == GpuBackends.OpenCl) Assert.Single(slowPaths);  // the staging runner copies each cell's tensors
    }

    public static TheoryData<string, UpscaleFit> Fits => new()
    {
        { GpuBackends.OpenCl, UpscaleFit.Resize }, { GpuBackends.OpenCl, UpscaleFit.InPlace },
        { GpuBackends.Cuda, UpscaleFit.Resize }, { GpuBackends.Cuda, UpscaleFit.InPlace },
    };

    [Theory]
    [BackendRows(nameof(Fits), GpuBackends.OpenCl)]
    [BackendRows(nameof(Fits), GpuBackends.Cuda)]
    public void Temporal_stability_on_the_device_matches_the_CPU_route(string backend, UpscaleFit fit)
    {
        using var clip = HardAlphaPhoto("coffee", fit == UpscaleFit.Resize ? 96 : 192);
        using var previous = clip.Clone();
        // The frame before: a moved band (the current frame's pixels 4 to the side), faint noise elsewhere.
        var random = new Random(7);
        var b = clip.Bounds;
        for (int y = b.Y1; y < b.Y2; y++)
            for (int x = b.X1; x < b.X2 - 4; x++)
                for (int c = 0; c < 3; c++)
                    previous.At(x, y, c) = y > b.Y1 + b.Height / 2 && y < b.Y1 + b.Height * 3 / 4
                        ? clip.At(x + 4, y, c)
                        : clip.At(x, y, c) + (float)(random.NextDouble() - 0.5) / 255;
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var pipeline = new UpscalePipeline(fit, new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8, TemporalStability = 1f });
        using var expected = RenderOnCpu(pipeline, clip, Window, previous);
        using (var perFrame = RenderOnCpu(new UpscalePipeline(fit, new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8 }), clip, Window, null))
            Assert.True(QualityMetrics.MaxAbsoluteDifference(expected, perFrame) > 1e-3, "temporal stability changed nothing");

        using var session = GpuBackends.Open(backend);
        Assert.Null(pipeline.DeviceRefusal(session.Primitives));
        var region = pipeline.InputRegion(Window, clip.Bounds);
        using var given = Crop(clip, region);
        using var givenBefore = Crop(previous, region);
        var output = session.Allocate(Window, 4);
        pipeline.Render(new UpscaleDeviceFrames(session.Primitives, session.Upload(given), clip.Bounds, output, Previous: session.Upload(givenBefore)));
        using var actual = session.Download(output);

        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);
    }

    [Theory]
    [BackendRows(nameof(Fits), GpuBackends.OpenCl)]
    [BackendRows(nameof(Fits), GpuBackends.Cuda)]
    public void A_card_short_of_memory_gets_smaller_cells_then_gives_the_frame_to_the_CPU(string backend, UpscaleFit fit)
    {
        using var clip = HardAlphaPhoto("astronaut", fit == UpscaleFit.Resize ? 96 : 192);
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 64 };
        var pipeline = new UpscalePipeline(fit, settings);
        using var session = GpuBackends.Open(backend);
        var device = ((GpuPrimitives)session.Primitives).Device;
        using var given = Crop(clip, pipeline.InputRegion(Window, clip.Bounds));
        var source = session.Upload(given);
        UpscaleDeviceFrames Frames(IKernelDevice on, List<string>? reports = null) =>
            new(new GpuPrimitives(on), source, clip.Bounds, session.Allocate(Window, 4), reports is null ? null : reports.Add);

        // The card holds what cells of an 8 MiB budget need, not what the 64 MiB ones do.
        var atEight = new MemoryCappedKernelDevice(device, long.MaxValue);
        new UpscalePipeline(fit, settings with { MemoryBudgetMiB = 8 }).Render(Frames(atEight));
        var atSixtyFour = new MemoryCappedKernelDevice(device, long.MaxValue);
        pipeline.Render(Frames(atSixtyFour));
        Assert.True(atSixtyFour.Asked.Max() > atEight.Asked.Max(), "the larger budget's cells need no more memory: nothing to test");

        var capped = new MemoryCappedKernelDevice(device, atEight.Asked.Max());
        var reports = new List<string>();
        var frames = Frames(capped, reports);
        pipeline.Render(frames);
        Assert.True(capped.Refused > 0);
        var retries = reports.Where(r => r.Contains("short of GPU memory")).ToList();
        Assert.NotEmpty(retries);
        // The frame is the one the budget that fitted renders (on the CPU, the same cells).
        int fitted = int.Parse(System.Text.RegularExpressions.Regex.Match(retries[^1], @"budget of (\d+) MiB").Groups[1].Value);
        Assert.InRange(fitted, 8, 32);
        using var expected = RenderOnCpu(new UpscalePipeline(fit, settings with { MemoryBudgetMiB = fitted }), clip, Window, previous: null);
        using var actual = session.Download(frames.Output);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);

        // A card that cannot hold even the smallest cells' buffers: the frame goes to the CPU, saying why.
        var full = new MemoryCappedKernelDevice(device, 4096);
        var refusal = Assert.Throws<GpuRenderException>(() => pipeline.Render(Frames(full)));
        Assert.Contains("short of memory", refusal.Message);
    }
}
