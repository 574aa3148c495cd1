using Enhance.Effects.Imaging;

namespace Enhance.Effects.Tests.Dehalo;

/// <summary>Small synthetic planes and images for the stage tests (real photographs are used for quality).</summary>
internal static class TestPlanes
{
    /// <summary>A 1-channel plane with deterministic pseudo-random values in [0, 1).</summary>
    public static FloatImage Random(PixelRect bounds, int seed)
    {
        var plane = new FloatImage(bounds, 1);
        var rng = new Random(seed);
        foreach (ref var v in plane.Pixels) v = (float)rng.NextDouble();
        return plane;
    }

    /// <summary>A plane filled by a function of canvas position.</summary>
    public static FloatImage From(PixelRect bounds, Func<int, int, float> value)
    {
        var plane = new FloatImage(bounds, 1);
        for (int y = bounds.Y1; y < bounds.Y2; y++)
            for (int x = bounds.X1; x < bounds.X2; x++) plane.At(x, y, 0) = value(x, y);
        return plane;
    }

    /// <summary>
    /// One sample of a vertical edge from low to high centred between <paramref name="edgeAt"/> − 1 and
    /// <paramref name="edgeAt"/>, soft as a real (upscaled) edge is (Gaussian σ <paramref name="softness"/>), then
    /// sharpened by an unsharp mask of Gaussian σ and the given amount, analytically: a dark undershoot left of
    /// the edge and a bright overshoot right of it, as a sharpener makes them.
    /// </summary>
    public static float SharpenedStep(int x, int edgeAt, float low, float high, double softness, double sigma, double amount)
    {
        double d = x - (edgeAt - 0.5);
        double edge = low + (high - low) * NormalCdf(d / softness);
        double blurred = low + (high - low) * NormalCdf(d / Math.Sqrt(softness * softness + sigma * sigma));
        return (float)(edge + amount * (edge - blurred));
    }

    private static double NormalCdf(double z)
    {
        // Abramowitz–Stegun 7.1.26 erf approximation, |error| < 1.5e-7: plenty for a test picture.
        double t = 1 / (1 + 0.3275911 * Math.Abs(z) / Math.Sqrt(2));
        double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
            * Math.Exp(-z * z / 2);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
