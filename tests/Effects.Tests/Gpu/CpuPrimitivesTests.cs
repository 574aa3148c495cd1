using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>The CPU reference of the primitives, checked against their scalar definitions on real photos.</summary>
public sealed class CpuPrimitivesTests
{
    [Theory]
    [InlineData(1.3f, 0.08f, 4)]
    [InlineData(0.6f, float.PositiveInfinity, 3)]
    [InlineData(2f, 0.02f, 1)]
    public void Blend_follows_the_scalar_definition_and_keeps_alpha(float strength, float limit, int channels)
    {
        using var baseImage = PhotoCrops.Load("grass", 0, 0, 101, 67, channels);
        using var detailed = PhotoCrops.Load("gravel", 0, 0, 101, 67, channels);
        if (channels == 4) PhotoCrops.WithAlphaRamp(baseImage);
        using var result = new FloatImage(baseImage.Bounds, channels);
        CpuPrimitives.BlendDetail(baseImage, detailed, result, strength, limit);
        var b = baseImage.Pixels; var d = detailed.Pixels; var o = result.Pixels;
        for (int i = 0; i < o.Length; i++)
        {
            float expected = channels == 4 && i % 4 == 3 ? b[i] : DetailBlendMath.Blend(b[i], d[i], strength, limit);
            Assert.Equal(expected, o[i]);
            if (channels == 4 && i % 4 != 3) Assert.InRange(Math.Abs(o[i] - b[i]), 0, strength * limit + 1e-6f);
        }
    }

    [Fact]
    public void Blend_refuses_a_negative_limit_and_a_non_finite_strength()
    {
        using var image = PhotoCrops.Load("grass", 0, 0, 8, 8);
        using var result = new FloatImage(image.Bounds, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuPrimitives.BlendDetail(image, image, result, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuPrimitives.BlendDetail(image, image, result, float.NaN, 1));
    }

    [Theory]
    [InlineData(PlanarElement.Float32, false)]
    [InlineData(PlanarElement.Float16, true)]
    public void Planar_round_trip_restores_the_colour_and_leaves_alpha(PlanarElement element, bool topRowFirst)
    {
        using var photo = PhotoCrops.Load("Wood", 5, 3, 90, 60);
        var area = new PixelRect(10, 8, 80, 50);
        var planar = new byte[CpuPrimitives.PlanarByteSize(area, element)];
        CpuPrimitives.ToPlanarRgb(photo, area, planar, element, topRowFirst);
        using var back = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("Storm", 5, 3, 90, 60));
        using var alphaBefore = back.Clone();
        CpuPrimitives.FromPlanarRgb(planar, element, area, back, topRowFirst);
        // fp16 keeps 11 significant bits: within 2^-11 relative of 0-1 values.
        float tolerance = element == PlanarElement.Float16 ? 1f / 2048 : 0f;
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                for (int c = 0; c < 3; c++) Assert.InRange(Math.Abs(back.At(x, y, c) - photo.At(x, y, c)), 0, tolerance);
                Assert.Equal(alphaBefore.At(x, y, 3), back.At(x, y, 3));
            }
    }

    [Fact]
    public void Top_row_first_puts_the_last_canvas_row_in_plane_row_zero()
    {
        using var photo = PhotoCrops.Load("LadyBird", 0, 0, 16, 12, 3);
        var area = photo.Bounds;
        var planar = new float[3 * area.Width * area.Height];
        CpuPrimitives.ToPlanarRgb(photo, area, System.Runtime.InteropServices.MemoryMarshal.AsBytes(planar.AsSpan()), PlanarElement.Float32, topRowFirst: true);
        int plane = area.Width * area.Height;
        for (int x = 0; x < area.Width; x++)
        {
            Assert.Equal(photo.At(x, area.Y2 - 1, 0), planar[x]);
            Assert.Equal(photo.At(x, area.Y1, 2), planar[2 * plane + (area.Height - 1) * area.Width + x]);
        }
    }
}
