using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Grain;

/// <summary>
/// The per-pixel step of <see cref="GrainRenderer"/>: straight colour → working space → + strength × field
/// → back, re-premultiplied. RGBA rows on AVX2 go eight pixels at a time (transposed in registers to
/// planar R, G, B, A, the strength table read as one row per pixel and transposed too); the rest of a row, RGB images and CPUs
/// without AVX2 take the scalar loop. Both do the same IEEE operations in the same order (no fused
/// multiply-adds, same clamps), so a pixel's value does not depend on which path or lane it took:
/// tiles still match the whole frame bit for bit.
/// </summary>
internal static class GrainCombine
{
    private const float LumaRed = 0.2126f, LumaGreen = 0.7152f, LumaBlue = 0.0722f;

    /// <summary>Adds one row's grain. f0..f2 hold the row's fields (all three the same field when monochrome).</summary>
    public static void Row(ReadOnlySpan<float> input, Span<float> output, int channels,
                           ReadOnlySpan<float> f0, ReadOnlySpan<float> f1, ReadOnlySpan<float> f2, GrainRenderPlan plan)
    {
        int done = channels == 4 && Avx2.IsSupported ? RgbaAvx2(input, output, f0, f1, f2, plan) : 0;
        Scalar(input, output, channels, f0, f1, f2, plan, done);
    }

    /// <summary>The reference loop, from pixel <paramref name="start"/> to the end of the row.</summary>
    internal static void Scalar(ReadOnlySpan<float> input, Span<float> output, int channels,
                                ReadOnlySpan<float> f0, ReadOnlySpan<float> f1, ReadOnlySpan<float> f2,
                                GrainRenderPlan plan, int start)
    {
        bool log = plan.Space == GrainSpace.Log;
        bool grainOnly = plan.Output == GrainOutput.GrainOnly;
        bool mono = plan.Monochrome;
        float s = plan.Saturation, norm = plan.MixNormaliser;
        var strengths = plan.Strengths;
        for (int x = start, i = start * channels; x < f0.Length; x++, i += channels)
        {
            float r = input[i], g = input[i + 1], b = input[i + 2];
            float alpha = channels == 4 ? input[i + 3] : 1f;
            if (channels == 4) output[i + 3] = alpha;
            float inverse = Premultiplication.StraightFactor(alpha);
            float sr = r * inverse, sg = g * inverse, sb = b * inverse;
            float lr = sr, lg = sg, lb = sb;
            if (log) { lr = GrainWorkingSpace.ToLog(sr); lg = GrainWorkingSpace.ToLog(sg); lb = GrainWorkingSpace.ToLog(sb); }
            strengths.Lookup(LumaRed * lr + LumaGreen * lg + LumaBlue * lb, out float kr, out float kg, out float kb);

            float gr, gg, gb;
            if (mono) { gr = gg = gb = f0[x]; }
            else
            {
                float n0 = f0[x], n1 = f1[x], n2 = f2[x];
                float mean = (n0 + n1 + n2) * (1f / 3f);
                gr = (mean + s * (n0 - mean)) * norm;
                gg = (mean + s * (n1 - mean)) * norm;
                gb = (mean + s * (n2 - mean)) * norm;
            }
            float dr = kr * gr, dg = kg * gg, db = kb * gb;
            if (log)
            {
                // Back to linear as a difference from the straight value (the log is invertible, so
                // decode(encode(s)) is s), so the input's own value is never re-rounded through the log.
                dr = GrainWorkingSpace.FromLog(lr + dr) - sr;
                dg = GrainWorkingSpace.FromLog(lg + dg) - sg;
                db = GrainWorkingSpace.FromLog(lb + db) - sb;
            }
            if (grainOnly)
            {
                output[i] = alpha * (0.5f + dr); output[i + 1] = alpha * (0.5f + dg); output[i + 2] = alpha * (0.5f + db);
            }
            else
            {
                output[i] = r + alpha * dr; output[i + 1] = g + alpha * dg; output[i + 2] = b + alpha * db;
            }
        }
    }

    /// <summary>
    /// Eight RGBA pixels per step; returns how many pixels it did (whole groups of eight). After the
    /// in-register transpose the planes hold pixels in the order 0 2 4 6 1 3 5 7, so the fields are
    /// permuted to match; every operation is per lane, so the order only has to agree, not be natural.
    /// </summary>
    private static unsafe int RgbaAvx2(ReadOnlySpan<float> input, Span<float> output,
                                       ReadOnlySpan<float> f0, ReadOnlySpan<float> f1, ReadOnlySpan<float> f2, GrainRenderPlan plan)
    {
        int count = f0.Length / 8 * 8;
        if (count == 0) return 0;
        if (input.Length < count * 4 || output.Length < count * 4 || f1.Length < count || f2.Length < count)
            throw new ArgumentException("Row buffers shorter than the field row.");
        bool log = plan.Space == GrainSpace.Log;
        bool grainOnly = plan.Output == GrainOutput.GrainOnly;
        bool mono = plan.Monochrome;
        var saturation = Vector256.Create(plan.Saturation);
        var norm = Vector256.Create(plan.MixNormaliser);
        var third = Vector256.Create(1f / 3f);
        var transparent = Vector256.Create(Premultiplication.TransparentAlpha);
        var zero = Vector256<float>.Zero;
        var one = Vector256.Create(1f);
        var half = Vector256.Create(0.5f);
        var wr = Vector256.Create(LumaRed);
        var wg = Vector256.Create(LumaGreen);
        var wb = Vector256.Create(LumaBlue);
        var tableScale = Vector256.Create((float)(GrainStrengthTable.Entries - 1));
        var lastRow = Vector256.Create(GrainStrengthTable.Entries - 2);
        var planeOrder = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        float* lanes = stackalloc float[8];
        int* rowIndex = stackalloc int[8];

        fixed (float* source = input, destination = output, field0 = f0, field1 = f1, field2 = f2, table = plan.Strengths.Rows)
        {
            for (int x = 0; x < count; x += 8)
            {
                float* pixels = source + x * 4;
                var v0 = Avx.LoadVector256(pixels);
                var v1 = Avx.LoadVector256(pixels + 8);
                var v2 = Avx.LoadVector256(pixels + 16);
                var v3 = Avx.LoadVector256(pixels + 24);
                var t0 = Avx.UnpackLow(v0, v1);
                var t1 = Avx.UnpackHigh(v0, v1);
                var t2 = Avx.UnpackLow(v2, v3);
                var t3 = Avx.UnpackHigh(v2, v3);
                var r = Avx.Shuffle(t0, t2, 0x44);
                var g = Avx.Shuffle(t0, t2, 0xEE);
                var b = Avx.Shuffle(t1, t3, 0x44);
                var alpha = Avx.Shuffle(t1, t3, 0xEE);

                var inverse = Avx.BlendVariable(zero, Avx.Divide(one, alpha), Avx.CompareGreaterThan(alpha, transparent));
                var sr = Avx.Multiply(r, inverse);
                var sg = Avx.Multiply(g, inverse);
                var sb = Avx.Multiply(b, inverse);
                Vector256<float> lr = sr, lg = sg, lb = sb;
                if (log) { lr = ToLog(sr, lanes); lg = ToLog(sg, lanes); lb = ToLog(sb, lanes); }

                // Strength lookup, as GrainStrengthTable.Lookup: maxps returns its second operand for
                // NaN, so NaN intensity reads row 0 like the scalar path.
                var luma = Avx.Add(Avx.Add(Avx.Multiply(wr, lr), Avx.Multiply(wg, lg)), Avx.Multiply(wb, lb));
                var t = Avx.Multiply(Avx.Min(Avx.Max(luma, zero), one), tableScale);
                var row = Avx2.Min(Avx.ConvertToVector256Int32WithTruncation(t), lastRow);
                var fraction = Avx.Subtract(t, Avx.ConvertToVector256Single(row));
                Avx.Store(rowIndex, row);
                Strengths(table, rowIndex, fraction, out var kr, out var kg, out var kb);

                Vector256<float> gr, gg, gb;
                var n0 = Avx2.PermuteVar8x32(Avx.LoadVector256(field0 + x), planeOrder);
                if (mono) { gr = gg = gb = n0; }
                else
                {
                    var n1 = Avx2.PermuteVar8x32(Avx.LoadVector256(field1 + x), planeOrder);
                    var n2 = Avx2.PermuteVar8x32(Avx.LoadVector256(field2 + x), planeOrder);
                    var mean = Avx.Multiply(Avx.Add(Avx.Add(n0, n1), n2), third);
                    gr = Avx.Multiply(Avx.Add(mean, Avx.Multiply(saturation, Avx.Subtract(n0, mean))), norm);
                    gg = Avx.Multiply(Avx.Add(mean, Avx.Multiply(saturation, Avx.Subtract(n1, mean))), norm);
                    gb = Avx.Multiply(Avx.Add(mean, Avx.Multiply(saturation, Avx.Subtract(n2, mean))), norm);
                }
                var dr = Avx.Multiply(kr, gr);
                var dg = Avx.Multiply(kg, gg);
                var db = Avx.Multiply(kb, gb);
                if (log)
                {
                    dr = Avx.Subtract(FromLog(Avx.Add(lr, dr), lanes), sr);
                    dg = Avx.Subtract(FromLog(Avx.Add(lg, dg), lanes), sg);
                    db = Avx.Subtract(FromLog(Avx.Add(lb, db), lanes), sb);
                }
                Vector256<float> or, og, ob;
                if (grainOnly)
                {
                    or = Avx.Multiply(alpha, Avx.Add(half, dr));
                    og = Avx.Multiply(alpha, Avx.Add(half, dg));
                    ob = Avx.Multiply(alpha, Avx.Add(half, db));
                }
                else
                {
                    or = Avx.Add(r, Avx.Multiply(alpha, dr));
                    og = Avx.Add(g, Avx.Multiply(alpha, dg));
                    ob = Avx.Add(b, Avx.Multiply(alpha, db));
                }

                // Transpose back: planes (order 0 2 4 6 | 1 3 5 7) → interleaved pixel pairs 01, 23, 45, 67.
                var u0 = Avx.UnpackLow(or, og);
                var u1 = Avx.UnpackLow(ob, alpha);
                var u2 = Avx.UnpackHigh(or, og);
                var u3 = Avx.UnpackHigh(ob, alpha);
                float* target = destination + x * 4;
                Avx.Store(target, Avx.Shuffle(u0, u1, 0x44));
                Avx.Store(target + 8, Avx.Shuffle(u0, u1, 0xEE));
                Avx.Store(target + 16, Avx.Shuffle(u2, u3, 0x44));
                Avx.Store(target + 24, Avx.Shuffle(u2, u3, 0xEE));
            }
        }
        return count;
    }

    /// <summary>
    /// Strengths of the eight lanes: loads each lane's table row (R, G, B, 0, ΔR, ΔG, ΔB, 0), transposes
    /// the 8 × 8 block so plane c holds element c of every lane, and interpolates value + fraction × step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Strengths(float* table, int* row, Vector256<float> fraction,
                                         out Vector256<float> red, out Vector256<float> green, out Vector256<float> blue)
    {
        var l0 = Avx.LoadVector256(table + row[0] * 8);
        var l1 = Avx.LoadVector256(table + row[1] * 8);
        var l2 = Avx.LoadVector256(table + row[2] * 8);
        var l3 = Avx.LoadVector256(table + row[3] * 8);
        var l4 = Avx.LoadVector256(table + row[4] * 8);
        var l5 = Avx.LoadVector256(table + row[5] * 8);
        var l6 = Avx.LoadVector256(table + row[6] * 8);
        var l7 = Avx.LoadVector256(table + row[7] * 8);
        var t0 = Avx.UnpackLow(l0, l1);
        var t1 = Avx.UnpackHigh(l0, l1);
        var t2 = Avx.UnpackLow(l2, l3);
        var t3 = Avx.UnpackHigh(l2, l3);
        var t4 = Avx.UnpackLow(l4, l5);
        var t5 = Avx.UnpackHigh(l4, l5);
        var t6 = Avx.UnpackLow(l6, l7);
        var t7 = Avx.UnpackHigh(l6, l7);
        // Per 128-bit half: element 0 / 4 of rows 0–3 (and 4–7), element 1 / 5, element 2 / 6.
        var e04a = Avx.Shuffle(t0, t2, 0x44);
        var e15a = Avx.Shuffle(t0, t2, 0xEE);
        var e26a = Avx.Shuffle(t1, t3, 0x44);
        var e04b = Avx.Shuffle(t4, t6, 0x44);
        var e15b = Avx.Shuffle(t4, t6, 0xEE);
        var e26b = Avx.Shuffle(t5, t7, 0x44);
        red = Avx.Add(Avx.Permute2x128(e04a, e04b, 0x20), Avx.Multiply(fraction, Avx.Permute2x128(e04a, e04b, 0x31)));
        green = Avx.Add(Avx.Permute2x128(e15a, e15b, 0x20), Avx.Multiply(fraction, Avx.Permute2x128(e15a, e15b, 0x31)));
        blue = Avx.Add(Avx.Permute2x128(e26a, e26b, 0x20), Avx.Multiply(fraction, Avx.Permute2x128(e26a, e26b, 0x31)));
    }

    // The log curve has no vector form in .NET (no vector log2/pow); lane by lane through the scalar
    // functions keeps the log space bit-identical to the scalar path.
    private static unsafe Vector256<float> ToLog(Vector256<float> value, float* lanes)
    {
        Avx.Store(lanes, value);
        for (int j = 0; j < 8; j++) lanes[j] = GrainWorkingSpace.ToLog(lanes[j]);
        return Avx.LoadVector256(lanes);
    }

    private static unsafe Vector256<float> FromLog(Vector256<float> value, float* lanes)
    {
        Avx.Store(lanes, value);
        for (int j = 0; j < 8; j++) lanes[j] = GrainWorkingSpace.FromLog(lanes[j]);
        return Avx.LoadVector256(lanes);
    }
}
