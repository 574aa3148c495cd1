using Enhance.Effects.Imaging;
using NetVips;

namespace Enhance.TestSupport;

/// <summary>
/// Reading and writing image files for tests and tools, through libvips (NetVips). Values are the
/// file's encoded values scaled to 0–1 (no colour conversion): what a host hands a plug-in for a
/// display-referred clip.
/// </summary>
public static class ImageFiles
{
    /// <summary>Loads a file as a float image with the given channel count (3 = RGB, 4 = RGBA with opaque alpha added if missing).</summary>
    public static FloatImage Load(string path, int channels = 4, int? maxSide = null)
    {
        using var loaded = NetVips.Image.NewFromFile(path, access: Enums.Access.Sequential);
        var image = loaded;
        var owned = new List<NetVips.Image>();
        try
        {
            if (maxSide is int side && Math.Max(image.Width, image.Height) > side)
                image = Track(owned, image.Resize((double)side / Math.Max(image.Width, image.Height), kernel: Enums.Kernel.Lanczos3));
            double scale = image.Format is Enums.BandFormat.Ushort or Enums.BandFormat.Short ? 1.0 / 65535 : 1.0 / 255;
            if (image.Format is Enums.BandFormat.Float or Enums.BandFormat.Double) scale = 1.0;
            if (image.Bands == 1) image = Track(owned, image.Bandjoin(image, image));
            else if (image.Bands == 2) image = Track(owned, image[0].Bandjoin(image[0], image[0], image[1]));
            if (image.Bands > 4) image = Track(owned, image.ExtractBand(0, 4));
            if (channels == 3 && image.Bands == 4) image = Track(owned, image.ExtractBand(0, 3));
            if (channels == 4 && image.Bands == 3) image = Track(owned, image.Bandjoin(image.Format == Enums.BandFormat.Ushort ? 65535 : 255));
            if (channels == 1) image = Track(owned, image.Colourspace(Enums.Interpretation.Bw)[0]);
            var floats = Track(owned, image.Cast(Enums.BandFormat.Float) * scale);
            var data = floats.WriteToMemory<float>();
            var result = new FloatImage(PixelRect.FromSize(image.Width, image.Height), channels);
            // libvips rows run top to bottom; OFX canvas rows run bottom to top. Tests compare like
            // with like, so keep the file's order: row 0 of the file is canvas row 0.
            data.AsSpan(0, result.Pixels.Length).CopyTo(result.Pixels);
            return result;
        }
        finally
        {
            foreach (var i in owned) i.Dispose();
        }
    }

    /// <summary>Writes a float image (0–1): 16-bit PNG for .png, float TIFF for .tif/.tiff, 8-bit for anything else libvips knows.</summary>
    public static void Save(FloatImage image, string path)
    {
        var pixels = image.Pixels;
        if (path.EndsWith(".tif") || path.EndsWith(".tiff"))
        {
            using var vf = NetVips.Image.NewFromMemory(pixels.ToArray(), image.Width, image.Height, image.Channels, Enums.BandFormat.Float);
            vf.WriteToFile(path);
            return;
        }
        if (path.EndsWith(".png"))
        {
            var words = new ushort[pixels.Length];
            for (int i = 0; i < words.Length; i++) words[i] = (ushort)Math.Clamp(pixels[i] * 65535f + 0.5f, 0f, 65535f);
            using var v16 = NetVips.Image.NewFromMemory(words, image.Width, image.Height, image.Channels, Enums.BandFormat.Ushort);
            using var tagged = v16.Copy(interpretation: image.Channels >= 3 ? Enums.Interpretation.Rgb16 : Enums.Interpretation.Grey16);
            tagged.WriteToFile(path);
            return;
        }
        var bytes = new byte[pixels.Length];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)Math.Clamp(pixels[i] * 255f + 0.5f, 0f, 255f);
        using var v8 = NetVips.Image.NewFromMemory(bytes, image.Width, image.Height, image.Channels, Enums.BandFormat.Uchar);
        v8.WriteToFile(path);
    }

    private static NetVips.Image Track(List<NetVips.Image> owned, NetVips.Image image)
    {
        owned.Add(image);
        return image;
    }
}
