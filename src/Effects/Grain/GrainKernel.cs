namespace Enhance.Effects.Grain;

/// <summary>
/// The finite 1-D filter that turns white noise into grain (applied along x then y, so the 2-D
/// kernel is the outer product). Shape is a generalised Gaussian exp(−|t / w|^p): p = 8 (near a box,
/// sharp clumps) at softness 0, p = 2 (Gaussian, soft clumps) at softness 1; w sets the clump width.
/// Taps are scaled so the 2-D filter has unit energy: filtered unit-variance noise keeps variance 1,
/// so Amount alone sets the grain's strength whatever its size.
///
/// Why a finite filter rather than AV1's causal autoregression: an AR filter's value at a pixel
/// depends on everything above and left of it, so a tile could not be rendered on its own; a finite
/// filter over a hashed noise lattice gives every render window exactly the same values.
/// </summary>
public sealed class GrainKernel
{
    /// <summary>Lags over which autocorrelation is measured and compared (generator and estimator alike).</summary>
    public const int MaxLag = 12;

    /// <summary>Clump width, in pixels of the frame being rendered, for Size 1 on a 1080-line frame.</summary>
    public const double ReferenceWidth = 0.7;
    public const double ReferenceFrameHeight = 1080;

    private readonly float[] _taps;

    private GrainKernel(float[] taps, double width, double softness)
    {
        _taps = taps;
        Width = width;
        Softness = softness;
    }

    /// <summary>Taps from −Radius to +Radius.</summary>
    public IReadOnlyList<float> Taps => _taps;

    internal ReadOnlySpan<float> TapSpan => _taps;
    public int Radius => Taps.Count / 2;
    public double Width { get; }
    public double Softness { get; }

    /// <summary>The kernel for a size setting on a frame <paramref name="pixelFrameHeight"/> pixels tall (at the render scale).</summary>
    public static GrainKernel ForSize(double size, double softness, double pixelFrameHeight) =>
        Create(ReferenceWidth * size * pixelFrameHeight / ReferenceFrameHeight, softness);

    public static GrainKernel Create(double width, double softness)
    {
        if (!(width > 0) || double.IsInfinity(width)) throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be > 0.");
        softness = Math.Clamp(softness, 0, 1);
        double p = Exponent(softness);
        // Cut where the tap falls under 1e-3 of the centre: exp(−(r/w)^p) = 1e-3.
        int radius = Math.Max(1, (int)Math.Ceiling(width * Math.Pow(Math.Log(1000), 1 / p)));
        var taps = new double[2 * radius + 1];
        double energy = 0;
        for (int i = -radius; i <= radius; i++)
        {
            double v = Math.Exp(-Math.Pow(Math.Abs(i) / width, p));
            taps[i + radius] = v;
            energy += v * v;
        }
        // Unit energy in 2-D: (Σ k²)² = 1, so each 1-D tap is divided by sqrt(Σ k²).
        double scale = 1 / Math.Sqrt(energy);
        var result = new float[taps.Length];
        for (int i = 0; i < taps.Length; i++) result[i] = (float)(taps[i] * scale);
        return new GrainKernel(result, width, softness);
    }

    /// <summary>
    /// The kernel of the given softness whose grain has autocorrelation half-width
    /// <paramref name="targetWidth"/> pixels (used to re-synthesise a measured grain at a new size).
    /// </summary>
    public static GrainKernel ForAutocorrelationWidth(double targetWidth, double softness)
    {
        // Half-width grows monotonically with w; bisection on a log scale.
        double lo = 0.05, hi = 64;
        for (int i = 0; i < 48; i++)
        {
            double mid = Math.Sqrt(lo * hi);
            if (Create(mid, softness).AutocorrelationWidth() < targetWidth) lo = mid; else hi = mid;
        }
        return Create(Math.Sqrt(lo * hi), softness);
    }

    /// <summary>Normalised autocorrelation of the grain this kernel makes, along x (equal along y), lags 0..MaxLag.</summary>
    public double[] Autocorrelation()
    {
        var rho = new double[MaxLag + 1];
        double zero = 0;
        for (int i = 0; i < Taps.Count; i++) zero += (double)Taps[i] * Taps[i];
        for (int lag = 0; lag <= MaxLag; lag++)
        {
            double sum = 0;
            for (int i = 0; i + lag < Taps.Count; i++) sum += (double)Taps[i] * Taps[i + lag];
            rho[lag] = sum / zero;
        }
        return rho;
    }

    public double AutocorrelationWidth() => AutocorrelationWidth(Autocorrelation());

    /// <summary>
    /// Grain size as one number: the lag where the normalised autocorrelation first falls to 0.5,
    /// linearly interpolated between integer lags (0.5 for white noise; MaxLag if it never falls that far).
    /// </summary>
    public static double AutocorrelationWidth(IReadOnlyList<double> rho)
    {
        for (int k = 1; k < rho.Count; k++)
        {
            if (rho[k] <= 0.5)
            {
                double a = rho[k - 1], b = rho[k];
                return k - 1 + (a - 0.5) / Math.Max(1e-12, a - b);
            }
        }
        return rho.Count - 1;
    }

    private static double Exponent(double softness) => 8 + (2 - 8) * softness;
}
