namespace Enhance.Effects.Resampling;

/// <summary>
/// The Lanczos-3 filter taps for a run of output positions along one axis: for each output index,
/// the first source index it reads and a fixed-length row of weights (zero-padded, normalised to 1).
///
/// Weights depend only on the output canvas position, the scale and the source definition, never on
/// which window is being rendered. That is what makes a tiled render bit-identical to an untiled one:
/// every output sample is the same sum of the same products in the same order.
/// Source positions outside the definition are clamped to its edge, and the clamped taps' weights
/// are folded onto the edge sample here, so the inner loops never test bounds.
/// </summary>
internal sealed class ResampleWeights
{
    /// <summary>Lanczos lobes (a = 3): the kernel is zero at and beyond ±3 source pixels when upsampling.</summary>
    public const int Lobes = 3;

    private ResampleWeights(int outputStart, int count, int tapCount, int[] firstSource, float[] weights)
    {
        OutputStart = outputStart;
        Count = count;
        TapCount = tapCount;
        FirstSource = firstSource;
        Weights = weights;
    }

    /// <summary>Canvas index of the first output position described.</summary>
    public int OutputStart { get; }

    /// <summary>How many output positions are described.</summary>
    public int Count { get; }

    /// <summary>Weights per output position (the row length in <see cref="Weights"/>).</summary>
    public int TapCount { get; }

    /// <summary>Canvas index of the source sample that the first weight of each output position multiplies.</summary>
    public int[] FirstSource { get; }

    /// <summary>Count × TapCount weights, row by row; unused taps at the end of a row are zero.</summary>
    public float[] Weights { get; }

    /// <summary>Lowest source index read by any output position (inclusive).</summary>
    public int SourceStart => FirstSource[0];

    /// <summary>One past the highest source index read (exclusive); every row reads TapCount samples.</summary>
    public int SourceEnd => FirstSource[Count - 1] + TapCount;

    /// <summary>Source canvas position of the centre of output position <paramref name="x"/> (pixel centres at +0.5).</summary>
    public static double Centre(int x, double scale) => (x + 0.5) / scale - 0.5;

    public ReadOnlySpan<float> RowOf(int outputIndex) => Weights.AsSpan((outputIndex - OutputStart) * TapCount, TapCount);

    /// <summary>
    /// Taps for output canvas positions [outputStart, outputEnd) at <paramref name="scale"/> output
    /// pixels per source pixel, reading source positions inside [sourceStart, sourceEnd).
    /// </summary>
    public static ResampleWeights Create(int outputStart, int outputEnd, double scale, int sourceStart, int sourceEnd)
    {
        if (!(scale > 0) || double.IsInfinity(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive, finite number.");
        if (outputEnd <= outputStart)
            throw new ArgumentException($"Empty output range {outputStart}..{outputEnd}.");
        if (sourceEnd <= sourceStart)
            throw new ArgumentException($"Empty source range {sourceStart}..{sourceEnd}.");

        // Downsampling stretches the kernel by 1/scale so it also low-passes (antialiasing); upsampling
        // keeps it at one source pixel per lobe.
        double stretch = Math.Max(1.0, 1.0 / scale);
        double radius = Lobes * stretch;
        int sourceWidth = sourceEnd - sourceStart;
        int count = outputEnd - outputStart;
        var firstSource = new int[count];
        var lastSource = new int[count];
        // First pass: the raw tap span of each output position. The widest span (capped by the
        // source width, as clamping folds the rest onto the edges) sets the row length; rows that
        // need fewer taps end in zero weights, which add exactly nothing to a sum.
        int tapCount = 1;
        for (int i = 0; i < count; i++)
        {
            double centre = Centre(outputStart + i, scale);
            firstSource[i] = (int)Math.Floor(centre - radius) + 1;
            lastSource[i] = (int)Math.Ceiling(centre + radius) - 1;
            tapCount = Math.Max(tapCount, lastSource[i] - firstSource[i] + 1);
        }
        tapCount = Math.Min(tapCount, sourceWidth);

        var weights = new float[count * tapCount];
        var folded = new double[tapCount];
        for (int i = 0; i < count; i++)
        {
            double centre = Centre(outputStart + i, scale);
            int rawFirst = firstSource[i], rawLast = lastSource[i];
            int first = Math.Clamp(rawFirst, sourceStart, sourceEnd - 1);
            // Keep the whole row inside the source: near the far edge the row starts earlier.
            int rowStart = Math.Min(first, sourceEnd - tapCount);
            Array.Clear(folded);
            double sum = 0;
            for (int s = rawFirst; s <= rawLast; s++)
            {
                double w = Lanczos((s - centre) / stretch);
                folded[Math.Clamp(s, sourceStart, sourceEnd - 1) - rowStart] += w;
                sum += w;
            }
            firstSource[i] = rowStart;
            var row = weights.AsSpan(i * tapCount, tapCount);
            for (int t = 0; t < tapCount; t++) row[t] = (float)(folded[t] / sum);
        }
        return new ResampleWeights(outputStart, count, tapCount, firstSource, weights);
    }

    /// <summary>Lanczos-3: sinc(t)·sinc(t/3) for |t| &lt; 3, else 0.</summary>
    internal static double Lanczos(double t)
    {
        t = Math.Abs(t);
        if (t < 1e-12) return 1.0;
        if (t >= Lobes) return 0.0;
        double pt = Math.PI * t;
        return Lobes * Math.Sin(pt) * Math.Sin(pt / Lobes) / (pt * pt);
    }
}
