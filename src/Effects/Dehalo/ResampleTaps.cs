namespace Enhance.Effects.Dehalo;

/// <summary>
/// Filter taps for resampling along one axis between full resolution and a coarse grid whose sample j sits
/// at full-resolution coordinate c_j = origin + (j + ½)·factor − ½ (pixel centres on integers). The grid is
/// anchored to the clip's origin, not to the tile being rendered, so every tile sees the same coarse samples.
/// Taps are stored per output index, weights normalised to sum 1 (computed in double, one float each).
/// </summary>
internal sealed class ResampleTaps
{
    private readonly int[] _start;
    private readonly int[] _count;
    private readonly float[] _weights;

    private ResampleTaps(int first, int length, int maxTaps)
    {
        First = first;
        MaxTaps = maxTaps;
        _start = new int[length];
        _count = new int[length];
        _weights = new float[length * maxTaps];
    }

    /// <summary>The first output index these taps cover.</summary>
    public int First { get; }
    public int Length => _start.Length;
    public int MaxTaps { get; }

    /// <summary>First input index read by output <paramref name="index"/>.</summary>
    public int Start(int index) => _start[index - First];
    public int Count(int index) => _count[index - First];
    public ReadOnlySpan<float> Weights(int index) => _weights.AsSpan((index - First) * MaxTaps, _count[index - First]);

    /// <summary>The raw tables, indexed from <see cref="First"/>: start, count and MaxTaps-strided weights per output
    /// (for loops that walk every output and should not pay a bounds-checked slice each).</summary>
    public ReadOnlySpan<int> Starts => _start;
    public ReadOnlySpan<int> Counts => _count;
    public ReadOnlySpan<float> AllWeights => _weights;

    /// <summary>Lowest and highest input index any output reads.</summary>
    public (int Min, int Max) InputSpan()
    {
        int lo = int.MaxValue, hi = int.MinValue;
        for (int i = 0; i < Length; i++) { lo = Math.Min(lo, _start[i]); hi = Math.Max(hi, _start[i] + _count[i] - 1); }
        return (lo, hi);
    }

    /// <summary>Full resolution → coarse samples [jFirst, jLast] with a Mitchell–Netravali filter (B = C = ⅓)
    /// stretched by the factor, so the coarse grid is low-passed rather than aliased.</summary>
    public static ResampleTaps Down(double origin, double factor, int jFirst, int jLast)
    {
        int maxTaps = (int)Math.Floor(4 * factor) + 2;
        var taps = new ResampleTaps(jFirst, jLast - jFirst + 1, maxTaps);
        for (int j = jFirst; j <= jLast; j++)
        {
            double c = Centre(origin, factor, j);
            int x1 = (int)Math.Ceiling(c - 2 * factor), x2 = (int)Math.Floor(c + 2 * factor);
            taps.Fill(j, x1, x2, c, factor, bSpline: false);
        }
        return taps;
    }

    /// <summary>Coarse samples → full-resolution pixels [xFirst, xLast] with the cubic B-spline (B = 1, C = 0):
    /// it never overshoots, so the halo-free reference cannot grow halos of its own.</summary>
    public static ResampleTaps Up(double origin, double factor, int xFirst, int xLast)
    {
        var taps = new ResampleTaps(xFirst, xLast - xFirst + 1, 5);
        for (int x = xFirst; x <= xLast; x++)
        {
            double u = CoarsePosition(origin, factor, x);
            int j1 = (int)Math.Ceiling(u - 2), j2 = (int)Math.Floor(u + 2);
            taps.Fill(x, j1, j2, u, 1, bSpline: true);
        }
        return taps;
    }

    /// <summary>The coarse samples [jFirst, jLast] that full-resolution pixels [x1, x2) interpolate from.</summary>
    public static (int First, int Last) CoarseSpan(double origin, double factor, int x1, int x2) =>
        ((int)Math.Ceiling(CoarsePosition(origin, factor, x1) - 2), (int)Math.Floor(CoarsePosition(origin, factor, x2 - 1) + 2));

    /// <summary>Full-resolution pixels coarse samples [jFirst, jLast] are filtered from.</summary>
    public static (int First, int Last) FineSpan(double origin, double factor, int jFirst, int jLast) =>
        ((int)Math.Ceiling(Centre(origin, factor, jFirst) - 2 * factor), (int)Math.Floor(Centre(origin, factor, jLast) + 2 * factor));

    private static double Centre(double origin, double factor, int j) => origin + (j + 0.5) * factor - 0.5;

    private static double CoarsePosition(double origin, double factor, int x) => (x - origin + 0.5) / factor - 0.5;

    /// <summary>Taps from..to weighted by kernel((i − centre) / scale), normalised.</summary>
    private void Fill(int index, int from, int to, double centre, double scale, bool bSpline)
    {
        int count = to - from + 1;
        if (count > MaxTaps || count <= 0) throw new InvalidOperationException($"{count} taps do not fit {MaxTaps}.");
        Span<double> w = stackalloc double[count];
        double sum = 0;
        for (int k = 0; k < count; k++)
        {
            double t = (from + k - centre) / scale;
            w[k] = bSpline ? BSpline(t) : Mitchell(t);
            sum += w[k];
        }
        var dst = _weights.AsSpan((index - First) * MaxTaps, count);
        for (int k = 0; k < count; k++) dst[k] = (float)(w[k] / sum);
        _start[index - First] = from;
        _count[index - First] = count;
    }

    /// <summary>Mitchell–Netravali cubic, B = C = ⅓ (the usual default of bicubic downscalers).</summary>
    internal static double Mitchell(double t) => Cubic(t, 1.0 / 3, 1.0 / 3);

    /// <summary>Cubic B-spline, B = 1, C = 0: positive everywhere, a pure smoother.</summary>
    internal static double BSpline(double t) => Cubic(t, 1, 0);

    private static double Cubic(double t, double b, double c)
    {
        t = Math.Abs(t);
        if (t < 1) return ((12 - 9 * b - 6 * c) * t * t * t + (-18 + 12 * b + 6 * c) * t * t + (6 - 2 * b)) / 6;
        if (t < 2) return ((-b - 6 * c) * t * t * t + (6 * b + 30 * c) * t * t + (-12 * b - 48 * c) * t + (8 * b + 24 * c)) / 6;
        return 0;
    }
}
