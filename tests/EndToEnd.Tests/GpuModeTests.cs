using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// The nodes in the reference host's GPU modes, one theory per behaviour with a row per backend:
/// `ofxhost render --gpu opencl` (cl_mem buffers on the host's in-order queue; pocl in CI) and
/// `--gpu cuda` (CUdeviceptrs of packed float rows in device 0's primary context, on the host's stream),
/// as Resolve hands them over. Every render must equal the same render with CPU images to within 1e-4,
/// and the GPU route must really have been taken: the host says it renders with that API, never had to
/// fall back to the CPU, and the plug-in's stats name the backend. CUDA rows skip with the reason
/// without an NVIDIA GPU; tools/gpu-check.sh runs them on one. Images are .pfm, which the library-free
/// ofxhost carried to GPU machines reads and writes too.
/// </summary>
public sealed class GpuModeTests
{
    private const string Upscale = "io.enhance.Upscale", Dehalo = "io.enhance.Dehalo", Grain = "io.enhance.Grain";
    private const double Tolerance = 1e-4;

    private static string Folder(string backend, string test) => ReferenceHost.OutputFolder($"{nameof(GpuModeTests)}-{backend}-{test}");

    /// <summary>Renders once with CPU images and once in the backend's mode (stats on); returns the GPU run's stderr.</summary>
    private static string AssertGpuEqualsCpu(string backend, string dir, string input, params string[] graph)
    {
        string cpu = Path.Combine(dir, "cpu.pfm"), gpu = Path.Combine(dir, "gpu.pfm");
        var cpuRun = ReferenceHost.Run([.. graph, "--input", input, "--output", cpu]);
        Assert.True(cpuRun.ExitCode == 0, cpuRun.Log);
        var gpuRun = ReferenceHost.RunWith(GpuRenderStats.Environment,
            [.. graph, "--gpu", GpuModeAttribute.HostFlag(backend), "--verbose", "--input", input, "--output", gpu]);
        Assert.True(gpuRun.ExitCode == 0, gpuRun.Log);
        Assert.Contains($"[ofxhost] {backend}:", gpuRun.StandardError);
        Assert.DoesNotContain("rendering on the CPU", gpuRun.StandardError);
        var stats = GpuRenderStats.Parse(gpuRun.StandardError);
        Assert.NotEmpty(stats);
        Assert.All(stats, s => Assert.Equal(backend, s.Backend));

        using var a = GpuModeImages.Read(cpu);
        using var b = GpuModeImages.Read(gpu);
        Assert.Equal((a.Width, a.Height), (b.Width, b.Height));
        double difference = QualityMetrics.MaxAbsoluteDifference(a, b);
        Assert.True(difference <= Tolerance, $"{backend} mode differs from CPU mode by {difference}\n{gpuRun.Log}");
        // Guards against comparing two empty or black frames.
        double mean = 0;
        foreach (float v in a.Pixels) mean += Math.Abs(v);
        Assert.True(mean / a.Pixels.Length > 0.05, "the CPU render is (nearly) black");
        return gpuRun.StandardError;
    }

    private static void AssertNoFrameCopied(string log, string? node = null) =>
        Assert.All(GpuRenderStats.Parse(log).Where(s => node is null || s.Node == node),
            s => Assert.True((s.BytesToHost, s.BytesToDevice) == (0, 0), $"{s.Node} copied {s.BytesToHost} bytes to the host, {s.BytesToDevice} to the device\n{log}"));

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void The_Upscale_Dehalo_Grain_chain_matches_CPU_mode(string backend)
    {
        var dir = Folder(backend, nameof(The_Upscale_Dehalo_Grain_chain_matches_CPU_mode));
        string input = GpuModeImages.SmallPhoto(dir, "astronaut", 96);
        string log = AssertGpuEqualsCpu(backend, dir, input, "render", "--node", Upscale, "--node", Dehalo, "--node", Grain,
            "--param", $"{Grain}.amount=0.05");
        // Dehalo and Grain run their kernels on the host's memory: no frame goes to the CPU and back.
        Assert.DoesNotContain("render renders on the CPU between copies", log);
        AssertNoFrameCopied(log, "Enhance Dehalo");
        AssertNoFrameCopied(log, "Enhance Grain");
    }

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void Upscale_with_the_model_matches_CPU_mode_in_tiles_copying_at_most_cell_tensors(string backend)
    {
        // With a model the node asks for whole frames; a host that reads only the descriptor tiles anyway
        // (--descriptor-tiles), and then host tiles cut the model's cells: each tile's render runs the cells it
        // needs on the device.
        var dir = Folder(backend, nameof(Upscale_with_the_model_matches_CPU_mode_in_tiles_copying_at_most_cell_tensors));
        string input = GpuModeImages.SmallPhoto(dir, "coffee", 96);
        string log = AssertGpuEqualsCpu(backend, dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.strength=1.3",
            "--tile", "77", "--threads", "2", "--descriptor-tiles");
        Assert.DoesNotContain("between copies from and to the device", log);
        var stats = GpuRenderStats.Parse(log);
        Assert.True(stats.Count > 1, "the tiles were not rendered one by one");
        // ONNX Runtime's CUDA provider binds the device tensors (nothing copied); otherwise (OpenCL, or the
        // CPU package) each cell's tensors cross: the result scale² times the input's bytes, never a frame.
        Assert.All(stats, s => Assert.True(
            (s.BytesToHost, s.BytesToDevice) == (0, 0) || (s.BytesToHost > 0 && s.BytesToDevice % s.BytesToHost == 0 && s.BytesToHost % 12 == 0),
            $"{s.BytesToHost} bytes to the host, {s.BytesToDevice} to the device\n{log}"));
        if (backend == GpuModeAttribute.OpenCl)
            Assert.Contains("Enhance Upscale: OpenCL render runs the model on the CPU, copying each cell's tensors", log);
    }

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void Upscale_with_the_model_in_place_matches_CPU_mode(string backend)
    {
        // Enhance in place: down to the footprint the source scale stands for, the model, back up — all on the device.
        var dir = Folder(backend, nameof(Upscale_with_the_model_in_place_matches_CPU_mode));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 128);
        string log = AssertGpuEqualsCpu(backend, dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.mode=2",
            "--param", $"{Upscale}.sourceScale=2", "--tile", "90");
        Assert.DoesNotContain("between copies from and to the device", log);
    }

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void Upscale_temporal_stability_matches_CPU_mode_with_the_previous_frame_on_the_device(string backend)
    {
        // The host hands the previous frame in device memory too; the weights, smooth change and blend run as
        // the kernels of Gpu/Kernels/temporal.cl. A short clip: a photo, noise per frame, a bar moving across.
        var dir = Folder(backend, nameof(Upscale_temporal_stability_matches_CPU_mode_with_the_previous_frame_on_the_device));
        using (var photo = ImageFiles.Load(TestImages.Photo("coffee"), 3, 96))
        {
            var frames = TemporalClips.MovingBar(photo, 3, startX: 30, step: 5);
            for (int f = 0; f < frames.Length; f++)
            {
                GpuModeImages.Write(frames[f], Path.Combine(dir, $"in.{f:D4}.pfm"));
                frames[f].Dispose();
            }
        }
        string[] graph = ["render", "--node", Upscale, "--input", Path.Combine(dir, "in.####.pfm"), "--frames", "1-2"];
        string stable = $"{Upscale}.temporalStability=1";
        var cpuRun = ReferenceHost.Run([.. graph, "--param", stable, "--output", Path.Combine(dir, "cpu.####.pfm")]);
        Assert.True(cpuRun.ExitCode == 0, cpuRun.Log);
        var perFrameRun = ReferenceHost.Run([.. graph, "--output", Path.Combine(dir, "perframe.####.pfm")]);
        Assert.True(perFrameRun.ExitCode == 0, perFrameRun.Log);
        var gpuRun = ReferenceHost.RunWith(GpuRenderStats.Environment,
            [.. graph, "--param", stable, "--gpu", GpuModeAttribute.HostFlag(backend), "--verbose", "--output", Path.Combine(dir, "gpu.####.pfm")]);
        Assert.True(gpuRun.ExitCode == 0, gpuRun.Log);
        Assert.Contains($"[ofxhost] {backend}:", gpuRun.StandardError);
        Assert.DoesNotContain("rendering on the CPU", gpuRun.StandardError);
        Assert.DoesNotContain("between copies from and to the device", gpuRun.StandardError);
        Assert.All(GpuRenderStats.Parse(gpuRun.StandardError), s => Assert.Equal(backend, s.Backend));
        foreach (int f in new[] { 1, 2 })
        {
            using var cpu = GpuModeImages.Read(Path.Combine(dir, $"cpu.{f:D4}.pfm"));
            using var gpu = GpuModeImages.Read(Path.Combine(dir, $"gpu.{f:D4}.pfm"));
            double difference = QualityMetrics.MaxAbsoluteDifference(cpu, gpu);
            Assert.True(difference <= Tolerance, $"frame {f}: {backend} mode differs from CPU mode by {difference}\n{gpuRun.Log}");
            using var perFrame = GpuModeImages.Read(Path.Combine(dir, $"perframe.{f:D4}.pfm"));
            Assert.True(QualityMetrics.MaxAbsoluteDifference(perFrame, gpu) > 0.5 / 255, $"frame {f}: temporal stability changed nothing on the device");
        }
    }

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void Dehalo_matches_CPU_mode_in_tiles_and_copies_no_frame(string backend)
    {
        // Tiles smaller than Dehalo's reach: every tile's stages read past its edges, and the border tiles
        // edge-extend beyond the clip, on the device as on the CPU. Only the blur's tap tables go to the device.
        var dir = Folder(backend, nameof(Dehalo_matches_CPU_mode_in_tiles_and_copies_no_frame));
        string input = GpuModeImages.SmallPhoto(dir, "astronaut", 160);
        string log = AssertGpuEqualsCpu(backend, dir, input, "render", "--node", Dehalo, "--param", $"{Dehalo}.radiusX=3",
            "--tile", "53", "--threads", "2");
        Assert.DoesNotContain("slow path", log);
        AssertNoFrameCopied(log);
    }

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void Grain_matches_CPU_mode_in_tiles_and_copies_no_frame(string backend)
    {
        var dir = Folder(backend, nameof(Grain_matches_CPU_mode_in_tiles_and_copies_no_frame));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 160);
        string log = AssertGpuEqualsCpu(backend, dir, input, "render", "--node", Grain, "--param", $"{Grain}.amount=0.05",
            "--param", $"{Grain}.saturation=1", "--tile", "61", "--threads", "2");
        Assert.DoesNotContain("slow path", log);
        AssertNoFrameCopied(log);
    }

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void Classical_Upscale_runs_the_Lanczos_kernel_tile_by_tile(string backend)
    {
        var dir = Folder(backend, nameof(Classical_Upscale_runs_the_Lanczos_kernel_tile_by_tile));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 120);
        string log = AssertGpuEqualsCpu(backend, dir, input, "render", "--node", Upscale, "--param", $"{Upscale}.model=0", "--tile", "77");
        Assert.DoesNotContain("slow path", log);
        Assert.True(GpuRenderStats.Parse(log).Count > 1, "the tiles were not rendered one by one");
        AssertNoFrameCopied(log);
    }

    [Theory]
    [GpuMode(GpuModeAttribute.OpenCl)]
    [GpuMode(GpuModeAttribute.Cuda)]
    public void Images_the_kernels_cannot_index_fall_back_to_the_CPU(string backend)
    {
        // 8-bit images are declared by the nodes but are no float rows: the node answers
        // kOfxStatGPURenderFailed and the host renders the frame again with CPU images.
        var dir = Folder(backend, nameof(Images_the_kernels_cannot_index_fall_back_to_the_CPU));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 96);
        string cpu = Path.Combine(dir, "cpu.pfm"), gpu = Path.Combine(dir, "gpu.pfm");
        string[] graph = ["render", "--node", Grain, "--param", $"{Grain}.amount=0.05", "--depth", "byte", "--input", input];
        var cpuRun = ReferenceHost.Run([.. graph, "--output", cpu]);
        Assert.True(cpuRun.ExitCode == 0, cpuRun.Log);
        var gpuRun = ReferenceHost.Run([.. graph, "--gpu", GpuModeAttribute.HostFlag(backend), "--verbose", "--output", gpu]);
        Assert.True(gpuRun.ExitCode == 0, gpuRun.Log);
        Assert.Contains($"{backend} render failed, rendering on the CPU", gpuRun.StandardError);
        Assert.DoesNotContain("[ofx ERROR]", gpuRun.StandardError);
        using var a = GpuModeImages.Read(cpu);
        using var b = GpuModeImages.Read(gpu);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(a, b));
    }

    [NoCudaFact]
    public void Without_CUDA_the_host_refuses_in_one_sentence()
    {
        var dir = Folder("none", nameof(Without_CUDA_the_host_refuses_in_one_sentence));
        string input = GpuModeImages.SmallPhoto(dir, "rocket", 64);
        var run = ReferenceHost.Run("render", "--node", Grain, "--gpu", "cuda", "--input", input, "--output", Path.Combine(dir, "out.pfm"));
        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("ofxhost: --gpu cuda: ", run.StandardError);
        Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(dir, "out.pfm")));
    }
}
