using Enhance.Effects.Imaging;
using Enhance.TestSupport;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>Small crops of the real test photographs, placed anywhere on the canvas.</summary>
internal static class PhotoCrops
{
    /// <summary>
    /// A <paramref name="width"/> × <paramref name="height"/> crop of <paramref name="photo"/>
    /// (shrunk to at most 320 pixels a side first), with canvas bounds starting at (x1, y1).
    /// </summary>
    public static FloatImage Load(string photo, int x1, int y1, int width, int height, int channels = 4)
    {
        using var full = ImageFiles.Load(TestImages.Photo(photo), channels, maxSide: 320);
        if (width > full.Width || height > full.Height)
            throw new ArgumentException($"{photo} is only {full.Width}x{full.Height}.");
        var crop = new FloatImage(new PixelRect(x1, y1, x1 + width, y1 + height), channels);
        for (int r = 0; r < height; r++)
            full.Row(r, 0, width).CopyTo(crop.Row(y1 + r));
        return crop;
    }

    /// <summary>Gives the alpha of an RGBA crop a soft diagonal ramp (premultiplying the colour), so alpha handling is exercised.</summary>
    public static FloatImage WithAlphaRamp(FloatImage image)
    {
        var b = image.Bounds;
        for (int y = b.Y1; y < b.Y2; y++)
            for (int x = b.X1; x < b.X2; x++)
            {
                float a = Math.Clamp((x - b.X1 + y - b.Y1) / (float)(b.Width + b.Height) * 1.5f, 0f, 1f);
                image.At(x, y, 3) = a;
                for (int c = 0; c < 3; c++) image.At(x, y, c) *= a;
            }
        return image;
    }
}
