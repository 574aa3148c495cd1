using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;
using Enhance.Effects.Tests.Dehalo;
using Enhance.TestSupport;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The Dehalo conformance cases: a crop of a real photograph with halos made as they happen
/// (<see cref="HaloScenario"/>: ×½, Lanczos ×2, unsharp mask) placed off the canvas origin, and the
/// settings, window and source each case renders with. Every case states what CPU code it must equal.
/// The fine texture protection cases crop the same photograph sharpened at its own resolution instead
/// (<see cref="HaloScenario.FromPhotoSharpenedNatively"/>): on the upscale the stage has almost nothing to
/// protect (its pixel-fine texture was lost in the ×½), so only there would a wrong gate show.
/// </summary>
internal static class GpuDehaloCases
{
    public const string Default = "default settings";
    public const string NoSupersampling = "no supersampling";
    public const string NoProtection = "no edge protection";
    public const string Radius3x15 = "radius 3×1.5";
    public const string HaloMask = "halo mask view";
    public const string RemovedDetail = "removed detail view";
    public const string Gentle = "half strength, dark 0.3, bright 0.8, sensitivity 25/60, protection 0.5";
    public const string Tile = "a tile whose reach crosses the clip's corner";
    public const string NativeTexture = "sharpened at its own resolution, fine texture protection 1 (default)";
    public const string HalfTextureProtection = "sharpened at its own resolution, fine texture protection 0.5";
    public const string NoTextureProtection = "sharpened at its own resolution, fine texture protection 0";
    public const string HugeValues = "pixels at 1e20 and ±3e38 (no picture value: they must not overflow the stages)";

    public static readonly string[] All = [Default, NoSupersampling, NoProtection, Radius3x15, HaloMask, RemovedDetail, Gentle, Tile,
        NativeTexture, HalfTextureProtection, NoTextureProtection, HugeValues];

    /// <summary>The cases on the natively sharpened photograph.</summary>
    public static bool IsNativelySharpened(string name) => name is NativeTexture or HalfTextureProtection or NoTextureProtection;

    private static readonly Lazy<FloatImage> Haloed = new(() =>
    {
        using var scenario = HaloScenario.FromPhoto(TestImages.Photo("astronaut"));
        return scenario.Haloed.Clone();
    });

    private static readonly Lazy<FloatImage> NativelySharpened = new(() =>
    {
        using var scenario = HaloScenario.FromPhotoSharpenedNatively(TestImages.Photo("astronaut"));
        return scenario.Haloed.Clone();
    });

    public static DehaloSettings Settings(string name) => name switch
    {
        NoSupersampling => new DehaloSettings { Supersample = false },
        NoProtection => new DehaloSettings { EdgeProtection = 0 },
        Radius3x15 => new DehaloSettings { RadiusX = 3, RadiusY = 1.5 },
        HaloMask => new DehaloSettings { Output = DehaloOutput.HaloMask },
        RemovedDetail => new DehaloSettings { Output = DehaloOutput.RemovedDetail },
        HalfTextureProtection => new DehaloSettings { TextureProtection = 0.5 },
        NoTextureProtection => new DehaloSettings { TextureProtection = 0 },
        Gentle => new DehaloSettings { Strength = 0.5, DarkStrength = 0.3, BrightStrength = 0.8, SensitivityLow = 25, SensitivityHigh = 60, EdgeProtection = 0.5 },
        _ => new DehaloSettings(),
    };

    /// <summary>
    /// The clip (its definition is its bounds: a <paramref name="width"/> × <paramref name="height"/> haloed
    /// crop at canvas (−20, 30), RGBA with a soft alpha ramp, RGB or luma only) and the window to render.
    /// Most cases render the clip's interior; <see cref="Tile"/> a window at its corner, so the stages' reach
    /// runs off the clip and the source handed over is only the part of the clip the tile needs.
    /// </summary>
    public static (FloatImage Clip, PixelRect Window) Clip(string name, int channels, int width, int height)
    {
        var clip = Crop(IsNativelySharpened(name) ? NativelySharpened.Value : Haloed.Value, -20, 30, width, height, channels);
        var b = clip.Bounds;
        if (name == HugeValues) PutHugeValues(clip);
        var window = name == Tile
            ? new PixelRect(b.X1 + 3, b.Y1 + 2, b.X1 + width / 2, b.Y1 + height / 2)
            : new PixelRect(b.X1 + 9, b.Y1 + 7, b.X2 - 6, b.Y2 - 11);
        return (clip, window);
    }

    /// <summary>A few pixels a hostile host or a broken upstream node sends, inside the rendered window.</summary>
    public static void PutHugeValues(FloatImage clip)
    {
        var b = clip.Bounds;
        float[] values = [1e20f, 3e38f, -3e38f];
        for (int i = 0; i < values.Length; i++)
        {
            int x = b.X1 + 15 + 9 * i, y = b.Y1 + 12 + 5 * i;
            for (int c = 0; c < Math.Min(3, clip.Channels); c++) clip.At(x, y, c) = values[i];
        }
    }

    /// <summary>What the host would hand over: the clip cut to RequiredInputRegion(window) ∩ definition.</summary>
    public static FloatImage SourceFor(FloatImage clip, PixelRect window, DehaloSettings s)
    {
        var needed = DehaloProcessor.RequiredInputRegion(window, s).Intersect(clip.Bounds);
        var source = new FloatImage(needed, clip.Channels);
        source.CopyFrom(clip);
        return source;
    }

    private static FloatImage Crop(FloatImage haloed, int x1, int y1, int width, int height, int channels)
    {
        var crop = new FloatImage(new PixelRect(x1, y1, x1 + width, y1 + height), channels);
        // Around the astronaut's glove and suit seams (512-pixel scenario): strong edges with clear halos,
        // where default settings change the picture most of all the photos' 150 × 110 crops.
        int ox = 195 - width / 2, oy = 355 - height / 2;
        for (int r = 0; r < height; r++)
        {
            var src = haloed.Row(oy + r, ox, ox + width);
            var dst = crop.Row(y1 + r);
            for (int x = 0; x < width; x++)
            {
                if (channels == 1) { dst[x] = 0.2126f * src[3 * x] + 0.7152f * src[3 * x + 1] + 0.0722f * src[3 * x + 2]; continue; }
                for (int c = 0; c < 3; c++) dst[x * channels + c] = src[3 * x + c];
                if (channels == 4) dst[x * 4 + 3] = 1f;
            }
        }
        return channels == 4 ? PhotoCrops.WithAlphaRamp(crop) : crop;
    }
}
