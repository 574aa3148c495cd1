namespace Enhance.Effects.Grain;

/// <summary>
/// Tonal response of the grain: how much grain shadows, midtones and highlights get, with a
/// movable midpoint. The three weights are a smooth partition of unity over intensity, so equal
/// values give a flat response and no tone gets a seam.
/// </summary>
public sealed record GrainResponse(double Shadows = 1.0, double Midtones = 1.0, double Highlights = 1.0, double Midpoint = 0.5)
{
    public static GrainResponse Flat { get; } = new();

    /// <summary>Grain multiplier at a working-space intensity (luma, 0 = black, 1 = white; clamped outside).</summary>
    public double Weight(double intensity)
    {
        double t = ToUnit(intensity);
        // Shadow weight falls from 1 at black to 0 at the midpoint, highlight weight rises from 0 at
        // the midpoint to 1 at white; midtones take the rest, peaking at the midpoint.
        double shadows = SmoothStep(0.5, 0.0, t);
        double highlights = SmoothStep(0.5, 1.0, t);
        double midtones = 1.0 - shadows - highlights;
        return Shadows * shadows + Midtones * midtones + Highlights * highlights;
    }

    public void Validate()
    {
        if (!(Shadows >= 0 && Midtones >= 0 && Highlights >= 0))
            throw new ArgumentOutOfRangeException(nameof(Shadows), "Response weights must be ≥ 0.");
        if (!(Midpoint is >= 0.05 and <= 0.95))
            throw new ArgumentOutOfRangeException(nameof(Midpoint), Midpoint, "Midpoint must be in 0.05–0.95.");
    }

    /// <summary>Maps intensity to 0–1 so that the midpoint lands on 0.5 (piecewise linear, clamped).</summary>
    private double ToUnit(double intensity)
    {
        if (double.IsNaN(intensity) || intensity <= 0) return 0;
        if (intensity >= 1) return 1;
        return intensity < Midpoint
            ? 0.5 * intensity / Midpoint
            : 0.5 + 0.5 * (intensity - Midpoint) / (1 - Midpoint);
    }

    private static double SmoothStep(double edge0, double edge1, double x)
    {
        double t = Math.Clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
        return t * t * (3 - 2 * t);
    }
}
