using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// The nodes in the reference host's CUDA mode (`ofxhost render --gpu cuda`): images are
/// CUdeviceptrs of packed float rows in the primary context of device 0, on the host's stream, as
/// Resolve hands them over. The twin of <see cref="OpenClModeTests"/>: every render must equal the
/// same render with CPU images to within 1e-4, the host must really have rendered with CUDA and
/// never fallen back. Skipped (with the reason) without an NVIDIA GPU; tools/gpu-check.sh runs them
/// on one. Images are .pfm so the library-free ofxhost carried to GPU machines can run them too.
/// </summary>
public sealed class CudaModeTests
{
    private const string Upscale = "io.enhance.Upscale", Dehalo = "io.enhance.Dehalo", Grain = "io.enhance.Grain";
    private const double Tolerance = 1e-4;

    /// <summary>Renders once with CPU images and once in CUDA mode (stats on); returns the CUDA run's stderr.</summary>
    private static string AssertCudaEqualsCpu(string dir, string input, params string[] graph)
    {
        string cpu = Path.Combine(dir, "cpu.pfm"), gpu = Path.Combine(dir, "cuda.pfm");
        var cpuRun = ReferenceHost.Run([.. graph, "--input", input, "--output", cpu]);
        Assert.True(cpuRun.ExitCode == 0, cpuRun.Log);
        var gpuRun = ReferenceHost.RunWith(GpuRenderStats.Environment, [.. graph, "--gpu", "cuda", "--verbose", "--input", input, "--output", gpu]);
        Assert.True(gpuRun.ExitCode == 0, gpuRun.Log);
        Assert.Contains("[ofxhost] CUDA:", gpuRun.StandardError);
        Assert.DoesNotContain("rendering on the CPU", gpuRun.StandardError);
        Assert.All(GpuRenderStats.Parse(gpuRun.StandardError), s => Assert.Equal("CUDA", s.Backend));

        using var a = CudaModeImages.Read(cpu);
        using var b = CudaModeImages.Read(gpu);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        double difference = QualityMetrics.MaxAbsoluteDifference(a, b);
        Assert.True(difference <= Tolerance, $"CUDA mode differs from CPU mode by {difference}\n{gpuRun.Log}");
        // Guards against comparing two empty or black frames.
        double mean = 0;
        foreach (float v in a.Pixels) mean += Math.Abs(v);
        Assert.True(mean / a.Pixels.Length > 0.05, "the CPU render is (nearly) black");
        return gpuRun.StandardError;
    }

    [CudaFact]
    public void UpscaleDehaloGrainChainMatchesCpuMode()
    {
        var dir = ReferenceHost.OutputFolder(nameof(CudaModeTests) + nameof(UpscaleDehaloGrainChainMatchesCpuMode));
        string input = CudaModeImages.SmallPhoto(dir, "astronaut", 96);
        string log = AssertCudaEqualsCpu(dir, input, "render", "--node", Upscale, "--node", Dehalo, "--node", Grain,
            "--param", $"{Grain}.amount=0.05");
        Assert.DoesNotContain("Enhance Grain: CUDA render renders on the CPU", log);
        var grain = Assert.Single(GpuRenderStats.Parse(log), s => s.Node == "Enhance Grain");
        Assert.Equal((0L, 0L), (grain.BytesToHost, grain.BytesToDevice));
    }

    [CudaFact]
    public void GrainAloneMatchesCpuModeInTiles()
    {
        var dir = ReferenceHost.OutputFolder(nameof(CudaModeTests) + nameof(GrainAloneMatchesCpuModeInTiles));
        string input = CudaModeImages.SmallPhoto(dir, "rocket", 160);
        string log = AssertCudaEqualsCpu(dir, input, "render", "--node", Grain, "--param", $"{Grain}.amount=0.05",
            "--param", $"{Grain}.saturation=1", "--tile", "61", "--threads", "2");
        Assert.DoesNotContain("slow path", log);
    }

    [CudaFact]
    public void ClassicalUpscaleRunsTheLanczosKernel()
    {
        var dir = ReferenceHost.OutputFolder(nameof(CudaModeTests) + nameof(ClassicalUpscaleRunsTheLanczosKernel));
        string input = CudaModeImages.SmallPhoto(dir, "rocket", 120);
        string log = AssertCudaEqualsCpu(dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.model=0", "--tile", "77");
        Assert.DoesNotContain("slow path", log);
        var stats = GpuRenderStats.Parse(log);
        Assert.True(stats.Count > 1, "the tiles were not rendered one by one");
        Assert.All(stats, s => Assert.Equal((0L, 0L), (s.BytesToHost, s.BytesToDevice)));
    }

    [CudaFact]
    public void UpscaleWithTheModelMatchesCpuModeWithoutCopyingTheFrame()
    {
        var dir = ReferenceHost.OutputFolder(nameof(CudaModeTests) + nameof(UpscaleWithTheModelMatchesCpuModeWithoutCopyingTheFrame));
        string input = CudaModeImages.SmallPhoto(dir, "coffee", 96);
        string log = AssertCudaEqualsCpu(dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.strength=1.3", "--tile", "77");
        Assert.DoesNotContain("between copies from and to the device", log);
        var stats = GpuRenderStats.Parse(log);
        Assert.True(stats.Count > 1, "the tiles were not rendered one by one");
        // ONNX Runtime's CUDA provider binds the device tensors (nothing copied); without it (the CPU
        // package) each cell's tensors cross: the result scale² times the input's bytes, never a frame.
        Assert.All(stats, s => Assert.True(
            (s.BytesToHost, s.BytesToDevice) == (0, 0) || (s.BytesToHost > 0 && s.BytesToDevice % s.BytesToHost == 0 && s.BytesToHost % 12 == 0),
            $"{s.BytesToHost} bytes to the host, {s.BytesToDevice} to the device\n{log}"));
    }

    [CudaFact]
    public void ImagesTheKernelsCannotIndexFallBackToTheCpu()
    {
        // 8-bit images are declared by the nodes but are no float rows: the node answers
        // kOfxStatGPURenderFailed and the host renders the frame again with CPU images.
        var dir = ReferenceHost.OutputFolder(nameof(CudaModeTests) + nameof(ImagesTheKernelsCannotIndexFallBackToTheCpu));
        string input = CudaModeImages.SmallPhoto(dir, "rocket", 96);
        string cpu = Path.Combine(dir, "cpu.pfm"), gpu = Path.Combine(dir, "cuda.pfm");
        string[] graph = ["render", "--node", Grain, "--param", $"{Grain}.amount=0.05", "--depth", "byte", "--input", input];
        var cpuRun = ReferenceHost.Run([.. graph, "--output", cpu]);
        Assert.True(cpuRun.ExitCode == 0, cpuRun.Log);
        var gpuRun = ReferenceHost.Run([.. graph, "--gpu", "cuda", "--verbose", "--output", gpu]);
        Assert.True(gpuRun.ExitCode == 0, gpuRun.Log);
        Assert.Contains("CUDA render failed, rendering on the CPU", gpuRun.StandardError);
        Assert.DoesNotContain("[ofx ERROR]", gpuRun.StandardError);
        using var a = CudaModeImages.Read(cpu);
        using var b = CudaModeImages.Read(gpu);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(a, b));
    }

    [NoCudaFact]
    public void WithoutCudaTheHostRefusesInOneSentence()
    {
        var dir = ReferenceHost.OutputFolder(nameof(CudaModeTests) + nameof(WithoutCudaTheHostRefusesInOneSentence));
        string input = CudaModeImages.SmallPhoto(dir, "rocket", 64);
        var run = ReferenceHost.Run("render", "--node", Grain, "--gpu", "cuda", "--input", input, "--output", Path.Combine(dir, "out.pfm"));
        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("ofxhost: --gpu cuda: ", run.StandardError);
        Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(dir, "out.pfm")));
    }
}
