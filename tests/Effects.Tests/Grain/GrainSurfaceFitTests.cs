using Enhance.Effects.Grain;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

public class GrainSurfaceFitTests
{
    [Fact]
    public void WhiteNoiseLosesSixSamplesWorthOfVariance()
    {
        var white = new double[GrainKernel.MaxLag + 1];
        white[0] = 1;
        Assert.Equal(1 - 6.0 / (32 * 32), GrainSurfaceFit.Retention(white), 9);
    }

    [Fact]
    public void FitPullsMeasuredCorrelationDownAndUndoFitRestoresIt()
    {
        var truth = GrainKernel.Create(2.5, 1).Autocorrelation();
        var measured = GrainSurfaceFit.MeasuredAutocorrelation(truth);
        Assert.True(GrainKernel.AutocorrelationWidth(measured) < GrainKernel.AutocorrelationWidth(truth));
        var restored = GrainSurfaceFit.UndoFit(measured);
        for (int k = 0; k < truth.Length; k++) Assert.Equal(truth[k], restored[k], 4);
    }

    [Fact]
    public void ForwardModelMatchesAFittedNoiseField()
    {
        // Monte Carlo check of the closed form: fit surfaces to many blocks of real filtered noise.
        var kernel = GrainKernel.Create(2.0, 0.5);
        using var flat = GrainTestImages.Flat(Enhance.Effects.Imaging.PixelRect.FromSize(512, 512), 3, 0.45f);
        using var grain = GrainTestImages.WithGrain(flat, new GrainSettings { Amount = 0.05, Size = 2.0 / GrainKernel.ReferenceWidth * GrainKernel.ReferenceFrameHeight / 512, Softness = 0.5, Monochrome = true });
        var profile = GrainEstimator.Estimate(grain);
        // The estimator undoes the fit, so its autocorrelation must be the kernel's own, not the fitted one.
        var truth = kernel.Autocorrelation();
        for (int k = 1; k <= 6; k++) Assert.Equal(truth[k], profile.Autocorrelation[k], 0.03);
        Assert.All(profile.Bands, band => Assert.Equal(0.05, band.Green, 0.05 * 0.03));
    }
}
