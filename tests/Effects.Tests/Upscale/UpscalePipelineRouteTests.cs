using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Xunit;
using static Enhance.Effects.Upscale.UpscaleFit;
using static Enhance.Effects.Upscale.UpscaleRoute;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// <see cref="UpscalePipeline"/>'s decisions, which every backend follows: the route for the fit and
/// settings, what a render reads, what must render on the CPU, and which renders skip the model.
/// </summary>
public sealed class UpscalePipelineRouteTests
{
    public static TheoryData<UpscaleFit, bool, float, bool, UpscaleRoute> Routes => new()
    {
        // fit, a model given, strength, draft → route
        { Resize, false, 1f, false, Classical },
        { Resize, true, 1f, false, Model },
        { Resize, true, 0f, false, Classical },
        { Resize, true, 1f, true, Classical },
        { InPlace, false, 1f, false, PassThrough },
        { InPlace, true, 1f, false, ModelInPlace },
        { InPlace, true, 0f, false, PassThrough },
        { InPlace, true, 2f, true, PassThrough },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void The_route_follows_the_fit_and_whether_the_model_takes_part(UpscaleFit fit, bool model, float strength, bool draft, UpscaleRoute expected)
    {
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var settings = new UpscaleSettings { Model = model ? lease.Model : null, Strength = strength, Draft = draft };
        Assert.Equal(expected, UpscalePipeline.RouteFor(fit, settings));
        Assert.Equal(expected, new UpscalePipeline(fit, settings).Route);
    }

    [Theory]
    [InlineData(1.0, 1.0, false, false)]
    [InlineData(2.0, 2.0, false, false)]
    [InlineData(1.0, 1.0, true, true)]
    [InlineData(0.5, 0.5, false, true)]
    [InlineData(1.0, 0.5, false, true)]
    [InlineData(0.25, 1.0, false, true)]
    public void Drafts_and_render_scales_below_one_are_quick_renders(double x, double y, bool draft, bool quick) =>
        Assert.Equal(quick, UpscalePipeline.IsQuickRender(x, y, draft));

    [Theory]
    [InlineData(1f, false, true)]
    [InlineData(0.05f, false, true)]
    [InlineData(0f, false, false)]
    [InlineData(1f, true, false)]
    public void A_model_is_only_wanted_where_it_would_take_part(float strength, bool draft, bool wanted) =>
        Assert.Equal(wanted, new UpscaleSettings { Strength = strength, Draft = draft }.WantsModel);

    [Fact]
    public void Only_temporal_stability_with_a_model_reads_the_previous_frame()
    {
        using var lease = ModelCache.Acquire(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        foreach (var fit in new[] { Resize, InPlace })
        {
            var temporal = new UpscalePipeline(fit, new UpscaleSettings { Model = lease.Model, TemporalStability = 0.5f });
            Assert.True(temporal.ReadsPreviousFrame);

            var perFrame = new UpscalePipeline(fit, new UpscaleSettings { Model = lease.Model });
            Assert.False(perFrame.ReadsPreviousFrame);

            // Without a model (Classical, a draft, strength 0) there is nothing to stabilise.
            foreach (var classical in new[]
                     {
                         new UpscaleSettings { TemporalStability = 1f },
                         new UpscaleSettings { Model = lease.Model, TemporalStability = 1f, Draft = true },
                         new UpscaleSettings { Model = lease.Model, TemporalStability = 1f, Strength = 0f },
                     })
            {
                var pipeline = new UpscalePipeline(fit, classical);
                Assert.False(pipeline.ReadsPreviousFrame);
            }
        }
    }

    [Fact]
    public void Resize_works_at_the_scale_and_in_place_at_the_source_scale()
    {
        Assert.Equal(3.0, UpscaleGeometry.WorkingScale(Resize, 3, 1.5));
        Assert.Equal(1.5, UpscaleGeometry.WorkingScale(InPlace, 3, 1.5));
    }

    [Fact]
    public void Resize_reads_the_reduced_window_and_in_place_the_window_itself_too()
    {
        var definition = PixelRect.FromSize(200, 100);
        var settings = new UpscaleSettings { ScaleX = 2, ScaleY = 2 };
        var window = new PixelRect(60, 20, 100, 60);

        var resize = new UpscalePipeline(Resize, settings).InputRegion(window, definition);
        Assert.Equal(UpscaleGeometry.ResizeInputRegion(window, settings, definition), resize);
        Assert.False(resize.Contains(window), resize.ToString());  // the window halved, plus the kernel

        var inPlace = new UpscalePipeline(InPlace, settings).InputRegion(window, definition);
        Assert.True(inPlace.Contains(window), inPlace.ToString());
        Assert.True(inPlace.Contains(UpscaleGeometry.InPlaceRegions(window, settings, definition).Input), inPlace.ToString());
    }

    [Fact]
    public void Settings_that_cannot_render_are_refused_when_the_pipeline_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UpscalePipeline(Resize, new UpscaleSettings { ScaleX = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UpscalePipeline(InPlace, new UpscaleSettings { Strength = 3f }));
    }
}
