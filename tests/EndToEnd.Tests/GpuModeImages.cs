using Enhance.Effects.Imaging;
using Enhance.TestSupport;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Portable Float Map (.pfm) files for the GPU-mode tests: the one format both the full ofxhost and
/// the library-free one carried to GPU machines (tools/gpu-check.sh, OFXHOST_WITH_OIIO=OFF) read
/// and write. RGB floats, rows bottom to top, little-endian (negative scale).
/// </summary>
public static class GpuModeImages
{
    /// <summary>A real photo, at most <paramref name="side"/> pixels on its long side, saved as .pfm.</summary>
    public static string SmallPhoto(string dir, string name, int side)
    {
        string path = Path.Combine(dir, name + ".pfm");
        using var image = ImageFiles.Load(TestImages.Photo(name), 3, side);
        Write(image, path);
        return path;
    }

    public static void Write(FloatImage image, string path)
    {
        if (image.Channels != 3) throw new ArgumentException("PFM files here are RGB.", nameof(image));
        using var file = File.Create(path);
        var header = System.Text.Encoding.ASCII.GetBytes($"PF\n{image.Width} {image.Height}\n-1.0\n");
        file.Write(header);
        var pixels = image.Pixels;
        int row = image.Width * 3;
        // FloatImage row 0 is the top of the picture (as loaded from a file); PFM starts at the bottom.
        for (int y = image.Height - 1; y >= 0; y--)
            file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(pixels.Slice(y * row, row)));
    }

    /// <summary>An RGB .pfm as a FloatImage (row 0 the top, like <see cref="ImageFiles.Load"/>).</summary>
    public static FloatImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int at = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[at])) at++;
            int start = at;
            while (!char.IsWhiteSpace((char)bytes[at])) at++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, at - start);
        }
        if (Token() != "PF") throw new InvalidDataException($"{path} is not an RGB PFM file.");
        int width = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        int height = int.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture);
        if (double.Parse(Token(), System.Globalization.CultureInfo.InvariantCulture) >= 0)
            throw new InvalidDataException($"{path} is big-endian; the hosts here write little-endian.");
        at++;  // the single whitespace before the raster
        var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes.AsSpan(at));
        int row = width * 3;
        if (floats.Length < row * height) throw new InvalidDataException($"{path} ends before its {width}x{height} raster.");
        var image = new FloatImage(new PixelRect(0, 0, width, height), 3);
        for (int y = 0; y < height; y++)
            floats.Slice((height - 1 - y) * row, row).CopyTo(image.Pixels.Slice(y * row, row));
        return image;
    }
}
