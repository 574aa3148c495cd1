namespace Enhance.Effects.Imaging;

/// <summary>
/// What the planar conversions do to the values on the way to (and from) a super-resolution model,
/// following the Upscale effect (<see cref="Upscale.TransferFunctions"/>): models see straight
/// colour clipped to 0–1, sRGB-encoded when the clip is scene-linear.
/// </summary>
public enum PlanarEncoding
{
    /// <summary>Values copied unchanged (premultiplied stays premultiplied).</summary>
    AsIs,

    /// <summary>To the model: unpremultiplied by the image's alpha (RGBA), clipped to 0–1. Back: unchanged.</summary>
    ModelDisplay,

    /// <summary>To the model: unpremultiplied, clipped to 0–1, sRGB-encoded. Back: sRGB-decoded (sign kept).</summary>
    ModelSceneLinear,
}
