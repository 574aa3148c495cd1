using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using NetVips;

namespace Enhance.Effects.Tests.Dehalo;

/// <summary>
/// Halos made the way they happen in practice: a real photograph is downscaled, upscaled back with
/// Lanczos (the clean upscale) and then sharpened with an unsharp mask, which pushes bright and dark
/// outlines along every strong edge. Shared by the quality tests and `enhance-eval dehalo`.
/// </summary>
public sealed class HaloScenario : IDisposable
{
    /// <summary>Unsharp-mask Gaussian σ in pixels and amount: a strong but common sharpening.</summary>
    public const double SharpenSigma = 1.5, SharpenAmount = 1.0;

    /// <summary>Photos are reduced to at most this side, keeping tests fast.</summary>
    public const int MaxSide = 512;

    private HaloScenario(string name, FloatImage original, FloatImage clean, FloatImage haloed, FloatImage haloFree)
    {
        Name = name; Original = original; Clean = clean; Haloed = haloed; HaloFree = haloFree;
    }

    public string Name { get; }
    /// <summary>The photograph, reduced to ≤ <see cref="MaxSide"/> (RGB).</summary>
    public FloatImage Original { get; }
    /// <summary>Downscaled ×½ and Lanczos-upscaled back: soft but halo-free apart from Lanczos' own faint ringing.</summary>
    public FloatImage Clean { get; }
    /// <summary><see cref="Clean"/> sharpened by the unsharp mask: the picture with halos.</summary>
    public FloatImage Haloed { get; }
    /// <summary>The photo averaged down ×½ (2×2 box): a genuinely halo-free picture. The original may carry
    /// in-camera sharpening halos and <see cref="Clean"/> Lanczos' ringing, which the node rightly touches;
    /// box averaging has no negative lobes and averages such fine halos away.</summary>
    public FloatImage HaloFree { get; }

    /// <summary>
    /// Halos made by sharpening the photo at its own resolution (no down/up step): over-sharpened native
    /// footage, the other half of what the node is for. <see cref="Clean"/> is then the photo itself, so
    /// the halo metrics measure what the sharpener added; <see cref="HaloFree"/> is as in <see cref="FromPhoto"/>.
    /// Why it is measured too: a discriminator that recognises a natively sharp picture (rather than a
    /// halo) passes the halo-free bar by switching the node off, and only this scenario shows it.
    /// </summary>
    public static HaloScenario FromPhotoSharpenedNatively(string path)
    {
        using var upscaled = FromPhoto(path);
        using var vOriginal = ToVips(upscaled.Original);
        using var sharpened = Sharpen(vOriginal);
        var original = new FloatImage(upscaled.Original.Bounds, 3);
        original.CopyFrom(upscaled.Original);
        var clean = new FloatImage(upscaled.Original.Bounds, 3);
        clean.CopyFrom(upscaled.Original);
        var haloFree = new FloatImage(upscaled.HaloFree.Bounds, 3);
        haloFree.CopyFrom(upscaled.HaloFree);
        return new HaloScenario(upscaled.Name, original, clean, FromVips(sharpened), haloFree);
    }

    /// <summary>The unsharp mask: picture + amount · (picture − Gaussian(σ)).</summary>
    private static NetVips.Image Sharpen(NetVips.Image picture)
    {
        using var blurred = picture.Gaussblur(SharpenSigma, precision: Enums.Precision.Float);
        using var detail = picture - blurred;
        using var boost = detail * SharpenAmount;
        return picture + boost;
    }

    public static HaloScenario FromPhoto(string path)
    {
        using var loaded = ImageFiles.Load(path, channels: 3, maxSide: MaxSide);
        // Even size, so the ×½ and ×2 round trip lands exactly on the same grid.
        var even = PixelRect.FromSize(loaded.Width & ~1, loaded.Height & ~1);
        var original = new FloatImage(even, 3);
        original.CopyFrom(loaded);

        using var vOriginal = ToVips(original);
        using var small = vOriginal.Resize(0.5, kernel: Enums.Kernel.Lanczos3);
        using var upscaled = small.Resize(2.0, kernel: Enums.Kernel.Lanczos3);
        using var clean = upscaled.Crop(0, 0, even.Width, even.Height);
        using var sharpened = Sharpen(clean);
        using var boxed = vOriginal.Shrink(2, 2);
        return new HaloScenario(Path.GetFileNameWithoutExtension(path), original, FromVips(clean), FromVips(sharpened), FromVips(boxed));
    }

    private static NetVips.Image ToVips(FloatImage image) =>
        NetVips.Image.NewFromMemory(image.Pixels.ToArray(), image.Width, image.Height, image.Channels, Enums.BandFormat.Float);

    private static FloatImage FromVips(NetVips.Image image)
    {
        using var floats = image.Cast(Enums.BandFormat.Float);
        var data = floats.WriteToMemory<float>();
        var result = new FloatImage(PixelRect.FromSize(image.Width, image.Height), image.Bands);
        data.AsSpan(0, result.Pixels.Length).CopyTo(result.Pixels);
        return result;
    }

    public void Dispose()
    {
        Original.Dispose(); Clean.Dispose(); Haloed.Dispose(); HaloFree.Dispose();
    }
}
