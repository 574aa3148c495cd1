using Enhance.TestSupport;
using NetVips;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// Centre crops of real pictures written as 8-bit RGB PNGs, so the upstream binary and the ONNX
/// run read exactly the same values.
/// </summary>
public static class ModelTestCrops
{
    /// <summary>Three photographs and two anime scenes, by name, for comparisons that need a handful.</summary>
    public static IReadOnlyList<string> Mixed =>
    [
        TestImages.Photo("chelsea"), TestImages.Photo("coffee"), TestImages.Photo("YellowFlower"),
        TestImages.AnimeFrame("concert1"), TestImages.AnimeFrame("bg_cave"),
    ];

    /// <summary>Writes a <paramref name="size"/>² centre crop of each source into <paramref name="dir"/>; returns the crop paths.</summary>
    public static IReadOnlyList<string> WriteCentreCrops(IEnumerable<string> sources, int size, string dir)
    {
        Directory.CreateDirectory(dir);
        var written = new List<string>();
        foreach (var source in sources)
        {
            using var image = NetVips.Image.NewFromFile(source);
            using var rgb = image.Bands >= 3 ? image.ExtractBand(0, 3) : image.Colourspace(Enums.Interpretation.Srgb);
            using var bytes = rgb.Format == Enums.BandFormat.Uchar ? rgb.Copy() : rgb.Cast(Enums.BandFormat.Uchar);
            if (bytes.Width < size || bytes.Height < size)
                throw new InvalidOperationException($"{source} is smaller than {size}x{size}.");
            using var crop = bytes.ExtractArea((bytes.Width - size) / 2, (bytes.Height - size) / 2, size, size);
            var path = Path.Combine(dir, Path.GetFileNameWithoutExtension(source) + ".png");
            crop.WriteToFile(path);
            written.Add(path);
        }
        return written;
    }
}
