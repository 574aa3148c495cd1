using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// ENHANCE_GPU_STATS=1 in OpenCL mode (pocl): one line per render naming node and backend, and the
/// frame bytes copied between host and device. The GPU kernels (Grain, classical Upscale) must copy
/// nothing; the model round trip copies exactly the source frame down and the result frame up.
/// </summary>
public sealed class GpuRenderStatsTests
{
    private const string Upscale = "io.enhance.Upscale", Grain = "io.enhance.Grain";
    private const int FloatRgba = 4 * sizeof(float);

    private static (IReadOnlyList<GpuRenderStats> Stats, HostRun Run) Render(string dir, string input, bool openCl, params string[] graph)
    {
        string output = Path.Combine(dir, openCl ? "opencl.pfm" : "cpu.pfm");
        string[] gpu = openCl ? ["--gpu", "opencl"] : [];
        var run = ReferenceHost.RunWith(GpuRenderStats.Environment, ["render", .. graph, .. gpu, "--input", input, "--output", output]);
        Assert.True(run.ExitCode == 0, run.Log);
        return (GpuRenderStats.Parse(run.StandardError), run);
    }

    [Fact]
    public void Grain_on_OpenCL_copies_no_frame_bytes()
    {
        var dir = ReferenceHost.OutputFolder(nameof(Grain_on_OpenCL_copies_no_frame_bytes));
        string input = CudaModeImages.SmallPhoto(dir, "rocket", 120);
        var (stats, run) = Render(dir, input, openCl: true, "--node", Grain, "--param", $"{Grain}.amount=0.05");
        var line = Assert.Single(stats);
        Assert.Equal(("Enhance Grain", "OpenCL"), (line.Node, line.Backend));
        Assert.True((line.BytesToHost, line.BytesToDevice) == (0, 0), run.Log);
    }

    [Fact]
    public void Classical_upscale_on_OpenCL_copies_no_frame_bytes()
    {
        var dir = ReferenceHost.OutputFolder(nameof(Classical_upscale_on_OpenCL_copies_no_frame_bytes));
        string input = CudaModeImages.SmallPhoto(dir, "rocket", 100);
        var (stats, run) = Render(dir, input, openCl: true, "--node", Upscale, "--param", $"{Upscale}.model=0");
        var line = Assert.Single(stats);
        Assert.Equal(("Enhance Upscale", "OpenCL"), (line.Node, line.Backend));
        Assert.True((line.BytesToHost, line.BytesToDevice) == (0, 0), run.Log);
    }

    [Fact]
    public void The_model_round_trip_copies_the_source_frame_down_and_the_result_frame_up()
    {
        var dir = ReferenceHost.OutputFolder(nameof(The_model_round_trip_copies_the_source_frame_down_and_the_result_frame_up));
        string input = CudaModeImages.SmallPhoto(dir, "astronaut", 48);
        using var source = CudaModeImages.Read(input);
        var (stats, run) = Render(dir, input, openCl: true, "--node", Upscale, "--param", $"{Upscale}.scale=2");
        using var output = CudaModeImages.Read(Path.Combine(dir, "opencl.pfm"));
        Assert.Equal((source.Width * 2, source.Height * 2), (output.Width, output.Height));
        var line = Assert.Single(stats);
        Assert.Equal("OpenCL", line.Backend);
        Assert.True(line.BytesToHost == (long)source.Width * source.Height * FloatRgba, run.Log);
        Assert.True(line.BytesToDevice == (long)output.Width * output.Height * FloatRgba, run.Log);
        Assert.Contains("Enhance Upscale: OpenCL render renders on the CPU between copies", run.StandardError);
    }

    [Fact]
    public void A_CPU_render_reports_the_CPU_and_no_copies()
    {
        var dir = ReferenceHost.OutputFolder(nameof(A_CPU_render_reports_the_CPU_and_no_copies));
        string input = CudaModeImages.SmallPhoto(dir, "rocket", 80);
        // Rendered in tiles, so one line per tile.
        var (stats, _) = Render(dir, input, openCl: false, "--node", Upscale, "--param", $"{Upscale}.model=0", "--tile", "64");
        Assert.True(stats.Count > 1, "the tiles were not rendered one by one");
        Assert.All(stats, s => Assert.Equal(("Enhance Upscale", "CPU", 0L, 0L), (s.Node, s.Backend, s.BytesToHost, s.BytesToDevice)));
    }
}
