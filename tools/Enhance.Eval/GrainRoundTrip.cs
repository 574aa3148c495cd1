using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using NetVips;

namespace Enhance.Eval;

/// <summary>One photo through the Grain round trip and matching experiment (see <see cref="GrainEval"/>).</summary>
internal sealed record GrainRoundTrip(int Bands, double MaxStrengthError, double MeanStrengthError, double EstimatedWidth,
                                      double TrueWidth, double MaxMatchError, double MatchWidthRatio)
{
    /// <summary>Per-band detail lines (for `grain 512 -v`).</summary>
    public List<string> Details { get; } = [];

    public static GrainRoundTrip Run(FloatImage clean, GrainSettings settings)
    {
        using var source = clean.Clone();
        GrainRenderer.Apply(clean, source, settings, null, 12, clean.Height, 1.0);
        var profile = GrainEstimator.Estimate(source, settings.Space);

        var errors = new List<double>();
        foreach (var band in profile.Bands)
            for (int c = 0; c < 3; c++)
            {
                double truth = GrainRenderer.ExpectedStrength(settings, null, band.Intensity, c);
                errors.Add(Math.Abs(band.Channel(c) / truth - 1));
            }
        double trueWidth = GrainRenderer.KernelFor(settings, null, clean.Height, 1.0).AutocorrelationWidth();

        using var enhanced = Upscale2x(clean);
        using var matched = enhanced.Clone();
        GrainRenderer.Apply(enhanced, matched, new GrainSettings { Softness = settings.Softness, Seed = 99 }, profile, 12, enhanced.Height, 1.0);
        var result = GrainEstimator.Estimate(matched, settings.Space);
        var matchErrors = new List<double>();
        foreach (var band in result.Bands)
        {
            var reference = profile.Bands.FirstOrDefault(b => BandIndex(b) == BandIndex(band));
            if (reference is null) continue;
            for (int c = 0; c < 3; c++) matchErrors.Add(Math.Abs(band.Channel(c) / reference.Channel(c) - 1));
        }
        var trip = new GrainRoundTrip(profile.Bands.Count, errors.DefaultIfEmpty(double.NaN).Max(), errors.DefaultIfEmpty(double.NaN).Average(),
            profile.CorrelationWidth, trueWidth, matchErrors.DefaultIfEmpty(double.NaN).Max(), result.CorrelationWidth / (2 * profile.CorrelationWidth));
        foreach (var band in profile.Bands)
            trip.Details.Add($"    source band {band.Intensity:F3} ({band.Blocks} blocks): RGB {band.Red:F4} {band.Green:F4} {band.Blue:F4}, true " +
                string.Join(" ", Enumerable.Range(0, 3).Select(c => GrainRenderer.ExpectedStrength(settings, null, band.Intensity, c).ToString("F4"))));
        foreach (var band in result.Bands)
            trip.Details.Add($"    matched band {band.Intensity:F3} ({band.Blocks} blocks): RGB {band.Red:F4} {band.Green:F4} {band.Blue:F4}");
        trip.Details.Add($"    source rho {string.Join(" ", profile.Autocorrelation.Take(5).Select(v => v.ToString("F3")))}, channel corr {profile.ChannelCorrelation:F3}; matched rho {string.Join(" ", result.Autocorrelation.Take(5).Select(v => v.ToString("F3")))}, channel corr {result.ChannelCorrelation:F3}");
        return trip;
    }

    private static int BandIndex(GrainBand band) => Math.Clamp((int)(band.Intensity * GrainEstimator.BandCount), 0, GrainEstimator.BandCount - 1);

    /// <summary>The "enhanced" grain-free copy: Lanczos-3 2× upscale (libvips), standing in for Upscale.</summary>
    public static FloatImage Upscale2x(FloatImage image)
    {
        using var vips = NetVips.Image.NewFromMemory(image.Pixels.ToArray(), image.Width, image.Height, image.Channels, Enums.BandFormat.Float);
        using var big = vips.Resize(2, kernel: Enums.Kernel.Lanczos3);
        var data = big.WriteToMemory<float>();
        var result = new FloatImage(PixelRect.FromSize(big.Width, big.Height), image.Channels);
        data.AsSpan(0, result.Pixels.Length).CopyTo(result.Pixels);
        return result;
    }
}
