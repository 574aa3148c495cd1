namespace Enhance.Effects.Grain;

/// <summary>
/// Grain strength in one intensity band: standard deviation per channel, in working-space units,
/// measured on <see cref="Blocks"/> flat blocks whose mean intensity averaged <see cref="Intensity"/>.
/// </summary>
public sealed record GrainBand(double Intensity, double Red, double Green, double Blue, int Blocks)
{
    public double Channel(int c) => c switch { 0 => Red, 1 => Green, 2 => Blue, _ => throw new ArgumentOutOfRangeException(nameof(c)) };
}

/// <summary>
/// Grain measured from a source clip by <see cref="GrainEstimator"/>: strength per intensity band
/// and channel, the spatial correlation (autocorrelation half-width in pixels of a frame
/// <see cref="FrameHeight"/> pixels tall) and how much the channels' grain moves together.
/// Bands holds only the bands that had enough flat area to measure, ordered by intensity;
/// the renderer interpolates between them and holds the end values beyond them.
/// </summary>
public sealed record GrainProfile
{
    public required int FrameHeight { get; init; }
    public required GrainSpace Space { get; init; }
    public required IReadOnlyList<GrainBand> Bands { get; init; }

    /// <summary>Lag in pixels at which the grain's normalised autocorrelation falls to 0.5 (see <see cref="GrainKernel.AutocorrelationWidth"/>).</summary>
    public required double CorrelationWidth { get; init; }

    /// <summary>Mean correlation between the channels' grain: 1 = monochrome grain, 0 = independent.</summary>
    public required double ChannelCorrelation { get; init; }

    /// <summary>The autocorrelation the width was read from, lag 0 (1.0) upwards.</summary>
    public IReadOnlyList<double> Autocorrelation { get; init; } = [];

    public bool IsEmpty => Bands.Count == 0;

    /// <summary>Strength of channel <paramref name="c"/> at a working-space intensity, interpolated between bands.</summary>
    public double StrengthAt(double intensity, int c)
    {
        if (Bands.Count == 0) return 0;
        if (intensity <= Bands[0].Intensity) return Bands[0].Channel(c);
        for (int i = 1; i < Bands.Count; i++)
        {
            if (intensity <= Bands[i].Intensity)
            {
                var a = Bands[i - 1]; var b = Bands[i];
                double t = (intensity - a.Intensity) / Math.Max(1e-9, b.Intensity - a.Intensity);
                return a.Channel(c) + t * (b.Channel(c) - a.Channel(c));
            }
        }
        return Bands[^1].Channel(c);
    }

    /// <summary>The saturation setting whose channel mixing gives <see cref="ChannelCorrelation"/> (see <see cref="GrainRenderer"/>).</summary>
    public double EquivalentSaturation
    {
        get
        {
            // Mixing g_c = m + s (n_c − m) of independent fields gives a channel correlation
            // ρ = (1 − s²) / (1 + 2 s²); solved for s.
            double rho = Math.Clamp(ChannelCorrelation, 0.0, 1.0);
            return Math.Sqrt((1 - rho) / (1 + 2 * rho));
        }
    }
}
