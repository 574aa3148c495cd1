namespace Enhance.Effects.Upscale;

/// <summary>
/// Where <see cref="TemporalStability.Blend"/> samples its source-canvas maps (the weights and the smooth
/// change) for each output column or row: bilinear, between two source positions clamped into the
/// definition (edges repeat), given relative to the maps' region, and the fraction between them. One
/// table per axis, computed here once for the CPU blend and the device's (Gpu/Kernels/temporal.cl), so
/// both sample the same places with the same fractions (the coordinates are worked out in double).
/// </summary>
internal sealed class TemporalBlendTaps
{
    private TemporalBlendTaps(int[] first, int[] second, float[] fraction)
    {
        First = first;
        Second = second;
        Fraction = fraction;
    }

    /// <summary>Lower source position, relative to the region's start.</summary>
    public int[] First { get; }

    /// <summary>Upper source position (the next one, clamped), relative to the region's start.</summary>
    public int[] Second { get; }

    /// <summary>Weight of <see cref="Second"/>.</summary>
    public float[] Fraction { get; }

    /// <summary>Taps for output positions outputStart … outputStart + count − 1 at <paramref name="scale"/> output pixels per source pixel.</summary>
    public static TemporalBlendTaps For(int outputStart, int count, double scale, int definitionStart, int definitionEnd, int regionStart)
    {
        var first = new int[count];
        var second = new int[count];
        var fraction = new float[count];
        for (int i = 0; i < count; i++)
        {
            double u = (outputStart + i + 0.5) / scale - 0.5;
            int lower = (int)Math.Floor(u);
            fraction[i] = (float)(u - lower);
            first[i] = Math.Clamp(lower, definitionStart, definitionEnd - 1) - regionStart;
            second[i] = Math.Clamp(lower + 1, definitionStart, definitionEnd - 1) - regionStart;
        }
        return new TemporalBlendTaps(first, second, fraction);
    }
}
