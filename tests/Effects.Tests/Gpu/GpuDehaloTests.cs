using Enhance.Effects.Dehalo;
using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// Dehalo on OpenCL (pocl) and, where present, CUDA against <see cref="DehaloProcessor.Process"/> on a
/// haloed real photograph: within 1e-4 (max abs difference), every pixel of the window written (buffers
/// start at −7). Without CUDA the CUDA rows are skipped with the reason (<see cref="BackendRowsAttribute"/>).
/// A parameterless class (no output helper): tools/gpu-check.sh runs it on GPU machines with its own runner,
/// so measured figures travel in the assertion messages.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuDehaloTests
{
    /// <summary>What a stage that acts changes, at least: far above any backend's rounding.</summary>
    private const double MeaningfulChange = 1e-2;

    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var backend in new[] { GpuBackends.OpenCl, GpuBackends.Cuda })
        {
            foreach (var name in GpuDehaloCases.All) data.Add(backend, name, 4);
            data.Add(backend, GpuDehaloCases.Default, 3);
            data.Add(backend, GpuDehaloCases.Tile, 3);
            data.Add(backend, GpuDehaloCases.NoProtection, 1);
        }
        return data;
    }

    [Theory]
    [BackendRows(nameof(Cases), GpuBackends.OpenCl)]
    [BackendRows(nameof(Cases), GpuBackends.Cuda)]
    public void Dehalo_on_the_GPU_matches_the_CPU_processor(string backend, string name, int channels)
    {
        var settings = GpuDehaloCases.Settings(name);
        var (clip, window) = GpuDehaloCases.Clip(name, channels, 150, 110);
        using var clipImage = clip;
        using var source = GpuDehaloCases.SourceFor(clip, window, settings);
        using var expected = new FloatImage(window, channels);
        // The CPU node sees the host's image through FiniteSamples (HostImageConverter); the GPU kernels read
        // the host's memory in place through the same rule. Pictures pass unchanged; the huge-values case does not.
        using var asTheCpuNodeSeesIt = source.Clone();
        if (ConformanceTolerance.ReadsHostSamplesAsTheCpuNode(backend)) FiniteSamples.Copy(source.Pixels, asTheCpuNodeSeesIt.Pixels);
        DehaloProcessor.Process(asTheCpuNodeSeesIt, clip.Bounds, expected, settings);

        using var session = GpuBackends.Open(backend);
        var gpuOut = session.Allocate(window, channels);
        GpuDehalo.Apply(session.Primitives, session.Upload(source), clip.Bounds, gpuOut, settings);
        using var actual = session.Download(gpuOut);

        double difference = QualityMetrics.MaxAbsoluteDifference(expected, actual);
        Assert.True(difference <= ConformanceTolerance.Exact(backend), $"{backend} {name} ({channels} ch): max abs {difference:E2}");
        if (settings.Output == DehaloOutput.Result)
        {
            using var input = new FloatImage(window, channels);
            input.CopyFrom(clip);
            double change = QualityMetrics.MaxAbsoluteDifference(input, actual);
            Assert.True(change > 1e-2, $"the halos must be changed (largest change {change:F4})");
        }
        else
        {
            // The views are pictures of where and what the node changes, not a flat grey.
            float lowest = float.MaxValue, highest = float.MinValue;
            for (int i = 0; i < actual.Pixels.Length; i += channels) { lowest = Math.Min(lowest, actual.Pixels[i]); highest = Math.Max(highest, actual.Pixels[i]); }
            Assert.True(highest - lowest > 1e-2, $"the {settings.Output} view is flat ({lowest}..{highest})");
        }
    }

    [Theory]
    [BackendRows(nameof(GpuBackends.All), GpuBackends.OpenCl, MemberType = typeof(GpuBackends))]
    [BackendRows(nameof(GpuBackends.All), GpuBackends.Cuda, MemberType = typeof(GpuBackends))]
    public void A_source_that_misses_the_required_input_is_refused(string backend)
    {
        using var session = GpuBackends.Open(backend);
        var (clip, window) = GpuDehaloCases.Clip(GpuDehaloCases.Default, 4, 150, 110);
        using var clipImage = clip;
        using var tooSmall = new FloatImage(window, 4);
        tooSmall.CopyFrom(clip);
        var e = Assert.Throws<ArgumentException>(() =>
            GpuDehalo.Apply(session.Primitives, session.Upload(tooSmall), clip.Bounds, session.Allocate(window, 4), new DehaloSettings()));
        Assert.Contains("required input", e.Message);
    }

    [Theory]
    [InlineData(2.0, true)]
    [InlineData(32.0, false)]
    public void Only_the_blur_tap_tables_are_copied_to_the_device(double radius, bool protection)
    {
        // A UHD frame: the picture never crosses; what does is a few tables of filter taps.
        var frame = PixelRect.FromSize(3840, 2160);
        var settings = new DehaloSettings { RadiusX = radius, RadiusY = radius, EdgeProtection = protection ? 1 : 0 };
        var plan = DehaloGpuPlan.Create(new DeviceImage(1, frame, 4), frame, new DeviceImage(2, frame, 4), settings);
        long uploaded = plan.Buffers.Where(b => b.Floats is not null || b.Ints is not null).Sum(b => b.Bytes);
        Assert.True(uploaded is > 0 and <= 512 * 1024, $"radius {radius}: {uploaded} bytes of tables");
        Assert.Equal(4, plan.Buffers.Count(b => b.Name.EndsWith(" taps", StringComparison.Ordinal)));
        Assert.All(plan.Launches, l => Assert.True(l.Width > 0 && l.Height > 0));
        AssertEveryBufferLivesAcrossItsUses(plan);
    }

    [Theory]
    [InlineData(GpuDehaloCases.NativeTexture, 150, 110)]
    [InlineData(GpuDehaloCases.HalfTextureProtection, 150, 110)]
    [InlineData(GpuDehaloCases.NativeTexture, 90, 70)]
    [InlineData(GpuDehaloCases.HalfTextureProtection, 90, 70)]
    public void The_texture_cases_depend_on_fine_texture_protection(string name, int width, int height)
    {
        // Far above the tolerance, so a backend that skipped or misplaced the stage could not pass them
        // (on the upscaled crop of the other cases protection 1 and 0 differ by less than 1e-4).
        var settings = GpuDehaloCases.Settings(name);
        var (clip, window) = GpuDehaloCases.Clip(name, 4, width, height);
        using var clipImage = clip;
        using var on = new FloatImage(window, 4);
        using var off = new FloatImage(window, 4);
        using var source = GpuDehaloCases.SourceFor(clip, window, settings);
        DehaloProcessor.Process(source, clip.Bounds, on, settings);
        DehaloProcessor.Process(source, clip.Bounds, off, settings with { TextureProtection = 0 });
        double difference = QualityMetrics.MaxAbsoluteDifference(on, off);
        Assert.True(difference > MeaningfulChange, $"{name}: protection changes the result by only {difference:E2}");
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 1)]
    [InlineData(1.0, 1)]
    public void Fine_texture_protection_is_planned_only_when_it_acts(double protection, int launches)
    {
        var frame = PixelRect.FromSize(64, 48);
        var settings = new DehaloSettings { TextureProtection = protection };
        var plan = DehaloGpuPlan.Create(new DeviceImage(1, frame, 4), frame, new DeviceImage(2, frame, 4), settings);
        Assert.Equal(launches, plan.Launches.Count(l => l.Kernel == DehaloKernel.Energies));
        Assert.Equal(launches, plan.Launches.Count(l => l.Kernel == DehaloKernel.TextureGate));
        AssertEveryBufferLivesAcrossItsUses(plan);
    }

    /// <summary>Each buffer of ours is created once before its first use and released once, after its last.</summary>
    private static void AssertEveryBufferLivesAcrossItsUses(DehaloGpuPlan plan)
    {
        var alive = new HashSet<int> { DehaloGpuPlan.SourceBuffer, DehaloGpuPlan.DestinationBuffer };
        var released = new HashSet<int>();
        for (int i = 0; i < plan.Launches.Count; i++)
        {
            foreach (int b in plan.Schedule[i].Create) Assert.True(alive.Add(b) && !released.Contains(b), $"buffer {b} created twice");
            foreach (var a in plan.Launches[i].Arguments.Where(a => a.Kind == DehaloArgumentKind.Buffer))
                Assert.True(alive.Contains(a.Int), $"launch {i} ({plan.Launches[i].Kernel}) uses {plan.Buffers[a.Int].Name} outside its life");
            foreach (int b in plan.Schedule[i].Release) { Assert.True(alive.Remove(b)); released.Add(b); }
        }
        Assert.Equal(plan.Buffers.Count - 2, released.Count);
    }
}
