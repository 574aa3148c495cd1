using Enhance.Effects.Grain;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

public class GrainKernelTests
{
    [Theory]
    [InlineData(0.3, 0.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(4.0, 1.0)]
    public void TapsHaveUnitEnergySoGrainKeepsUnitVariance(double width, double softness)
    {
        var kernel = GrainKernel.Create(width, softness);
        double energy = kernel.Taps.Sum(t => (double)t * t);
        Assert.Equal(1.0, energy, 5);
    }

    [Fact]
    public void GrainWidthInPixelsScalesWithFrameHeight()
    {
        var hd = GrainKernel.ForSize(2, 0.5, 1080);
        var uhd = GrainKernel.ForSize(2, 0.5, 2160);
        Assert.Equal(2 * hd.Width, uhd.Width, 9);
        Assert.InRange(uhd.AutocorrelationWidth() / hd.AutocorrelationWidth(), 1.8, 2.2);
    }

    [Fact]
    public void LargerSizeGivesWiderAutocorrelation()
    {
        double previous = 0;
        foreach (double size in new[] { 1.0, 2, 4, 8 })
        {
            double width = GrainKernel.ForSize(size, 0.5, 1080).AutocorrelationWidth();
            Assert.True(width > previous, $"size {size}: width {width} not above {previous}");
            previous = width;
        }
    }

    [Fact]
    public void AutocorrelationWidthInterpolatesWhereItCrossesOneHalf()
    {
        Assert.Equal(1.5, GrainKernel.AutocorrelationWidth([1.0, 0.75, 0.25, 0.0]), 9);
        Assert.Equal(0.5, GrainKernel.AutocorrelationWidth([1.0, 0.0, 0.0]), 9);
        Assert.Equal(2.0, GrainKernel.AutocorrelationWidth([1.0, 0.9, 0.8]), 9);
    }

    [Theory]
    [InlineData(0.8, 0.5)]
    [InlineData(1.7, 0.0)]
    [InlineData(3.2, 1.0)]
    public void SolvesForAMeasuredAutocorrelationWidth(double target, double softness)
    {
        var kernel = GrainKernel.ForAutocorrelationWidth(target, softness);
        Assert.Equal(target, kernel.AutocorrelationWidth(), 2);
    }

    [Fact]
    public void AtEqualSizeSharpGrainHasCrisperEdgesThanSoftGrain()
    {
        // Same autocorrelation width, different clump shape: the sharp kernel keeps energy at the
        // pixel frequency (crisp clump edges), the soft one has almost none there.
        double NyquistGain(GrainKernel kernel)
        {
            double sum = 0;
            for (int i = 0; i < kernel.Taps.Count; i++) sum += (i % 2 == 0 ? 1 : -1) * kernel.Taps[i];
            return sum * sum;
        }
        var sharp = GrainKernel.ForAutocorrelationWidth(2.0, 0);
        var soft = GrainKernel.ForAutocorrelationWidth(2.0, 1);
        Assert.True(NyquistGain(sharp) > 100 * NyquistGain(soft), $"{NyquistGain(sharp)} vs {NyquistGain(soft)}");
    }
}
