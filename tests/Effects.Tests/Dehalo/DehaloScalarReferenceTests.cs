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

    /// <summary>
    /// Exactly equal: the horizontal passes run on blocks of rows, one per vector lane, with the one-row sums per
    /// lane. The areas give whole blocks and a last partial one (coarse rows not a multiple of the lanes).
    /// </summary>
    [Theory]
    [InlineData(2.0, 2.0, 114)]
    [InlineData(1.5, 3.25, 114)]
    [InlineData(2.5, 1.0, 61)]
    [InlineData(7.0, 5.5, 203)]
    public void Down_up_blur_equals_the_scalar_four_pass_reference(double rx, double ry, int height)
    {
        var area = new PixelRect(-13, 7, 190, 7 + height);
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
                Assert.True(expected == fast.At(x, y, 0), $"({x},{y}): {fast.At(x, y, 0)} vs {expected}");
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

    [Theory]
    [InlineData(DehaloOutput.Result, 4)]
    [InlineData(DehaloOutput.Result, 3)]
    [InlineData(DehaloOutput.HaloMask, 4)]
    [InlineData(DehaloOutput.RemovedDetail, 4)]
    public void Luma_write_equals_the_scalar_reference_exactly_inside_and_beyond_the_clip(DehaloOutput view, int channels)
    {
        // The output window reaches past the clip on both sides, so the edge-extended runs are exercised too.
        var definition = new PixelRect(-7, 2, 90, 40);
        var window = new PixelRect(-12, -1, 97, 44);
        using var photo = ImageFiles.Load(TestImages.Photo("Storm"), channels: 4, maxSide: 128);
        using var source = new FloatImage(definition, channels);
        for (int y = definition.Y1; y < definition.Y2; y++)
            for (int x = definition.X1; x < definition.X2; x++)
            {
                float a = channels == 4 ? ((x * 7 + y * 3) % 11) / 10f : 1f; // includes fully transparent pixels
                for (int c = 0; c < 3; c++) source.At(x, y, c) = photo.At(x - definition.X1, y - definition.Y1, c) * a;
                if (channels == 4) source.At(x, y, 3) = a;
            }
        using var delta = TestPlanes.Random(window, 5);
        using var mask = TestPlanes.Random(window, 6);
        foreach (ref var v in delta.Pixels) v -= 0.5f;
        using var output = new FloatImage(window, channels);
        LumaTransfer.Write(source, definition, delta, mask, view, output);

        for (int y = window.Y1; y < window.Y2; y++)
            for (int x = window.X1; x < window.X2; x++)
            {
                int sx = Math.Clamp(x, definition.X1, definition.X2 - 1), sy = Math.Clamp(y, definition.Y1, definition.Y2 - 1);
                float alpha = channels == 4 ? source.At(sx, sy, 3) : 1f;
                float d = delta.At(x, y, 0);
                for (int c = 0; c < 3; c++)
                {
                    float expected = view switch
                    {
                        DehaloOutput.Result => source.At(sx, sy, c) + d * alpha,
                        DehaloOutput.HaloMask => mask.At(x, y, 0) * alpha,
                        _ => (0.5f - d) * alpha,
                    };
                    Assert.Equal(expected, output.At(x, y, c));
                }
                if (channels == 4) Assert.Equal(alpha, output.At(x, y, 3));
            }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    [InlineData(1)]
    public void Luma_extract_equals_the_scalar_reference_exactly_inside_and_beyond_the_clip(int channels)
    {
        // RGBA runs eight pixels per vector: a clip 97 wide at an odd origin leaves a tail on every row, the
        // window past both sides gives edge-extended runs, and alpha takes every value down to fully transparent.
        var definition = new PixelRect(-7, 2, 90, 40);
        using var photo = ImageFiles.Load(TestImages.Photo("Storm"), channels: 4, maxSide: 128);
        using var source = new FloatImage(definition, channels);
        for (int y = definition.Y1; y < definition.Y2; y++)
            for (int x = definition.X1; x < definition.X2; x++)
            {
                float a = channels == 4 ? ((x * 7 + y * 3) % 11) / 10f : 1f;
                if (channels == 4 && (x + y) % 17 == 0) a = 1e-7f; // below the transparency threshold
                for (int c = 0; c < Math.Min(channels, 3); c++) source.At(x, y, c) = photo.At(x - definition.X1, y - definition.Y1, c) * a * 1.7f;
                if (channels == 4) source.At(x, y, 3) = a;
            }
        using var luma = new FloatImage(new PixelRect(-12, -1, 97, 44), 1);
        LumaTransfer.Extract(source, definition, luma);

        for (int y = luma.Bounds.Y1; y < luma.Bounds.Y2; y++)
            for (int x = luma.Bounds.X1; x < luma.Bounds.X2; x++)
            {
                int sx = Math.Clamp(x, definition.X1, definition.X2 - 1), sy = Math.Clamp(y, definition.Y1, definition.Y2 - 1);
                float expected = source.At(sx, sy, 0);
                if (channels > 1)
                {
                    expected = LumaTransfer.Kr * source.At(sx, sy, 0) + LumaTransfer.Kg * source.At(sx, sy, 1) + LumaTransfer.Kb * source.At(sx, sy, 2);
                    if (channels == 4)
                    {
                        float a = source.At(sx, sy, 3);
                        expected *= a > Premultiplication.TransparentAlpha ? 1f / a : 0f;
                    }
                }
                Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(luma.At(x, y, 0)),
                    $"({x},{y}): {luma.At(x, y, 0)} vs {expected}");
            }
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
