namespace Enhance.Effects.Upscale;

/// <summary>How the clip's values relate to what a super-resolution model was trained on (display-referred 0–1 pictures).</summary>
public enum InputTransfer
{
    /// <summary>Values are already display-referred (video, sRGB/Rec.709-encoded): the model sees them as they are, clipped to 0–1.</summary>
    Display,

    /// <summary>Values are scene-linear: the model sees them sRGB-encoded (clipped to 0–1), and its result is decoded back to linear.</summary>
    SceneLinear,
}

/// <summary>
/// The conversions around the model. Models only know 0–1 display pictures, so they are shown the
/// clipped part of a value; what lies above 1 (HDR highlights) or below 0 is never shown to them
/// and reaches the output through the classical path instead (see <see cref="UpscaleRenderer"/>).
/// </summary>
public static class TransferFunctions
{
    /// <summary>Model input for one straight (unpremultiplied) value: clipped to 0–1, encoded when linear.</summary>
    public static float ToModel(float value, InputTransfer transfer)
    {
        float clipped = Clipped(value);
        return transfer == InputTransfer.SceneLinear ? SrgbEncode(clipped) : clipped;
    }

    /// <summary>Model output back to the clip's encoding (models overshoot a little; the sign survives).</summary>
    public static float FromModel(float value, InputTransfer transfer) =>
        transfer == InputTransfer.SceneLinear ? MathF.CopySign(SrgbDecode(MathF.Abs(value)), value) : value;

    /// <summary>The clipped value the model's view stands for, in the clip's encoding.</summary>
    /// <remarks>
    /// NaN becomes 0 (Math.Clamp would keep it): a network spreads one NaN input pixel over its
    /// whole receptive field, so a single bad pixel must not reach it.
    /// </remarks>
    public static float Clipped(float value) => value >= 0f ? MathF.Min(value, 1f) : 0f;

    /// <summary>sRGB encoding (IEC 61966-2-1) of a linear value in 0–1.</summary>
    public static float SrgbEncode(float linear) =>
        linear <= 0.0031308f ? 12.92f * linear : 1.055f * MathF.Pow(linear, 1f / 2.4f) - 0.055f;

    /// <summary>sRGB decoding to linear, for non-negative values (above 1 it keeps following the curve).</summary>
    public static float SrgbDecode(float encoded) =>
        encoded <= 0.04045f ? encoded / 12.92f : MathF.Pow((encoded + 0.055f) / 1.055f, 2.4f);
}
