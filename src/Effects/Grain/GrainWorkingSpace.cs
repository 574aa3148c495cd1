namespace Enhance.Effects.Grain;

/// <summary>
/// The encodings grain is added in. Log is log2 with a small toe offset, normalised so 0 → 0 and
/// 1 → 1: it spans about 6 stops below white before the toe flattens it, like a film scan, and
/// values above 1 (HDR) continue smoothly.
/// </summary>
public static class GrainWorkingSpace
{
    /// <summary>Offset that keeps log finite at black; 2^-6 sets the toe about 6 stops under white.</summary>
    private const float Toe = 1f / 64f;
    private static readonly float LogOfToe = MathF.Log2(Toe);
    private static readonly float LogRange = MathF.Log2(1f + Toe) - MathF.Log2(Toe);

    public static float Encode(GrainSpace space, float value) =>
        space == GrainSpace.Log ? ToLog(value) : value;

    public static float Decode(GrainSpace space, float value) =>
        space == GrainSpace.Log ? FromLog(value) : value;

    /// <summary>Slope of the log curve at black; below black the curve continues as a straight line with it.</summary>
    private static readonly float SlopeAtBlack = 1f / (Toe * MathF.Log(2f) * LogRange);

    /// <summary>
    /// Log encoding. Negative values (float pipelines, or grain pushed below black) continue the
    /// curve linearly, so the encoding stays invertible and grain in the shadows is not clipped.
    /// </summary>
    public static float ToLog(float linear) =>
        linear >= 0f ? (MathF.Log2(linear + Toe) - LogOfToe) / LogRange : linear * SlopeAtBlack;

    public static float FromLog(float log) =>
        log >= 0f ? MathF.Pow(2f, log * LogRange + LogOfToe) - Toe : log / SlopeAtBlack;
}
