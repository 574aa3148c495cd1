using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// The horizontal (gather) filter of <see cref="DownUpBlur"/> on a block of <see cref="Lanes"/> rows at once.
/// Why: along a row every output has its own start and weights, so a vector across the row would need a gather
/// per tap; across rows the taps are the same. The block is interleaved, column after column with one float per
/// row (<see cref="Interleave"/>), so one vector load holds one column of all the block's rows, the weight is
/// broadcast, and each lane makes exactly the scalar sum of its row: from 0, taps left to right, product rounded,
/// then sum rounded (no fused multiply-add), so the values are bit-identical to the one-row loop.
/// </summary>
internal static class RowBlockGather
{
    /// <summary>Rows per block: one per vector lane.</summary>
    public static int Lanes => Vector<float>.Count;

    /// <summary>dst[x·Lanes + r] = rows[r·width + x]: Lanes rows of <paramref name="width"/> floats, stored one after another, interleaved.</summary>
    public static void Interleave(ReadOnlySpan<float> rows, int width, Span<float> dst)
    {
        int lanes = Lanes;
        if (rows.Length < lanes * width || dst.Length < lanes * width) throw new ArgumentException("Rows or block too short.");
        if (lanes == 8 && Avx.IsSupported)
        {
            Interleave8(rows, width, dst);
            return;
        }
        for (int r = 0; r < lanes; r++)
            for (int x = 0; x < width; x++) dst[x * lanes + r] = rows[r * width + x];
    }

    /// <summary>plane row (y + r), columns [x1, x1 + src.Length / Lanes) = src[x·Lanes + r]: the inverse of <see cref="Interleave"/>.</summary>
    public static void Deinterleave(ReadOnlySpan<float> src, FloatImage plane, int y, int x1)
    {
        int lanes = Lanes, n = src.Length / lanes;
        if (lanes == 8 && Avx.IsSupported)
        {
            Deinterleave8(src, plane, y, x1, n);
            return;
        }
        for (int r = 0; r < lanes; r++)
        {
            var row = plane.Row(y + r, x1, x1 + n);
            for (int x = 0; x < n; x++) row[x] = src[x * lanes + r];
        }
    }

    /// <summary>
    /// dst[i] = Σ_k w_k · src[start_i + k − srcFirst] per lane, on interleaved blocks (column i of the output is
    /// the vector at i·Lanes): the taps summed left to right from 0, as <see cref="DownUpBlur"/>'s one-row gather.
    /// </summary>
    public static void Gather(ReadOnlySpan<float> src, int srcFirst, ResampleTaps taps, Span<float> dst)
    {
        ReadOnlySpan<int> starts = taps.Starts, counts = taps.Counts;
        ReadOnlySpan<float> weights = taps.AllWeights;
        int maxTaps = taps.MaxTaps, lanes = Lanes, columns = src.Length / lanes, outputs = dst.Length / lanes;
        if (outputs > starts.Length) throw new ArgumentException("More outputs than taps.", nameof(dst));
        ref float s0 = ref MemoryMarshal.GetReference(src);
        ref float w0 = ref MemoryMarshal.GetReference(weights);
        ref float d0 = ref MemoryMarshal.GetReference(dst);
        for (int i = 0; i < outputs; i++)
        {
            int start = starts[i] - srcFirst, count = counts[i];
            if ((uint)start > (uint)columns || count > columns - start)
                throw new ArgumentException("Source block does not cover the taps.", nameof(src));
            ref float s = ref Unsafe.Add(ref s0, start * lanes);
            ref float w = ref Unsafe.Add(ref w0, i * maxTaps);
            var acc = Vector<float>.Zero;
            for (int k = 0; k < count; k++)
                acc += new Vector<float>(Unsafe.Add(ref w, k)) * Vector.LoadUnsafe(ref s, (nuint)(k * lanes));
            acc.StoreUnsafe(ref d0, (nuint)(i * lanes));
        }
    }

    /// <summary>
    /// Eight rows into the interleaved block, eight columns at a time by an 8×8 transpose in registers (values
    /// only move, so nothing is rounded); the last columns one at a time.
    /// </summary>
    private static void Interleave8(ReadOnlySpan<float> rows, int n, Span<float> dst)
    {
        ref float r0 = ref MemoryMarshal.GetReference(rows);
        ref float r1 = ref Unsafe.Add(ref r0, n); ref float r2 = ref Unsafe.Add(ref r1, n); ref float r3 = ref Unsafe.Add(ref r2, n);
        ref float r4 = ref Unsafe.Add(ref r3, n); ref float r5 = ref Unsafe.Add(ref r4, n); ref float r6 = ref Unsafe.Add(ref r5, n);
        ref float r7 = ref Unsafe.Add(ref r6, n);
        ref float d = ref MemoryMarshal.GetReference(dst);
        int x = 0;
        for (; x <= n - 8; x += 8)
        {
            nuint o = (nuint)x;
            var (a, b, c, e) = (Vector256.LoadUnsafe(ref r0, o), Vector256.LoadUnsafe(ref r1, o), Vector256.LoadUnsafe(ref r2, o), Vector256.LoadUnsafe(ref r3, o));
            var (f, g, h, k) = (Vector256.LoadUnsafe(ref r4, o), Vector256.LoadUnsafe(ref r5, o), Vector256.LoadUnsafe(ref r6, o), Vector256.LoadUnsafe(ref r7, o));
            Transpose8(ref a, ref b, ref c, ref e, ref f, ref g, ref h, ref k);
            ref float t = ref Unsafe.Add(ref d, x * 8);
            a.StoreUnsafe(ref t, 0); b.StoreUnsafe(ref t, 8); c.StoreUnsafe(ref t, 16); e.StoreUnsafe(ref t, 24);
            f.StoreUnsafe(ref t, 32); g.StoreUnsafe(ref t, 40); h.StoreUnsafe(ref t, 48); k.StoreUnsafe(ref t, 56);
        }
        for (; x < n; x++)
        {
            ref float t = ref Unsafe.Add(ref d, x * 8);
            t = Unsafe.Add(ref r0, x); Unsafe.Add(ref t, 1) = Unsafe.Add(ref r1, x);
            Unsafe.Add(ref t, 2) = Unsafe.Add(ref r2, x); Unsafe.Add(ref t, 3) = Unsafe.Add(ref r3, x);
            Unsafe.Add(ref t, 4) = Unsafe.Add(ref r4, x); Unsafe.Add(ref t, 5) = Unsafe.Add(ref r5, x);
            Unsafe.Add(ref t, 6) = Unsafe.Add(ref r6, x); Unsafe.Add(ref t, 7) = Unsafe.Add(ref r7, x);
        }
    }

    /// <summary>The interleaved block back into eight rows, by the same transpose (it is its own inverse).</summary>
    private static void Deinterleave8(ReadOnlySpan<float> src, FloatImage plane, int y, int x1, int n)
    {
        if (src.Length < n * 8) throw new ArgumentException("Block too short.", nameof(src));
        ref float s = ref MemoryMarshal.GetReference(src);
        ref float r0 = ref MemoryMarshal.GetReference(plane.Row(y + 0, x1, x1 + n));
        ref float r1 = ref MemoryMarshal.GetReference(plane.Row(y + 1, x1, x1 + n));
        ref float r2 = ref MemoryMarshal.GetReference(plane.Row(y + 2, x1, x1 + n));
        ref float r3 = ref MemoryMarshal.GetReference(plane.Row(y + 3, x1, x1 + n));
        ref float r4 = ref MemoryMarshal.GetReference(plane.Row(y + 4, x1, x1 + n));
        ref float r5 = ref MemoryMarshal.GetReference(plane.Row(y + 5, x1, x1 + n));
        ref float r6 = ref MemoryMarshal.GetReference(plane.Row(y + 6, x1, x1 + n));
        ref float r7 = ref MemoryMarshal.GetReference(plane.Row(y + 7, x1, x1 + n));
        int x = 0;
        for (; x <= n - 8; x += 8)
        {
            ref float col = ref Unsafe.Add(ref s, x * 8);
            var (a, b, c, e) = (Vector256.LoadUnsafe(ref col, 0), Vector256.LoadUnsafe(ref col, 8), Vector256.LoadUnsafe(ref col, 16), Vector256.LoadUnsafe(ref col, 24));
            var (f, g, h, k) = (Vector256.LoadUnsafe(ref col, 32), Vector256.LoadUnsafe(ref col, 40), Vector256.LoadUnsafe(ref col, 48), Vector256.LoadUnsafe(ref col, 56));
            Transpose8(ref a, ref b, ref c, ref e, ref f, ref g, ref h, ref k);
            nuint o = (nuint)x;
            a.StoreUnsafe(ref r0, o); b.StoreUnsafe(ref r1, o); c.StoreUnsafe(ref r2, o); e.StoreUnsafe(ref r3, o);
            f.StoreUnsafe(ref r4, o); g.StoreUnsafe(ref r5, o); h.StoreUnsafe(ref r6, o); k.StoreUnsafe(ref r7, o);
        }
        for (; x < n; x++)
        {
            ref float c = ref Unsafe.Add(ref s, x * 8);
            Unsafe.Add(ref r0, x) = c; Unsafe.Add(ref r1, x) = Unsafe.Add(ref c, 1);
            Unsafe.Add(ref r2, x) = Unsafe.Add(ref c, 2); Unsafe.Add(ref r3, x) = Unsafe.Add(ref c, 3);
            Unsafe.Add(ref r4, x) = Unsafe.Add(ref c, 4); Unsafe.Add(ref r5, x) = Unsafe.Add(ref c, 5);
            Unsafe.Add(ref r6, x) = Unsafe.Add(ref c, 6); Unsafe.Add(ref r7, x) = Unsafe.Add(ref c, 7);
        }
    }

    /// <summary>Transposes the 8×8 matrix whose rows are a..h in place (afterwards a holds column 0, and so on).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(ref Vector256<float> a, ref Vector256<float> b, ref Vector256<float> c, ref Vector256<float> d,
        ref Vector256<float> e, ref Vector256<float> f, ref Vector256<float> g, ref Vector256<float> h)
    {
        // Pairs, then quads within each 128-bit half, then the halves exchanged: the usual unpack/shuffle/permute.
        var t0 = Avx.UnpackLow(a, b); var t1 = Avx.UnpackHigh(a, b);
        var t2 = Avx.UnpackLow(c, d); var t3 = Avx.UnpackHigh(c, d);
        var t4 = Avx.UnpackLow(e, f); var t5 = Avx.UnpackHigh(e, f);
        var t6 = Avx.UnpackLow(g, h); var t7 = Avx.UnpackHigh(g, h);
        var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
        a = Avx.Permute2x128(u0, u4, 0x20); b = Avx.Permute2x128(u1, u5, 0x20);
        c = Avx.Permute2x128(u2, u6, 0x20); d = Avx.Permute2x128(u3, u7, 0x20);
        e = Avx.Permute2x128(u0, u4, 0x31); f = Avx.Permute2x128(u1, u5, 0x31);
        g = Avx.Permute2x128(u2, u6, 0x31); h = Avx.Permute2x128(u3, u7, 0x31);
    }
}
