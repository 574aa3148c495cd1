using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using static Enhance.Effects.Tests.Upscale.UpscalePipelineFixtures;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// Each route of <see cref="UpscalePipeline"/> on CPU images: what it renders (against the effect's
/// own parts, the way the node put them together before the pipeline), what it reads, and that alpha
/// ends clamped. Temporal renders fill the process-wide cell cache, hence the tiled-render collection.
/// </summary>
[Collection(nameof(UpscaleTiledRenderTests))]
public sealed class UpscalePipelineCpuTests
{
    private static readonly PixelRect Window = new(23, 17, 151, 101);

    [Fact]
    public void Classical_resize_is_Lanczos_with_alpha_clamped()
    {
        using var clip = HardAlphaPhoto("coffee", 96);
        var pipeline = new UpscalePipeline(UpscaleFit.Resize, new UpscaleSettings());
        var reads = new List<PixelRect>();
        using var actual = RenderOnCpu(pipeline, clip, Window, previous: null, reads);

        using var lanczos = new FloatImage(Window, 4);
        LanczosResampler.Resample(clip, clip.Bounds, lanczos, 2, 2);
        using var clamped = lanczos.Clone();
        CpuPrimitives.ClampAlpha(clamped);
        Assert.True(QualityMetrics.MaxAbsoluteDifference(lanczos, clamped) > 1e-3, "the hard alpha edge should overshoot");
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(clamped, actual));
        Assert.All(reads, r => Assert.True(pipeline.InputRegion(Window, clip.Bounds).Contains(r), r.ToString()));
    }

    [Fact]
    public void In_place_without_a_model_passes_the_frame_on_with_alpha_clamped()
    {
        using var frame = HardAlphaPhoto("coffee", 192);
        frame.At(60, 70, 3) = 1.5f;
        frame.At(61, 70, 3) = -0.25f;
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        using var expected = Crop(frame, Window);
        CpuPrimitives.ClampAlpha(expected);
        Assert.Equal(1f, expected.At(60, 70, 3));

        // Classical, and a model at strength 0: the same frame, no Lanczos round trip.
        foreach (var settings in new[] { new UpscaleSettings(), new UpscaleSettings { Model = lease.Model, Strength = 0f } })
        {
            using var actual = RenderOnCpu(new UpscalePipeline(UpscaleFit.InPlace, settings), frame, Window, previous: null);
            Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(expected, actual));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Resize_with_a_model_is_the_renderer_with_alpha_clamped_and_reads_no_previous_frame(int channels)
    {
        using var clip = channels == 4 ? HardAlphaPhoto("astronaut", 96) : UpscaleFixtures.Photo("astronaut", 3, 96);
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8 };
        var pipeline = new UpscalePipeline(UpscaleFit.Resize, settings);
        var previousReads = new List<PixelRect>();
        using var actual = RenderOnCpu(pipeline, clip, Window, previous: clip, previousReads: previousReads);

        using var expected = UpscaleFixtures.Render(clip, Window, settings);
        using var classical = UpscaleFixtures.Render(clip, Window, settings with { Model = null });
        CpuPrimitives.ClampAlpha(expected);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(expected, actual));
        Assert.True(QualityMetrics.MaxAbsoluteDifference(classical, actual) > 1e-3, "the model should take part");
        Assert.Empty(previousReads);
    }

    [Fact]
    public void In_place_with_a_model_adds_the_footprints_detail_to_the_frame()
    {
        using var frame = HardAlphaPhoto("rocket", 192);
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8 };
        var pipeline = new UpscalePipeline(UpscaleFit.InPlace, settings);
        var reads = new List<PixelRect>();
        using var actual = RenderOnCpu(pipeline, frame, Window, previous: null, reads);

        // The model sees the frame reduced by the source scale; its detail goes over the frame itself.
        var (footprintRegion, _) = UpscaleGeometry.InPlaceRegions(Window, settings, frame.Bounds);
        using var footprint = new FloatImage(footprintRegion, 4);
        LanczosResampler.Resample(frame, frame.Bounds, footprint, 0.5, 0.5);
        using var expected = new FloatImage(Window, 4);
        UpscaleRenderer.Render(footprint, UpscaleGeometry.FootprintDefinition(frame.Bounds, 2), expected, settings, classicalBase: frame);
        CpuPrimitives.ClampAlpha(expected);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(expected, actual));

        using var passedOn = Crop(frame, Window);
        CpuPrimitives.ClampAlpha(passedOn);
        Assert.True(QualityMetrics.MaxAbsoluteDifference(passedOn, actual) > 1e-3, "the model should take part");
        Assert.All(reads, r => Assert.True(pipeline.InputRegion(Window, frame.Bounds).Contains(r), r.ToString()));
    }

    [Fact]
    public void Temporal_resize_reads_the_previous_frame_over_the_source_it_reads()
    {
        using var clip = UpscaleFixtures.Photo("coffee", 3, 96);
        using var previous = SlightlyChanged(clip);
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8, TemporalStability = 1f };
        var pipeline = new UpscalePipeline(UpscaleFit.Resize, settings);
        var sourceReads = new List<PixelRect>();
        var previousReads = new List<PixelRect>();
        using var actual = RenderOnCpu(pipeline, clip, Window, previous, sourceReads, previousReads);

        Assert.Equal(sourceReads, previousReads);
        var needed = UpscaleGeometry.ResizeInputRegion(Window, settings, clip.Bounds);
        using var input = Crop(clip, needed);
        using var previousInput = Crop(previous, needed);
        using var expected = new FloatImage(Window, 3);
        UpscaleRenderer.Render(input, clip.Bounds, expected, settings, previous: previousInput);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(expected, actual));

        // Without a previous frame from the host (the first frame) the frame renders on its own.
        using var alone = RenderOnCpu(pipeline, clip, Window, previous: null);
        using var perFrame = UpscaleFixtures.Render(clip, Window, settings with { TemporalStability = 0f });
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(perFrame, alone));
        Assert.True(QualityMetrics.MaxAbsoluteDifference(perFrame, actual) > 1e-5, "the previous frame should take part");
    }

    [Fact]
    public void Temporal_in_place_reduces_the_previous_frame_to_the_footprint_too()
    {
        using var frame = UpscaleFixtures.Photo("coffee", 3, 192);
        using var previous = SlightlyChanged(frame);
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8, TemporalStability = 1f };
        var pipeline = new UpscalePipeline(UpscaleFit.InPlace, settings);
        var previousReads = new List<PixelRect>();
        using var actual = RenderOnCpu(pipeline, frame, Window, previous, previousReads: previousReads);

        var (footprintRegion, needed) = UpscaleGeometry.InPlaceRegions(Window, settings, frame.Bounds);
        Assert.Equal([needed], previousReads);
        using var footprint = new FloatImage(footprintRegion, 3);
        using var previousFootprint = new FloatImage(footprintRegion, 3);
        LanczosResampler.Resample(frame, frame.Bounds, footprint, 0.5, 0.5);
        LanczosResampler.Resample(previous, frame.Bounds, previousFootprint, 0.5, 0.5);
        using var expected = new FloatImage(Window, 3);
        UpscaleRenderer.Render(footprint, UpscaleGeometry.FootprintDefinition(frame.Bounds, 2), expected, settings,
                               classicalBase: frame, previous: previousFootprint);
        Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(expected, actual));

        using var perFrame = RenderOnCpu(new UpscalePipeline(UpscaleFit.InPlace, settings with { TemporalStability = 0f }), frame, Window, previous: null);
        Assert.True(QualityMetrics.MaxAbsoluteDifference(perFrame, actual) > 1e-5, "the previous frame should take part");
    }
}
