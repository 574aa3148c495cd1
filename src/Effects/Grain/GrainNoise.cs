using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Enhance.Effects.Grain;

/// <summary>
/// White noise as a pure function of (canvas x, canvas y, stream): a counter-based hash, no state,
/// so any tile, thread or render window reads the same value for the same pixel. A stream is one
/// (seed, pattern index, field) combination (<see cref="StreamKey"/>).
///
/// Values are zero-mean, unit-variance, approximately Gaussian: the sum of four 16-bit uniforms
/// (Irwin–Hall). Why not Box–Muller: it needs log and sin/cos per sample, which do not vectorise
/// in .NET; the grain filter then sums many samples, so its output is Gaussian by the central
/// limit theorem anyway, and even unfiltered the four-uniform sum is close (kurtosis 2.7 vs 3).
/// </summary>
internal static class GrainNoise
{
    private const uint RowMultiplier = 0x9E3779B9u;
    private const uint ColumnMultiplier = 0x85EBCA6Bu;
    private const uint SecondHashOffset = 0x68E31DA4u;

    /// <summary>Mean of the sum of four uniform integers in 0..65535.</summary>
    private const float SumMean = 2 * 65535f;

    /// <summary>1 / standard deviation of that sum: each uniform has variance (65536² − 1) / 12.</summary>
    private static readonly float SumScale = (float)(1 / Math.Sqrt(4 * (65536.0 * 65536.0 - 1) / 12));

    private static readonly Vector<uint> LaneOffsets = CreateLaneOffsets();

    /// <summary>Key of one noise stream: grain field <paramref name="field"/> of pattern <paramref name="pattern"/> for a seed.</summary>
    public static uint StreamKey(int seed, long pattern, int field)
    {
        uint h = Mix((uint)seed ^ 0x2545F491u);
        h = Mix(h ^ (uint)pattern);
        h = Mix(h ^ (uint)(pattern >> 32) ^ 0x3C6EF372u);
        return Mix(h + (uint)field * RowMultiplier);
    }

    /// <summary>Per-row key, mixed once per row so the per-pixel work is one multiply and two hashes.</summary>
    public static uint RowKey(uint stream, int y) => Mix(stream ^ ((uint)y * RowMultiplier));

    /// <summary>One sample (scalar reference of <see cref="FillRow"/>; bit-identical to it).</summary>
    public static float Sample(uint rowKey, int x)
    {
        uint h1 = Mix(((uint)x * ColumnMultiplier) ^ rowKey);
        uint h2 = Mix(h1 + SecondHashOffset);
        uint sum = (h1 & 0xFFFF) + (h1 >> 16) + (h2 & 0xFFFF) + (h2 >> 16);
        return ((float)(int)sum - SumMean) * SumScale;
    }

    /// <summary>
    /// Fills <paramref name="row"/> with the samples of canvas columns x0, x0 + 1, ... for one row.
    /// The length must be a multiple of Vector&lt;float&gt;.Count (callers pad their buffers).
    /// </summary>
    public static void FillRow(uint rowKey, int x0, Span<float> row)
    {
        if (row.Length % Vector<float>.Count != 0)
            throw new ArgumentException("Row length must be a multiple of the vector width.", nameof(row));
        var key = new Vector<uint>(rowKey);
        var mean = new Vector<float>(SumMean);
        var scale = new Vector<float>(SumScale);
        var low = new Vector<uint>(0xFFFF);
        var offset = new Vector<uint>(SecondHashOffset);
        var columns = MemoryMarshal.Cast<float, Vector<float>>(row);
        var x = new Vector<uint>((uint)x0) + LaneOffsets;
        var step = new Vector<uint>((uint)Vector<uint>.Count);
        for (int i = 0; i < columns.Length; i++)
        {
            var h1 = Mix((x * ColumnMultiplier) ^ key);
            var h2 = Mix(h1 + offset);
            var sum = (h1 & low) + Vector.ShiftRightLogical(h1, 16) + (h2 & low) + Vector.ShiftRightLogical(h2, 16);
            columns[i] = (Vector.ConvertToSingle(Vector.AsVectorInt32(sum)) - mean) * scale;
            x += step;
        }
    }

    /// <summary>Chris Wellons' lowbias32: a bijective 32-bit mix with full avalanche.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint x)
    {
        x ^= x >> 16; x *= 0x7FEB352Du;
        x ^= x >> 15; x *= 0x846CA68Bu;
        x ^= x >> 16;
        return x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<uint> Mix(Vector<uint> x)
    {
        x ^= Vector.ShiftRightLogical(x, 16); x *= 0x7FEB352Du;
        x ^= Vector.ShiftRightLogical(x, 15); x *= 0x846CA68Bu;
        x ^= Vector.ShiftRightLogical(x, 16);
        return x;
    }

    private static Vector<uint> CreateLaneOffsets()
    {
        Span<uint> lanes = stackalloc uint[Vector<uint>.Count];
        for (int i = 0; i < lanes.Length; i++) lanes[i] = (uint)i;
        return new Vector<uint>(lanes);
    }
}
