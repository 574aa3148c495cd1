namespace Enhance.Effects.Gpu;

/// <summary>
/// The strength/detail blend every backend computes, per colour sample:
/// <c>out = base + strength × clamp(detailed − base, −detailLimit, +detailLimit)</c>.
/// <c>base</c> is the classical (Lanczos) upscale and <c>detailed</c> the model's; strength 0 gives
/// the classical result exactly, 1 the model's (within the limit), 2 exaggerates the difference.
/// The limit caps how far the model may move any sample, which keeps rare model artefacts (ringing,
/// hallucinated specks) from dominating; use <see cref="float.PositiveInfinity"/> for no cap.
/// Alpha (the 4th channel) is always the base's: the model's alpha is never trusted.
/// </summary>
public static class DetailBlendMath
{
    public static void Validate(float strength, float detailLimit)
    {
        if (!float.IsFinite(strength))
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "Strength must be a finite number.");
        if (float.IsNaN(detailLimit) || detailLimit < 0)
            throw new ArgumentOutOfRangeException(nameof(detailLimit), detailLimit, "The detail limit must be zero or more (infinity for none).");
    }

    /// <summary>One colour sample; the scalar definition the kernels and vector loops follow.</summary>
    public static float Blend(float baseValue, float detailed, float strength, float detailLimit) =>
        baseValue + strength * Math.Clamp(detailed - baseValue, -detailLimit, detailLimit);
}
