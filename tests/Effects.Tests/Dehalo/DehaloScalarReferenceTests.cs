using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Dehalo;

/// <summary>
/// The vectorised / restructured stages against plain per-pixel scalar references written the obvious way, on
/// the luma of a real photograph placed at an odd canvas origin (so rows do not start on a vector boundary and
/// every stage has both a vector body and a scalar tail). The references are what the stages computed before
/// they were vectorised; the speed-ups must not change a single value beyond float rounding of the same sums.
/// </summary>
public class DehaloScalarReferenceTests
{
    private static FloatImage PhotoLuma(PixelRect at)
    {
        using var photo = ImageFiles.Load(TestImages.Photo("Storm"), channels: 4, maxSide: 256);
        var luma = new FloatImage(at, 1);
        for (int y = at.Y1; y < at.Y2; y++)
            for (int x = at.X1; x < at.X2; x++)
            {
                int px = (x - at.X1) % photo.Width, py = (y - at.Y1) % photo.Height;
                luma.At(x, y, 0) = LumaTransfer.Kr * photo.At(px, py, 0) + LumaTransfer.Kg * photo.At(px, py, 1)
                    + LumaTransfer.Kb * photo.At(px, py, 2);
            }
        return luma;
    }

    [Theory]
    [InlineData(2.0, 2.0)]
    [InlineData(1.5, 3.25)]
    public void Down_up_blur_equals_the_scalar_four_pass_reference(double rx, double ry)
    {
        var area = new PixelRect(-13, 7, 190, 121);
        const double originX = -21, originY = 3;
        var input = DownUpBlur.RequiredInput(area, originX, originY, rx, ry);
        using var luma = PhotoLuma(input);
        using var fast = new FloatImage(area, 1);
        DownUpBlur.Apply(luma, originX, originY, rx, ry, area, fast);

        var g = DownUpBlur.Passes.For(originX, originY, rx, ry, area);
        var columnsDown = Filter(g.ColumnsDown, (x, jy) => Sum(g.DownY, jy, k => luma.At(x, k, 0)));
        var coarse = Filter(g.Coarse, (jx, jy) => Sum(g.DownX, jx, k => columnsDown[jy - g.ColumnsDown.Y1, k - g.ColumnsDown.X1]));
        var rowsUp = Filter(g.RowsUp, (x, jy) => Sum(g.UpX, x, k => coarse[jy - g.Coarse.Y1, k - g.Coarse.X1]));
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                float expected = Sum(g.UpY, y, k => rowsUp[k - g.RowsUp.Y1, x - g.RowsUp.X1]);
                Assert.True(Math.Abs(expected - fast.At(x, y, 0)) <= 1e-6f, $"({x},{y}): {fast.At(x, y, 0)} vs {expected}");
            }
    }

    [Fact]
    public void Centre_line_strength_equals_the_scalar_reference_exactly()
    {
        var area = new PixelRect(-5, 3, 150, 90);
        using var reference = new FloatImage(area.Inflate(2, 2), 1);
        using (var luma = PhotoLuma(DownUpBlur.RequiredInput(reference.Bounds, 0, 0, 2, 2)))
            DownUpBlur.Apply(luma, 0, 0, 2, 2, reference.Bounds, reference);
        float sx = EdgeProtection.StepScale(0, 2), sy = EdgeProtection.StepScale(1, 1.5);
        using var strength = new FloatImage(area, 1);
        EdgeProtection.CentreLineStrength(reference, area, sx, sy, strength);

        float Gx(int x, int y) => (reference.At(x + 1, y, 0) - reference.At(x - 1, y, 0)) * (0.5f * sx);
        float Gy(int x, int y) => (reference.At(x, y + 1, 0) - reference.At(x, y - 1, 0)) * (0.5f * sy);
        float M(int x, int y) => MathF.Sqrt(Gx(x, y) * Gx(x, y) + Gy(x, y) * Gy(x, y));
        int kept = 0;
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                float gx = Gx(x, y), gy = Gy(x, y), ax = MathF.Abs(gx), ay = MathF.Abs(gy), m = M(x, y);
                float a, b;
                if (ay <= 0.41421356f * ax) { a = M(x - 1, y); b = M(x + 1, y); }
                else if (ax <= 0.41421356f * ay) { a = M(x, y - 1); b = M(x, y + 1); }
                else if ((gx > 0) == (gy > 0)) { a = M(x - 1, y - 1); b = M(x + 1, y + 1); }
                else { a = M(x + 1, y - 1); b = M(x - 1, y + 1); }
                float expected = m >= a && m >= b ? m : 0f;
                if (expected > 0) kept++;
                Assert.Equal(expected, strength.At(x, y, 0));
            }
        // A real photo has edges in every direction: the suppression must keep some pixels and drop most.
        Assert.InRange(kept, area.Width, area.Width * area.Height / 2);
    }

    private static float[,] Filter(PixelRect r, Func<int, int, float> value)
    {
        var plane = new float[r.Height, r.Width];
        for (int y = r.Y1; y < r.Y2; y++)
            for (int x = r.X1; x < r.X2; x++) plane[y - r.Y1, x - r.X1] = value(x, y);
        return plane;
    }

    /// <summary>Σ_k w_k · input(start + k), summed left to right from 0 as the stage does.</summary>
    private static float Sum(ResampleTaps taps, int index, Func<int, float> input)
    {
        var w = taps.Weights(index);
        float acc = 0;
        for (int k = 0; k < w.Length; k++) acc += w[k] * input(taps.Start(index) + k);
        return acc;
    }
}
