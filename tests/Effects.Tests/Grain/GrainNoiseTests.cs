using System.Numerics;
using Enhance.Effects.Grain;
using Xunit;

namespace Enhance.Effects.Tests.Grain;

public class GrainNoiseTests
{
    [Fact]
    public void VectorRowMatchesScalarSamplesBitForBit()
    {
        uint row = GrainNoise.RowKey(GrainNoise.StreamKey(5, 17, 1), -3);
        var values = new float[Vector<float>.Count * 9];
        GrainNoise.FillRow(row, -40, values);
        for (int i = 0; i < values.Length; i++)
            Assert.Equal(GrainNoise.Sample(row, -40 + i), values[i]);
    }

    [Fact]
    public void SamplesAreZeroMeanUnitVarianceAndUncorrelated()
    {
        uint stream = GrainNoise.StreamKey(1, 0, 0);
        const int width = 512, height = 256;
        double sum = 0, squares = 0, neighbours = 0, below = 0;
        for (int y = 0; y < height; y++)
        {
            var row = new float[width];
            GrainNoise.FillRow(GrainNoise.RowKey(stream, y), 0, row);
            for (int x = 0; x < width; x++)
            {
                sum += row[x]; squares += row[x] * row[x];
                if (x > 0) neighbours += row[x] * row[x - 1];
                if (row[x] < -1) below++;
            }
        }
        double n = width * height;
        Assert.InRange(sum / n, -0.01, 0.01);
        Assert.InRange(squares / n, 0.98, 1.02);
        Assert.InRange(neighbours / n, -0.01, 0.01);
        // Gaussian-like tail: P(g < −1) is 0.159 for a normal; a single standardised uniform would give 0.211.
        Assert.InRange(below / n, 0.150, 0.168);
    }

    [Fact]
    public void StreamsDifferBySeedPatternAndField()
    {
        var keys = new HashSet<uint>
        {
            GrainNoise.StreamKey(0, 0, 0), GrainNoise.StreamKey(1, 0, 0), GrainNoise.StreamKey(0, 1, 0),
            GrainNoise.StreamKey(0, 0, 1), GrainNoise.StreamKey(0, 1L << 32, 0),
        };
        Assert.Equal(5, keys.Count);
    }
}
