using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

/// <summary>
/// The vector combine (eight RGBA pixels per step on AVX2) against the scalar reference loop, bit for
/// bit, on a real photo whose alpha has been roughed up (transparent, near-transparent, partial) and
/// with out-of-range and NaN values, in every mode the renderer has.
/// </summary>
public class GrainCombineTests
{
    public static TheoryData<GrainSpace, GrainOutput, bool> Modes()
    {
        var data = new TheoryData<GrainSpace, GrainOutput, bool>();
        foreach (var space in new[] { GrainSpace.Linear, GrainSpace.Log })
            foreach (var output in new[] { GrainOutput.Result, GrainOutput.GrainOnly })
                foreach (bool mono in new[] { false, true })
                    data.Add(space, output, mono);
        return data;
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void VectorRowsMatchTheScalarReferenceBitForBit(GrainSpace space, GrainOutput output, bool mono)
    {
        // Every x64 machine since 2013 has AVX2; there this compares two different code paths. On arm64
        // the renderer has only the scalar loop, and this degenerates to comparing it with itself.
        if (RuntimeInformation.ProcessArchitecture == Architecture.X64)
            Assert.True(Avx2.IsSupported, "x64 test machine without AVX2: the vector path would go untested");
        using var photo = GrainTestImages.Photo("astronaut", 300);
        RoughUp(photo);
        var settings = new GrainSettings
        {
            Amount = 0.08, Size = 2, Softness = 0.4, Saturation = 0.6, Seed = 9, Space = space, Output = output, Monochrome = mono,
            Response = new GrainResponse(1.4, 1.0, 0.6, 0.4),
        };
        var kernel = GrainRenderer.KernelFor(settings, null, photo.Height, 1.0);
        var plan = new GrainRenderPlan(settings, null, kernel, 4);
        int width = photo.Width, stride = GrainField.PaddedWidth(width), rows = 24;
        Assert.NotEqual(0, width % 8); // a scalar tail follows the vector groups
        var fields = new float[3][];
        for (int f = 0; f < 3; f++)
        {
            fields[f] = new float[rows * stride];
            GrainField.Generate(plan.Streams[Math.Min(f, plan.Streams.Length - 1)], kernel, photo.Bounds.X1, 40, rows, stride, fields[f]);
        }

        var vector = new float[width * 4];
        var scalar = new float[width * 4];
        int compared = 0;
        for (int r = 0; r < rows; r++)
        {
            int y = photo.Bounds.Y1 + 40 + r;
            var f0 = fields[0].AsSpan(r * stride, width);
            var f1 = fields[1].AsSpan(r * stride, width);
            var f2 = fields[2].AsSpan(r * stride, width);
            GrainCombine.Row(photo.Row(y), vector, 4, f0, f1, f2, plan);
            GrainCombine.Scalar(photo.Row(y), scalar, 4, f0, f1, f2, plan, 0);
            for (int i = 0; i < vector.Length; i++)
            {
                bool same = float.IsNaN(vector[i]) && float.IsNaN(scalar[i])
                            || BitConverter.SingleToInt32Bits(vector[i]) == BitConverter.SingleToInt32Bits(scalar[i]);
                Assert.True(same, $"row {y} pixel {i / 4} channel {i % 4}: vector {vector[i]:R} scalar {scalar[i]:R}");
                compared++;
            }
        }
        Assert.Equal(rows * width * 4, compared);
    }

    /// <summary>Transparent, near-transparent and partial alpha, HDR and negative values, and a NaN now and then.</summary>
    private static void RoughUp(FloatImage image)
    {
        var p = image.Pixels;
        for (int i = 0, n = 0; i < p.Length; i += 4, n++)
        {
            switch (n % 13)
            {
                case 0: p[i + 3] = 0f; p[i] = p[i + 1] = p[i + 2] = 0f; break;
                case 1: p[i + 3] = 1e-7f; break;
                case 2: p[i + 3] = 0.37f; p[i] *= 0.37f; p[i + 1] *= 0.37f; p[i + 2] *= 0.37f; break;
                case 3: p[i] *= 3.5f; break;
                case 4: p[i + 1] = -0.02f; break;
                case 5: if (n % 7 == 0) p[i] = float.NaN; break;
                case 6: p[i] = p[i + 1] = p[i + 2] = -0f; break;
            }
        }
    }
}
