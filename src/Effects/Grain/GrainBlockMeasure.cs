using System.Numerics;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Grain;

/// <summary>
/// What the estimator measures on one square block of the source: its mean intensity and, after
/// removing the best-fitting quadratic surface from each channel (a local "denoise" that keeps only what a
/// flat, gently shaded area cannot explain), the residual's variance per channel, the channels'
/// covariances and its autocovariance at lags 0..MaxLag (along x and y, summed over channels).
/// </summary>
internal sealed class GrainBlockMeasure
{
    public const int Size = 32;
    public const int Samples = Size * Size;
    private const int Lags = GrainKernel.MaxLag + 1;

    /// <summary>Blocks with more clipped samples than this are skipped: clipping flattens grain.</summary>
    private const int MaxClippedSamples = Samples / 100;

    private static readonly float[] LumaWeights = [0.2126f, 0.7152f, 0.0722f];

    public double Intensity { get; private set; }
    public double LumaVariance { get; private set; }
    public double[] Variance { get; } = new double[3];

    /// <summary>Covariance of channel pairs RG, GB, RB.</summary>
    public double[] Covariance { get; } = new double[3];

    /// <summary>Per-sample autocovariance at lag k (mean of x and y), summed over the three channels.</summary>
    public double[] Autocovariance { get; } = new double[Lags];

    /// <summary>
    /// Measures the block whose top-left canvas pixel is (x0, y0). Returns null when the block is not
    /// usable: partly transparent, or clipped at 0 or 1 (those flatten the grain's distribution).
    /// <paramref name="scratch"/> holds at least 4 × Samples floats.
    /// </summary>
    public static GrainBlockMeasure? Measure(FloatImage image, int x0, int y0, GrainSpace space, float[] scratch)
    {
        int channels = image.Channels;
        var planes = scratch.AsSpan(0, 3 * Samples);
        int clipped = 0;
        for (int y = 0; y < Size; y++)
        {
            var row = image.Row(y0 + y, x0, x0 + Size);
            for (int x = 0; x < Size; x++)
            {
                int i = x * channels;
                float alpha = channels == 4 ? row[i + 3] : 1f;
                if (alpha < 0.999f) return null;
                float inverse = 1f / alpha;
                for (int c = 0; c < 3; c++)
                {
                    float v = row[i + c] * inverse;
                    if (v == 0f || v == 1f) clipped++; // exactly at a clip: what 8/16-bit sources hold where they saturate
                    planes[c * Samples + y * Size + x] = GrainWorkingSpace.Encode(space, v);
                }
            }
        }
        if (clipped > MaxClippedSamples) return null;

        var measure = new GrainBlockMeasure();
        var luma = scratch.AsSpan(3 * Samples, Samples);
        luma.Clear();
        double intensity = 0;
        for (int c = 0; c < 3; c++)
        {
            var plane = planes.Slice(c * Samples, Samples);
            intensity += LumaWeights[c] * RemoveSurface(plane);
            for (int i = 0; i < Samples; i++) luma[i] += LumaWeights[c] * plane[i];
            measure.Variance[c] = Dot(plane, plane) / Samples;
            for (int k = 0; k < Lags; k++) measure.Autocovariance[k] += LagProduct(plane, k);
        }
        measure.Intensity = intensity;
        measure.LumaVariance = Dot(luma, luma) / Samples;
        var r = planes.Slice(0, Samples); var g = planes.Slice(Samples, Samples); var b = planes.Slice(2 * Samples, Samples);
        measure.Covariance[0] = Dot(r, g) / Samples;
        measure.Covariance[1] = Dot(g, b) / Samples;
        measure.Covariance[2] = Dot(r, b) / Samples;
        // NaN or infinite samples (possible in float pipelines) would poison every average downstream.
        return double.IsFinite(measure.LumaVariance) && double.IsFinite(measure.Autocovariance.Sum()) ? measure : null;
    }

    /// <summary>
    /// Subtracts the least-squares quadratic surface from a block (the local "denoise": shading,
    /// gradients and gentle curvature such as vignetting or bokeh go, grain stays); returns the mean.
    /// </summary>
    private static double RemoveSurface(Span<float> plane)
    {
        // Every surface term is u(x)·v(y), so the fit is separable: per row, the three x-moments of
        // the samples; then each coefficient is a y-weighted sum of one moment. ~6× fewer operations
        // than projecting the block on each term directly.
        var basis = GrainSurfaceFit.Basis;
        var terms = GrainSurfaceFit.Terms;
        var norms = GrainSurfaceFit.BasisNorms;
        Span<double> moments = stackalloc double[3 * Size]; // moments[u * Size + y] = Σ_x basis[u][x] · p(x, y)
        for (int y = 0; y < Size; y++)
        {
            var row = plane.Slice(y * Size, Size);
            double m0 = 0, m1 = 0, m2 = 0;
            for (int x = 0; x < Size; x++)
            {
                double v = row[x];
                m0 += v; m1 += basis[1][x] * v; m2 += basis[2][x] * v;
            }
            moments[y] = m0; moments[Size + y] = m1; moments[2 * Size + y] = m2;
        }
        Span<double> coefficients = stackalloc double[terms.Length];
        for (int t = 0; t < terms.Length; t++)
        {
            var (u, v) = terms[t];
            double dot = 0;
            for (int y = 0; y < Size; y++) dot += basis[v][y] * moments[u * Size + y];
            coefficients[t] = dot / (norms[u] * norms[v]);
        }
        for (int y = 0; y < Size; y++)
        {
            // The fit along this row is a quadratic in x: a0 + a1·x + a2·(x² − c).
            double a0 = 0, a1 = 0, a2 = 0;
            for (int t = 0; t < terms.Length; t++)
            {
                double weight = coefficients[t] * basis[terms[t].V][y];
                switch (terms[t].U) { case 0: a0 += weight; break; case 1: a1 += weight; break; default: a2 += weight; break; }
            }
            var row = plane.Slice(y * Size, Size);
            for (int x = 0; x < Size; x++) row[x] -= (float)(a0 + a1 * basis[1][x] + a2 * basis[2][x]);
        }
        return coefficients[0];
    }

    /// <summary>Per-sample autocovariance at lag k: the mean of the horizontal and vertical products.</summary>
    private static double LagProduct(ReadOnlySpan<float> plane, int lag)
    {
        if (lag == 0) return Dot(plane, plane) / Samples;
        // Horizontal: a dot product of the block with itself shifted by k along the flat buffer also
        // pairs each row's last k samples with the next row's first k; those pairs are taken back out.
        double horizontal = Dot(plane[..^lag], plane[lag..]);
        for (int y = 0; y < Size - 1; y++)
            for (int x = Size - lag; x < Size; x++)
                horizontal -= plane[y * Size + x] * plane[(y + 1) * Size + x - Size + lag];
        double vertical = Dot(plane[..^(lag * Size)], plane[(lag * Size)..]);
        int pairs = Size * (Size - lag);
        return (horizontal + vertical) / (2.0 * pairs);
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = Vector<float>.Count, i = 0;
        var acc = Vector<float>.Zero;
        for (; i + n <= a.Length; i += n) acc += new Vector<float>(a.Slice(i, n)) * new Vector<float>(b.Slice(i, n));
        double sum = Vector.Sum(acc);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
