using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Tests.Models;
using Enhance.Effects.Tests.Upscale;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The whole device model path (<see cref="GpuModelUpscale"/> on OpenCL/pocl, the model on the
/// staging runner) against <see cref="UpscaleRenderer.Render"/> on real photos, with the bundled
/// default model (the preferred ×2 model of the manifest's default kind): windows that cut the
/// model's cells, a non-integer scale, scene-linear input, RGB and RGBA. The device source holds only
/// what the render requires, as a host's tile would. Needs the built models (ENHANCE_BUILD_DIR/models).
/// </summary>
[Collection(GpuTestCollection.Name)]
[Trait("Category", "RealModels")]
public sealed class GpuModelUpscaleTests(ITestOutputHelper log)
{
    private const double Tolerance = 1e-4;

    /// <summary>The model a default Upscale node runs at ×2.</summary>
    private static string DefaultModelPath =>
        BundledModels.PathOf(BundledModels.All.First(e => e.Kind == BundledModels.DefaultKind && e.Preferred && e.Scale == 2).Name);

    // Budgets of 8 MiB cut a 96-pixel photo into several cells; windows are on the output canvas.
    public static TheoryData<string, int, double, InputTransfer, float, float, int, int, int, int> Cases => new()
    {
        // photo, channels, scale, transfer, strength, limit, window (x1, y1, x2, y2; 0 = whole)
        { "astronaut", 4, 2.0, InputTransfer.Display, 1f, 1f, 0, 0, 0, 0 },
        { "astronaut", 4, 2.0, InputTransfer.Display, 1f, 1f, 37, 23, 141, 119 },
        { "coffee", 3, 2.5, InputTransfer.SceneLinear, 1.4f, 0.08f, 51, 40, 190, 97 },
        { "rocket", 4, 2.0, InputTransfer.SceneLinear, 0.6f, 1f, 0, 61, 192, 80 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_device_model_path_matches_the_CPU_renderer(string photo, int channels, double scale, InputTransfer transfer,
                                                               float strength, float limit, int x1, int y1, int x2, int y2)
    {
        using var lease = ModelCache.Acquire(DefaultModelPath, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = lease.Model, ScaleX = scale, ScaleY = scale, Transfer = transfer,
                                             Strength = strength, DetailLimit = limit, MemoryBudgetMiB = 8 };
        using var source = Picture(photo, channels);
        var whole = UpscaleFixtures.OutputBounds(source.Bounds, scale, scale);
        var window = x2 == 0 ? whole : new PixelRect(x1, y1, x2, y2);
        var plan = UpscaleRenderer.Plan.For(window, settings, source.Bounds);
        Assert.True(plan.Cells.Count >= 2, $"the window needs {plan.Cells.Count} cell(s); the case should cut several");

        var (expected, actual, _) = RenderBoth(source, window, settings);
        using (expected)
        using (actual)
        {
            double difference = QualityMetrics.MaxAbsoluteDifference(expected, actual);
            log.WriteLine($"{photo} ×{scale} {transfer} window {window}: {plan.Cells.Count} cells, max |device − CPU| = {difference:E2}");
            Assert.InRange(difference, 0, Tolerance);
        }
    }

    [Fact]
    public void An_fp16_model_on_the_device_path_matches_the_CPU_renderer()
    {
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2Half, ExecutionProvider.Cpu);
        Assert.True(lease.Model.IsFloat16);
        var settings = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8 };
        using var source = Picture("chelsea", 4);
        var (expected, actual, _) = RenderBoth(source, new PixelRect(10, 7, 150, 101), settings);
        using (expected)
        using (actual)
            Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);
    }

    [Fact]
    public void Only_the_cells_tensors_cross_between_device_and_host()
    {
        using var lease = ModelCache.Acquire(DefaultModelPath, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 24 };
        using var source = Picture("astronaut", 4);
        var window = new PixelRect(20, 30, 150, 170);
        var plan = UpscaleRenderer.Plan.For(window, settings, source.Bounds);
        long toHost = 0, toDevice = 0;
        foreach (var cell in plan.Cells)
        {
            var shape = new ModelTensorShape(cell.Input.Height, cell.Input.Width, lease.Model.Scale, PlanarElement.Float32);
            toHost += shape.InputBytes;
            toDevice += shape.OutputBytes;
        }
        var (expected, actual, moved) = RenderBoth(source, window, settings);
        expected.Dispose();
        actual.Dispose();
        // Each cell's input tensor to the host and its result back, nothing else (no frame, no reference).
        Assert.Equal((toHost, toDevice), moved);
        Assert.Equal(toHost * lease.Model.Scale * lease.Model.Scale, toDevice);
    }

    [Fact]
    public void The_staging_runner_is_chosen_for_OpenCL_and_says_why()
    {
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        using var session = GpuBackends.Open(GpuBackends.OpenCl);
        var runner = DeviceModelRunners.For(session.Primitives, lease.Model, out var reason);
        Assert.IsType<StagingModelRunner>(runner);
        Assert.Equal(PlanarElement.Float32, runner.Element);
        Assert.NotNull(runner.SlowPath);
        Assert.Contains("OpenCL", reason);
    }

    private static FloatImage Picture(string photo, int channels)
    {
        var image = UpscaleFixtures.Photo(photo, channels, maxSide: 96);
        return channels == 4 ? PhotoCrops.WithAlphaRamp(image) : image;
    }

    /// <summary>The CPU render of the window and the device render (the bytes its runner moved to host and device).</summary>
    private static (FloatImage Expected, FloatImage Actual, (long ToHost, long ToDevice) Moved) RenderBoth(FloatImage source, PixelRect window, UpscaleSettings settings)
    {
        var expected = UpscaleFixtures.Render(source, window, settings);
        using var session = GpuBackends.Open(GpuBackends.OpenCl);
        var needed = UpscaleRenderer.RequiredSourceRegion(window, settings, source.Bounds);
        using var part = new FloatImage(needed, source.Channels);
        part.CopyFrom(source);
        var gpuSource = session.Upload(part);
        var gpuOutput = session.Allocate(window, source.Channels);
        var transfers = session.Primitives.Transfers;
        long hostBefore = transfers.BytesToHost, deviceBefore = transfers.BytesToDevice;
        GpuModelUpscale.Render(session.Primitives, gpuSource, source.Bounds, gpuOutput, settings, new StagingModelRunner(session.Primitives, settings.Model!));
        var moved = (transfers.BytesToHost - hostBefore, transfers.BytesToDevice - deviceBefore);
        return (expected, session.Download(gpuOutput), moved);
    }
}
