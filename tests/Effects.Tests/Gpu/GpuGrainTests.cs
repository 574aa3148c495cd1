using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Gpu.OpenCl;
using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The Grain effect on OpenCL (pocl) and, where present, CUDA against <see cref="GrainRenderer"/>
/// on real photos: within 1e-4. Without CUDA the CUDA rows are skipped with the reason.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuGrainTests
{

    public static TheoryData<string, string, int> Cases => new()
    {
        { GpuBackends.OpenCl, "default colour grain, linear", 4 },
        { GpuBackends.OpenCl, "log space, monochrome, RGB", 3 },
        { GpuBackends.OpenCl, "grain only, half saturation, big and soft", 4 },
        { GpuBackends.OpenCl, "no grain (amount 0), grain-only view", 4 },
        { GpuBackends.OpenCl, "static pattern, seeded, strong", 3 },
        { GpuBackends.Cuda, "default colour grain, linear", 4 },
        { GpuBackends.Cuda, "log space, monochrome, RGB", 3 },
        { GpuBackends.Cuda, "no grain (amount 0), grain-only view", 4 },
    };

    private static GrainSettings SettingsFor(string name) => name switch
    {
        "default colour grain, linear" => new GrainSettings(),
        "log space, monochrome, RGB" => new GrainSettings { Space = GrainSpace.Log, Monochrome = true, Amount = 0.05 },
        "grain only, half saturation, big and soft" => new GrainSettings { Output = GrainOutput.GrainOnly, Saturation = 0.5, Size = 2.5, Softness = 0.9 },
        "no grain (amount 0), grain-only view" => new GrainSettings { Amount = 0, Output = GrainOutput.GrainOnly },
        _ => new GrainSettings { Animation = GrainAnimation.Static, Seed = 1234, Amount = 0.12, Red = 1.3, Blue = 0.7 },
    };

    [Theory]
    [BackendRows(nameof(Cases), GpuBackends.OpenCl)]
    [BackendRows(nameof(Cases), GpuBackends.Cuda)]
    public void Grain_on_the_GPU_matches_the_CPU_renderer(string backend, string name, int channels)
    {
        var settings = SettingsFor(name);
        using var source = PhotoCrops.Load("Storm", -20, 30, 150, 110, channels);
        if (channels == 4) PhotoCrops.WithAlphaRamp(source);
        // A window inside the source, off its corner: grain depends on canvas position, not on the window.
        var window = new PixelRect(-5, 41, 120, 131);
        using var expected = new FloatImage(window, channels);
        GrainRenderer.Apply(source, expected, settings, null, time: 17.0, frameHeight: 1080, renderScale: 0.5);

        using var session = GpuBackends.Open(backend);
        var gpuSource = session.Upload(source);
        var gpuOut = session.Allocate(window, channels);
        GpuGrain.Apply(session.Primitives, gpuSource, gpuOut, settings, null, 17.0, 1080, 0.5);
        using var actual = session.Download(gpuOut);

        // Log space goes through log2/exp2, whose last bits differ between .NET and the device's library.
        double tolerance = settings.Space == GrainSpace.Log ? ConformanceTolerance.LibraryFunction(backend) : ConformanceTolerance.Exact(backend);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, tolerance);
        if (settings.Amount > 0 && settings.Output == GrainOutput.Result)
        {
            using var inWindow = new FloatImage(window, channels);
            inWindow.CopyFrom(source);
            Assert.True(QualityMetrics.MaxAbsoluteDifference(inWindow, actual) > 1e-3, "grain must change the picture");
        }
    }
}
