namespace Enhance.Effects.Grain;

/// <summary>Everything one render of <see cref="GrainRenderer"/> fixes up front and every row band reads.</summary>
internal sealed class GrainRenderPlan
{
    public GrainRenderPlan(GrainSettings settings, GrainProfile? matched, GrainKernel kernel, double time)
    {
        Kernel = kernel;
        Space = matched?.Space ?? settings.Space;
        Output = settings.Output;
        Strengths = GrainStrengthTable.For(settings, matched);
        double saturation = matched?.EquivalentSaturation ?? settings.Saturation;
        Monochrome = settings.Monochrome || saturation <= 0;
        long pattern = settings.PatternIndex(time);
        Streams = new uint[Monochrome ? 1 : 3];
        for (int f = 0; f < Streams.Length; f++) Streams[f] = GrainNoise.StreamKey(settings.Seed, pattern, f);
        // g_c = m + s (n_c − m) with m the mean of three unit fields has variance (1 + 2 s²) / 3;
        // dividing by its square root keeps each channel's grain at unit variance for any saturation.
        Saturation = (float)saturation;
        MixNormaliser = (float)(1 / Math.Sqrt((1 + 2 * saturation * saturation) / 3));
    }

    public GrainKernel Kernel { get; }
    public GrainSpace Space { get; }
    public GrainOutput Output { get; }
    public GrainStrengthTable Strengths { get; }
    public bool Monochrome { get; }
    public uint[] Streams { get; }
    public float Saturation { get; }
    public float MixNormaliser { get; }
}
