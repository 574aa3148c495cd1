namespace Enhance.Effects.Upscale;

/// <summary>
/// Measures how far a model looks: run it on a flat grey picture and on the same picture with one
/// brighter pixel in the middle, and find the farthest output pixel that changes. That distance
/// (in input pixels) is what a tile's context must exceed for tiles not to show, and it varies
/// from 1 (a single convolution) through ~20 (Real-ESRGAN compact) to far more (RRDB networks).
/// </summary>
internal static class ModelReach
{
    /// <summary>Probe picture side: the largest reach it can see is about half of it.</summary>
    public const int ProbeSide = 96;

    /// <summary>A change smaller than this is below what tiling must preserve (1e-3) by a safe margin.</summary>
    private const float Threshold = 1e-4f;

    /// <summary>How far the level lock reaches beyond the network: its 7×7 mean (3) and the bilinear enlargement (1).</summary>
    private const int LevelLockExtent = 4;

    /// <summary>
    /// The model's reach in input pixels, capped at <see cref="ProbeSide"/>/2. For an imported model
    /// with a level lock, the network's own output is probed too: the lock cancels the smooth far
    /// field of one impulse, but not the effect of a whole tile border (measured: an RRDB read as
    /// reach 15 through the lock, and its tiles then differed by 1.3e-2).
    /// </summary>
    public static int Measure(SuperResolutionModel model)
    {
        int reach = Measure(model, model.OutputName);
        if (model.HasNetworkOutput)
            reach = Math.Max(reach, Math.Min(ProbeSide / 2, Measure(model, SuperResolutionModel.NetworkOutputName) + LevelLockExtent));
        return reach;
    }

    private static int Measure(SuperResolutionModel model, string outputName)
    {
        int side = ProbeSide, k = model.Scale, outSide = side * k, plane = side * side;
        var flat = new float[3 * plane];
        Array.Fill(flat, 0.5f);
        var impulse = (float[])flat.Clone();
        int centre = side / 2;
        for (int c = 0; c < 3; c++) impulse[c * plane + centre * side + centre] = 1f;
        var flatOut = new float[3 * outSide * outSide];
        var impulseOut = new float[3 * outSide * outSide];
        model.Run(flat, side, side, flatOut, outputName);
        model.Run(impulse, side, side, impulseOut, outputName);

        double reach = 0;
        for (int i = 0; i < flatOut.Length; i++)
        {
            if (!(MathF.Abs(impulseOut[i] - flatOut[i]) > Threshold)) continue;
            int p = i % (outSide * outSide), y = p / outSide, x = p % outSide;
            // Output pixel centre in input coordinates, against the impulse's centre.
            double dx = Math.Abs((x + 0.5) / k - (centre + 0.5)), dy = Math.Abs((y + 0.5) / k - (centre + 0.5));
            reach = Math.Max(reach, Math.Max(dx, dy));
        }
        return Math.Min(side / 2, (int)Math.Ceiling(reach));
    }
}
