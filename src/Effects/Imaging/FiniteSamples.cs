using System.Numerics;

namespace Enhance.Effects.Imaging;

/// <summary>
/// What a node accepts from the host as a sample: a finite value within half-float range. Hosts and
/// upstream nodes do send NaN, infinities and values like 1e30 (a division by zero in a grade, a
/// broken render, a crafted file), and every filter that averages neighbours (Lanczos, Dehalo's
/// blurs, the network) would spread one such sample over a whole neighbourhood — or, past about
/// 1e19, overflow its own sums into NaN. So samples are made finite once, on the way in: NaN reads
/// as 0 and anything beyond ±65504 (half-float's largest value, far above any picture's highlights)
/// as ±65504. Ordinary pictures, HDR included, pass bit for bit.
/// </summary>
public static class FiniteSamples
{
    /// <summary>The largest magnitude a sample keeps: half-float's largest finite value.</summary>
    public const float Limit = 65504f;

    /// <summary>One sample made finite (NaN as 0, beyond ±<see cref="Limit"/> as ±<see cref="Limit"/>).</summary>
    public static float Of(float value) =>
        value >= -Limit ? (value <= Limit ? value : Limit) : (value < -Limit ? -Limit : 0f);

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, every sample made finite.</summary>
    public static void Copy(ReadOnlySpan<float> source, Span<float> destination)
    {
        if (destination.Length < source.Length) throw new ArgumentException("Destination too short.", nameof(destination));
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var limit = new Vector<float>(Limit);
            for (; i <= source.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(source[i..]);
                v = Vector.ConditionalSelect(Vector.Equals(v, v), v, Vector<float>.Zero); // NaN is the one value unequal to itself
                Vector.Min(Vector.Max(v, -limit), limit).CopyTo(destination[i..]);
            }
        }
        for (; i < source.Length; i++) destination[i] = Of(source[i]);
    }
}
