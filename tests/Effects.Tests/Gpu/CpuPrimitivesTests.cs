using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>The CPU reference of the primitives, checked against their scalar definitions on real photos.</summary>
public sealed class CpuPrimitivesTests
{
    [Fact]
    public void Adding_detail_refuses_bad_strength_limit_and_shapes()
    {
        using var image = PhotoCrops.Load("grass", 0, 0, 8, 8);
        using var rgb = PhotoCrops.Load("grass", 0, 0, 8, 8, 3);
        using var shifted = PhotoCrops.Load("grass", 1, 0, 8, 8, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuPrimitives.AddDetail(image, rgb, rgb, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CpuPrimitives.AddDetail(image, rgb, rgb, float.NaN, 1));
        Assert.Throws<ArgumentException>(() => CpuPrimitives.AddDetail(image, image, rgb, 1, 1));
        Assert.Throws<ArgumentException>(() => CpuPrimitives.AddDetail(image, shifted, rgb, 1, 1));
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
    public void Model_encodings_follow_the_Upscale_transfer_functions()
    {
        using var photo = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("Garden", 0, 0, 24, 16));
        photo.At(3, 2, 0) = 1.8f;   // HDR: must reach the model clipped
        var area = photo.Bounds;
        var display = new float[3 * area.Area];
        var linear = new float[3 * area.Area];
        CpuPrimitives.ToPlanarRgb(photo, area, System.Runtime.InteropServices.MemoryMarshal.AsBytes(display.AsSpan()), PlanarElement.Float32, false, PlanarEncoding.ModelDisplay);
        CpuPrimitives.ToPlanarRgb(photo, area, System.Runtime.InteropServices.MemoryMarshal.AsBytes(linear.AsSpan()), PlanarElement.Float32, false, PlanarEncoding.ModelSceneLinear);
        int plane = area.Width * area.Height;
        for (int y = 0; y < area.Height; y++)
            for (int x = 0; x < area.Width; x++)
                for (int c = 0; c < 3; c++)
                {
                    float alpha = photo.At(x, y, 3);
                    float straight = alpha > Premultiplication.TransparentAlpha ? photo.At(x, y, c) * (1f / alpha) : 0f;
                    int i = c * plane + y * area.Width + x;
                    Assert.Equal(Math.Clamp(straight, 0f, 1f), display[i]);
                    Assert.Equal(Enhance.Effects.Upscale.TransferFunctions.SrgbEncode(display[i]), linear[i]);
                    Assert.InRange(display[i], 0f, 1f);
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
