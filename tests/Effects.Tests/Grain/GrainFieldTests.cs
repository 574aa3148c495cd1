using Enhance.Effects.Grain;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

/// <summary>
/// The vectorised separable filter against a per-pixel scalar reference written straight from the
/// definition (sum over taps in order 0..2r, along x then along y, of the hashed noise), bit for bit:
/// the blocked, register-accumulating loops must not change a single value.
/// </summary>
public class GrainFieldTests
{
    [Theory]
    [InlineData(0.6, 0.0, -37, -5, 45, 7)]
    [InlineData(1.05, 0.5, 100, 230, 61, 9)]
    [InlineData(4.0, 1.0, -3, 12, 150, 5)]
    [InlineData(9.5, 0.2, 1919, -80, 77, 3)]
    public void VectorFilterMatchesTheScalarDefinition(double width, double softness, int x0, int y0, int columns, int rows)
    {
        var kernel = GrainKernel.Create(width, softness);
        uint stream = GrainNoise.StreamKey(21, 4, 1);
        int stride = GrainField.PaddedWidth(columns);
        var field = new float[rows * stride];
        GrainField.Generate(stream, kernel, x0, y0, rows, stride, field);

        var taps = kernel.TapSpan.ToArray();
        int radius = kernel.Radius;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < stride; c++)
            {
                float expected = Reference(stream, taps, radius, x0 + c, y0 + r);
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(field[r * stride + c]),
                            $"({x0 + c}, {y0 + r}): vector {field[r * stride + c]:R}, reference {expected:R}");
            }
    }

    private static float Reference(uint stream, float[] taps, int radius, int x, int y)
    {
        float sum = 0;
        for (int t = 0; t < taps.Length; t++)
        {
            uint rowKey = GrainNoise.RowKey(stream, y - radius + t);
            float horizontal = GrainNoise.Sample(rowKey, x - radius) * taps[0];
            for (int u = 1; u < taps.Length; u++) horizontal += GrainNoise.Sample(rowKey, x - radius + u) * taps[u];
            sum = t == 0 ? horizontal * taps[0] : sum + horizontal * taps[t];
        }
        return sum;
    }
}
