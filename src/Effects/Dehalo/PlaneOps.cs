using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Vectorised row primitives the Dehalo stages are built from. Each has a vector body and a scalar tail
/// that performs the same operations in the same order (no fused multiply-add in either), so a pixel gets
/// bit-identical values whether it falls in the body or the tail; that is what makes tiled renders equal
/// untiled ones.
/// </summary>
internal static class PlaneOps
{
    private static int Lanes => Vector<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ReadOnlySpan<float> s, int i) =>
        Vector.LoadUnsafe(ref MemoryMarshal.GetReference(s), (nuint)i);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<float> v, Span<float> d, int i) =>
        v.StoreUnsafe(ref MemoryMarshal.GetReference(d), (nuint)i);

    /// <summary>dst[i] = max(src[i .. i+window)); src holds dst.Length + window − 1 values.</summary>
    public static void WindowMax(ReadOnlySpan<float> src, Span<float> dst, int window)
    {
        int n = dst.Length;
        if (src.Length < n + window - 1) throw new ArgumentException("Source row too short for the window.");
        int i = 0;
        for (; i <= n - Lanes; i += Lanes)
        {
            var m = Load(src, i);
            for (int k = 1; k < window; k++) m = Vector.Max(m, Load(src, i + k));
            Store(m, dst, i);
        }
        for (; i < n; i++)
        {
            float m = src[i];
            for (int k = 1; k < window; k++) m = MathF.Max(m, src[i + k]);
            dst[i] = m;
        }
    }

    /// <summary>dst[i] = min(src[i .. i+window)).</summary>
    public static void WindowMin(ReadOnlySpan<float> src, Span<float> dst, int window)
    {
        int n = dst.Length;
        if (src.Length < n + window - 1) throw new ArgumentException("Source row too short for the window.");
        int i = 0;
        for (; i <= n - Lanes; i += Lanes)
        {
            var m = Load(src, i);
            for (int k = 1; k < window; k++) m = Vector.Min(m, Load(src, i + k));
            Store(m, dst, i);
        }
        for (; i < n; i++)
        {
            float m = src[i];
            for (int k = 1; k < window; k++) m = MathF.Min(m, src[i + k]);
            dst[i] = m;
        }
    }

    /// <summary>dst[i] = src[i] + src[i+1] + src[i+2] (left to right).</summary>
    public static void Sum3(ReadOnlySpan<float> src, Span<float> dst)
    {
        int n = dst.Length;
        if (src.Length < n + 2) throw new ArgumentException("Source row too short.");
        int i = 0;
        for (; i <= n - Lanes; i += Lanes)
            Store(Load(src, i) + Load(src, i + 1) + Load(src, i + 2), dst, i);
        for (; i < n; i++) dst[i] = src[i] + src[i + 1] + src[i + 2];
    }

    /// <summary>dst = max(dst, src) element-wise.</summary>
    public static void MaxInPlace(Span<float> dst, ReadOnlySpan<float> src)
    {
        int n = dst.Length, i = 0;
        for (; i <= n - Lanes; i += Lanes) Store(Vector.Max(Load(dst, i), Load(src, i)), dst, i);
        for (; i < n; i++) dst[i] = MathF.Max(dst[i], src[i]);
    }

    /// <summary>dst = min(dst, src) element-wise.</summary>
    public static void MinInPlace(Span<float> dst, ReadOnlySpan<float> src)
    {
        int n = dst.Length, i = 0;
        for (; i <= n - Lanes; i += Lanes) Store(Vector.Min(Load(dst, i), Load(src, i)), dst, i);
        for (; i < n; i++) dst[i] = MathF.Min(dst[i], src[i]);
    }

    /// <summary>dst = a − b element-wise (dst may alias either).</summary>
    public static void Subtract(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> dst)
    {
        int n = dst.Length, i = 0;
        for (; i <= n - Lanes; i += Lanes) Store(Load(a, i) - Load(b, i), dst, i);
        for (; i < n; i++) dst[i] = a[i] - b[i];
    }

    /// <summary>dst = dst − dst · mask: keeps dst where the 0–1 mask is 0, removes it where the mask is 1.</summary>
    public static void Suppress(Span<float> dst, ReadOnlySpan<float> mask)
    {
        int n = dst.Length, i = 0;
        for (; i <= n - Lanes; i += Lanes) { var d = Load(dst, i); Store(d - d * Load(mask, i), dst, i); }
        for (; i < n; i++) dst[i] = dst[i] - dst[i] * mask[i];
    }

    /// <summary>dst = w · src (starts a weighted sum).</summary>
    public static void Scale(Span<float> dst, ReadOnlySpan<float> src, float w)
    {
        int n = dst.Length, i = 0;
        var vw = new Vector<float>(w);
        for (; i <= n - Lanes; i += Lanes) Store(Load(src, i) * vw, dst, i);
        for (; i < n; i++) dst[i] = src[i] * w;
    }

    /// <summary>dst += w · src (product rounded, then sum rounded: the same in body and tail).</summary>
    public static void AddScaled(Span<float> dst, ReadOnlySpan<float> src, float w)
    {
        int n = dst.Length, i = 0;
        var vw = new Vector<float>(w);
        for (; i <= n - Lanes; i += Lanes) Store(Load(dst, i) + Load(src, i) * vw, dst, i);
        for (; i < n; i++) dst[i] = dst[i] + src[i] * w;
    }

    /// <summary>dst = (a + b + c) · scale: the vertical half of a 3×3 box.</summary>
    public static void Sum3Rows(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, Span<float> dst, float scale)
    {
        int n = dst.Length, i = 0;
        var vs = new Vector<float>(scale);
        for (; i <= n - Lanes; i += Lanes) Store((Load(a, i) + Load(b, i) + Load(c, i)) * vs, dst, i);
        for (; i < n; i++) dst[i] = (a[i] + b[i] + c[i]) * scale;
    }

    /// <summary>dst = clamp((src − offset) · gain, 0, 1): turns an edge strength into a 0–1 mask.</summary>
    public static void Ramp(ReadOnlySpan<float> src, Span<float> dst, float offset, float gain)
    {
        int n = dst.Length, i = 0;
        var vo = new Vector<float>(offset); var vg = new Vector<float>(gain);
        for (; i <= n - Lanes; i += Lanes)
            Store(Vector.Min(Vector.Max((Load(src, i) - vo) * vg, Vector<float>.Zero), Vector<float>.One), dst, i);
        for (; i < n; i++) dst[i] = MathF.Min(MathF.Max((src[i] - offset) * gain, 0f), 1f);
    }
}
