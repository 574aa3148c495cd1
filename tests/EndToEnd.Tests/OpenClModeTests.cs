using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// The nodes in the reference host's OpenCL buffer mode (`ofxhost render --gpu opencl`, pocl here):
/// images are cl_mem buffers on the host's in-order queue, as Resolve hands them over. Every render
/// must equal the same render with CPU images to within 1e-4 (float output), and the GPU route must
/// really have been taken: the host says it renders with OpenCL and never had to fall back to the CPU.
/// </summary>
public sealed class OpenClModeTests
{
    private const string Upscale = "io.enhance.Upscale", Dehalo = "io.enhance.Dehalo", Grain = "io.enhance.Grain";
    private const double Tolerance = 1e-4;

    private static string SmallPhoto(string dir, string name, int side)
    {
        string path = Path.Combine(dir, name + ".png");
        using var image = ImageFiles.Load(TestImages.Photo(name), 3, side);
        ImageFiles.Save(image, path);
        return path;
    }

    /// <summary>Renders once with CPU images and once in OpenCL mode; returns the OpenCL run's log.</summary>
    private static string AssertOpenClEqualsCpu(string dir, string input, params string[] graph)
    {
        string cpu = Path.Combine(dir, "cpu.tif"), gpu = Path.Combine(dir, "opencl.tif");
        var cpuRun = ReferenceHost.Run([.. graph, "--input", input, "--output", cpu, "--output-format", "float"]);
        Assert.True(cpuRun.ExitCode == 0, cpuRun.Log);
        var gpuRun = ReferenceHost.Run([.. graph, "--gpu", "opencl", "--verbose", "--input", input, "--output", gpu, "--output-format", "float"]);
        Assert.True(gpuRun.ExitCode == 0, gpuRun.Log);
        Assert.Contains("[ofxhost] OpenCL:", gpuRun.StandardError);
        Assert.DoesNotContain("rendering on the CPU", gpuRun.StandardError);

        using var a = ImageFiles.Load(cpu, 4);
        using var b = ImageFiles.Load(gpu, 4);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        double difference = QualityMetrics.MaxAbsoluteDifference(a, b);
        Assert.True(difference <= Tolerance, $"OpenCL mode differs from CPU mode by {difference}\n{gpuRun.Log}");
        // Guards against comparing two empty or black frames.
        double mean = 0;
        foreach (float v in a.Pixels) mean += Math.Abs(v);
        Assert.True(mean / a.Pixels.Length > 0.05, "the CPU render is (nearly) black");
        return gpuRun.StandardError;
    }

    [Fact]
    public void UpscaleDehaloGrainChainMatchesCpuMode()
    {
        var dir = ReferenceHost.OutputFolder(nameof(UpscaleDehaloGrainChainMatchesCpuMode));
        string input = SmallPhoto(dir, "astronaut", 96);
        string log = AssertOpenClEqualsCpu(dir, input, "render", "--node", Upscale, "--node", Dehalo, "--node", Grain,
            "--param", $"{Grain}.amount=0.05");
        // Every node runs its kernels on the host's queue; no frame goes to the CPU and back (the model
        // Upscale copies only its cells' tensors for the CPU session).
        Assert.DoesNotContain("render renders on the CPU between copies", log);
        Assert.DoesNotContain("Enhance Dehalo: OpenCL render renders on the CPU", log);
        Assert.DoesNotContain("Enhance Grain: OpenCL render renders on the CPU", log);
    }

    [Fact]
    public void UpscaleWithTheModelMatchesCpuModeInTiles()
    {
        // Host tiles cut the model's cells: each tile's render runs the cells it needs on the device.
        var dir = ReferenceHost.OutputFolder(nameof(UpscaleWithTheModelMatchesCpuModeInTiles));
        string input = SmallPhoto(dir, "coffee", 96);
        string log = AssertOpenClEqualsCpu(dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.strength=1.3",
            "--tile", "77", "--threads", "2");
        Assert.Contains("Enhance Upscale: OpenCL render runs the model on the CPU, copying each cell's tensors", log);
        Assert.DoesNotContain("between copies from and to the device", log);
    }

    [Fact]
    public void UpscaleWithTheModelInPlaceMatchesCpuMode()
    {
        // Enhance in place: down to the footprint the source scale stands for, the model, back up — all on the device.
        var dir = ReferenceHost.OutputFolder(nameof(UpscaleWithTheModelInPlaceMatchesCpuMode));
        string input = SmallPhoto(dir, "rocket", 128);
        string log = AssertOpenClEqualsCpu(dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.mode=2",
            "--param", $"{Upscale}.sourceScale=2", "--tile", "90");
        Assert.Contains("copying each cell's tensors", log);  // the model ran
        Assert.DoesNotContain("between copies from and to the device", log);
    }

    [Fact]
    public void DehaloOnOpenClCopiesNoFrameBytes()
    {
        // Only the blur's small tap tables go to the device; no frame goes to the host and back.
        var dir = ReferenceHost.OutputFolder(nameof(DehaloOnOpenClCopiesNoFrameBytes));
        string input = SmallPhoto(dir, "astronaut", 120);
        var run = ReferenceHost.RunWith(GpuRenderStats.Environment,
            ["render", "--node", Dehalo, "--gpu", "opencl", "--input", input, "--output", Path.Combine(dir, "opencl.tif"), "--output-format", "float"]);
        Assert.True(run.ExitCode == 0, run.Log);
        var line = Assert.Single(GpuRenderStats.Parse(run.StandardError));
        Assert.Equal(("Enhance Dehalo", "OpenCL"), (line.Node, line.Backend));
        Assert.True((line.BytesToHost, line.BytesToDevice) == (0, 0), run.Log);
    }

    [Fact]
    public void DehaloAloneMatchesCpuModeInTiles()
    {
        // Tiles smaller than Dehalo's reach: every tile's stages read past its edges, and the border tiles
        // edge-extend beyond the clip, on the device as on the CPU.
        var dir = ReferenceHost.OutputFolder(nameof(DehaloAloneMatchesCpuModeInTiles));
        string input = SmallPhoto(dir, "astronaut", 160);
        string log = AssertOpenClEqualsCpu(dir, input, "render", "--node", Dehalo, "--param", $"{Dehalo}.radiusX=3",
            "--tile", "53", "--threads", "2");
        Assert.DoesNotContain("slow path", log);
    }

    [Fact]
    public void GrainAloneMatchesCpuModeInTiles()
    {
        var dir = ReferenceHost.OutputFolder(nameof(GrainAloneMatchesCpuModeInTiles));
        string input = SmallPhoto(dir, "rocket", 160);
        string log = AssertOpenClEqualsCpu(dir, input, "render", "--node", Grain, "--param", $"{Grain}.amount=0.05",
            "--param", $"{Grain}.saturation=1", "--tile", "61", "--threads", "2");
        Assert.DoesNotContain("slow path", log);
    }

    [Fact]
    public void ClassicalUpscaleRunsTheLanczosKernel()
    {
        var dir = ReferenceHost.OutputFolder(nameof(ClassicalUpscaleRunsTheLanczosKernel));
        string input = SmallPhoto(dir, "rocket", 120);
        string log = AssertOpenClEqualsCpu(dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.model=0", "--tile", "77");
        Assert.DoesNotContain("slow path", log);
    }

    [Fact]
    public void ImagesTheKernelsCannotIndexFallBackToTheCpu()
    {
        // 8-bit images are declared by the nodes but are no float rows: the node answers
        // kOfxStatGPURenderFailed and the host renders the frame again with CPU images.
        var dir = ReferenceHost.OutputFolder(nameof(ImagesTheKernelsCannotIndexFallBackToTheCpu));
        string input = SmallPhoto(dir, "rocket", 96);
        string cpu = Path.Combine(dir, "cpu.tif"), gpu = Path.Combine(dir, "opencl.tif");
        string[] graph = ["render", "--node", Grain, "--param", $"{Grain}.amount=0.05", "--depth", "byte", "--input", input, "--output-format", "float"];
        var cpuRun = ReferenceHost.Run([.. graph, "--output", cpu]);
        Assert.True(cpuRun.ExitCode == 0, cpuRun.Log);
        var gpuRun = ReferenceHost.Run([.. graph, "--gpu", "opencl", "--verbose", "--output", gpu]);
        Assert.True(gpuRun.ExitCode == 0, gpuRun.Log);
        Assert.Contains("OpenCL render failed, rendering on the CPU", gpuRun.StandardError);
        Assert.DoesNotContain("[ofx ERROR]", gpuRun.StandardError);
        using var a = ImageFiles.Load(cpu, 4);
        using var b = ImageFiles.Load(gpu, 4);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(a, b));
    }
}
