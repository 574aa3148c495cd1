using System.Numerics;

namespace Enhance.Effects.Imaging;

/// <summary>
/// Converting RGBA between premultiplied and straight colour. Filters that average neighbouring
/// pixels (resampling, blurs) must run on premultiplied colour, or transparent pixels' colour leaks
/// in as dark fringes; tone operations (grain response, a model that expects display colour) want
/// straight colour.
/// </summary>
public static class Premultiplication
{
    /// <summary>Alpha below this is treated as fully transparent when dividing.</summary>
    public const float TransparentAlpha = 1e-6f;

    /// <summary>What premultiplied colour is multiplied by to become straight: 1/alpha, or 0 where the pixel is transparent.</summary>
    public static float StraightFactor(float alpha) => alpha > TransparentAlpha ? 1f / alpha : 0f;

    public static void Premultiply(Span<float> rgba)
    {
        for (int i = 0; i + 3 < rgba.Length; i += 4)
        {
            float a = rgba[i + 3];
            rgba[i] *= a; rgba[i + 1] *= a; rgba[i + 2] *= a;
        }
    }

    public static void Unpremultiply(Span<float> rgba)
    {
        for (int i = 0; i + 3 < rgba.Length; i += 4)
        {
            float a = rgba[i + 3];
            float inv = StraightFactor(a);
            rgba[i] *= inv; rgba[i + 1] *= inv; rgba[i + 2] *= inv;
        }
    }

    public static void Premultiply(FloatImage image)
    {
        if (image.Channels == 4) Premultiply(image.Pixels);
    }

    public static void Unpremultiply(FloatImage image)
    {
        if (image.Channels == 4) Unpremultiply(image.Pixels);
    }
}
