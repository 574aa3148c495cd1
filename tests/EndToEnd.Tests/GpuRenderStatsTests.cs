using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// ENHANCE_GPU_STATS=1 in OpenCL mode (pocl): one line per render naming node and backend, and the
/// bytes copied between host and device. The GPU kernels (Grain, classical Upscale) must copy
/// nothing; the model path without ONNX Runtime's CUDA provider copies only its cells' tensors.
/// </summary>
public sealed class GpuRenderStatsTests
{
    private const string Upscale = "io.enhance.Upscale", Grain = "io.enhance.Grain";
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
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 120);
        var (stats, run) = Render(dir, input, openCl: true, "--node", Grain, "--param", $"{Grain}.amount=0.05");
        var line = Assert.Single(stats);
        Assert.Equal(("Enhance Grain", "OpenCL"), (line.Node, line.Backend));
        Assert.True((line.BytesToHost, line.BytesToDevice) == (0, 0), run.Log);
    }

    [Fact]
    public void Classical_upscale_on_OpenCL_copies_no_frame_bytes()
    {
        var dir = ReferenceHost.OutputFolder(nameof(Classical_upscale_on_OpenCL_copies_no_frame_bytes));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 100);
        var (stats, run) = Render(dir, input, openCl: true, "--node", Upscale, "--param", $"{Upscale}.model=0");
        var line = Assert.Single(stats);
        Assert.Equal(("Enhance Upscale", "OpenCL"), (line.Node, line.Backend));
        Assert.True((line.BytesToHost, line.BytesToDevice) == (0, 0), run.Log);
    }

    [Fact]
    public void The_model_path_copies_only_its_cells_tensors_never_the_frame()
    {
        // Whole frame, default memory budget: one model cell, the frame grown by the tile overlap on
        // every side. Its input tensor (3 float planes) goes to the host for the CPU session and the
        // model's result (scale² as many bytes) comes back; the frame itself stays on the device.
        var dir = ReferenceHost.OutputFolder(nameof(The_model_path_copies_only_its_cells_tensors_never_the_frame));
        string input = GpuModeImages.SmallPhoto(dir, "astronaut", 48);
        using var source = GpuModeImages.Read(input);
        var (stats, run) = Render(dir, input, openCl: true, "--node", Upscale, "--param", $"{Upscale}.scale=2");
        using var output = GpuModeImages.Read(Path.Combine(dir, "opencl.pfm"));
        Assert.Equal((source.Width * 2, source.Height * 2), (output.Width, output.Height));
        var line = Assert.Single(stats);
        Assert.Equal("OpenCL", line.Backend);
        const int FloatRgb = 3 * sizeof(float);
        bool oneCell = Enumerable.Range(0, 256).Any(overlap =>
            line.BytesToHost == (long)(source.Width + 2 * overlap) * (source.Height + 2 * overlap) * FloatRgb);
        Assert.True(oneCell, $"{line.BytesToHost} bytes to the host are not one cell's input tensor\n{run.Log}");
        long ratio = line.BytesToDevice / line.BytesToHost;
        Assert.True(line.BytesToDevice == line.BytesToHost * ratio && ratio is 4 or 9 or 16, run.Log);  // the model's scale, squared
        Assert.Contains("Enhance Upscale: OpenCL render runs the model on the CPU, copying each cell's tensors", run.StandardError);
        Assert.DoesNotContain("between copies from and to the device", run.StandardError);
    }

    [Fact]
    public void A_CPU_render_reports_the_CPU_and_no_copies()
    {
        var dir = ReferenceHost.OutputFolder(nameof(A_CPU_render_reports_the_CPU_and_no_copies));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 80);
        // Rendered in tiles, so one line per tile.
        var (stats, _) = Render(dir, input, openCl: false, "--node", Upscale, "--param", $"{Upscale}.model=0", "--tile", "64");
        Assert.True(stats.Count > 1, "the tiles were not rendered one by one");
        Assert.All(stats, s => Assert.Equal(("Enhance Upscale", "CPU", 0L, 0L), (s.Node, s.Backend, s.BytesToHost, s.BytesToDevice)));
    }

    [Fact]
    public void With_a_model_the_host_renders_the_whole_frame_once_instead_of_tiles()
    {
        // Issue 17: each tile of a model render needs its whole model cells' source, so with a model
        // the node asks for whole frames (the instance's kOfxImageEffectPropSupportsTiles = 0) and
        // the host serves every tile from one render; Classical keeps its tiles (the test above).
        var dir = ReferenceHost.OutputFolder(nameof(With_a_model_the_host_renders_the_whole_frame_once_instead_of_tiles));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 80);
        var (stats, run) = Render(dir, input, openCl: false, "--node", Upscale, "--param", $"{Upscale}.scale=2", "--tile", "32", "--threads", "4");
        var line = Assert.Single(stats);
        Assert.Equal(("Enhance Upscale", "CPU"), (line.Node, line.Backend));
        using var output = GpuModeImages.Read(Path.Combine(dir, "cpu.pfm"));
        using var source = GpuModeImages.Read(input);
        Assert.True((output.Width, output.Height) == (source.Width * 2, source.Height * 2), run.Log);

        // Classical, set after the instance was created with the default model: tiles again.
        var (classical, _) = Render(dir, input, openCl: false, "--node", Upscale, "--param", $"{Upscale}.scale=2", "--param", $"{Upscale}.model=0",
            "--tile", "32", "--threads", "4");
        Assert.True(classical.Count > 1, "Classical was not rendered in tiles");
    }
}
