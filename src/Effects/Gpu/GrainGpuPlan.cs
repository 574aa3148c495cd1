using Enhance.Effects.Grain;

namespace Enhance.Effects.Gpu;

/// <summary>
/// What a GPU grain render needs, computed on the CPU from the same inputs and with the same
/// formulas as <see cref="GrainRenderer"/>'s private render plan (the conformance test holds the
/// two together): the grain filter's taps, one hash stream per field, the 1024-entry strength table,
/// the channel mix, and the log working space's constants (computed here in C# and passed to the
/// kernels, so both sides use bit-identical constants).
/// </summary>
internal sealed class GrainGpuPlan
{
    /// <summary>Entries of <see cref="Grain.GrainStrengthTable"/> (a private constant there).</summary>
    public const int TableEntries = 1024;

    // GrainNoise: a sum of four 16-bit values, centred and scaled to unit variance.
    public static readonly float NoiseScale = (float)(1 / Math.Sqrt(4 * (65536.0 * 65536.0 - 1) / 12));

    // GrainWorkingSpace's constants.
    private const float Toe = 1f / 64f;
    public static readonly float LogOfToe = MathF.Log2(Toe);
    public static readonly float LogRange = MathF.Log2(1f + Toe) - MathF.Log2(Toe);
    public static readonly float SlopeAtBlack = 1f / (Toe * MathF.Log(2f) * LogRange);

    private GrainGpuPlan() { }

    /// <summary>False when the render adds nothing (amount 0, or an empty measured profile).</summary>
    public bool AddsGrain { get; private init; }
    public bool GrainOnly { get; private init; }
    public bool LogSpace { get; private init; }
    public float[] Taps { get; private init; } = [];
    public uint[] Streams { get; private init; } = [];
    public float[] Table { get; private init; } = [];
    public float Saturation { get; private init; }
    public float MixNormaliser { get; private init; }

    /// <summary><see cref="GrainRenderer.Apply"/>'s image checks, on device images: RGB or RGBA in and out, the source covering the window.</summary>
    public static void CheckImages(DeviceImage source, DeviceImage destination)
    {
        source.Validate(nameof(source));
        destination.Validate(nameof(destination));
        if (source.Channels is not (3 or 4) || destination.Channels != source.Channels)
            throw new ArgumentException($"Grain needs RGB or RGBA in and out with the same channels, got {source.Channels} and {destination.Channels}.");
        if (!source.Bounds.Contains(destination.Bounds))
            throw new ArgumentException($"Source {source.Bounds} does not cover the render window {destination.Bounds}.", nameof(source));
    }

    public static GrainGpuPlan Create(GrainSettings settings, GrainProfile? matched, double time, int frameHeight, double renderScale)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (frameHeight <= 0) throw new ArgumentOutOfRangeException(nameof(frameHeight), frameHeight, "Frame height must be > 0.");
        if (!(renderScale > 0)) throw new ArgumentOutOfRangeException(nameof(renderScale), renderScale, "Render scale must be > 0.");
        bool grainOnly = settings.Output == GrainOutput.GrainOnly;
        if (matched is not null && matched.IsEmpty || settings.Amount == 0 && matched is null)
            return new GrainGpuPlan { AddsGrain = false, GrainOnly = grainOnly, Table = new float[TableEntries * 3], Streams = [0], Taps = [1f] };

        var kernel = GrainRenderer.KernelFor(settings, matched, frameHeight, renderScale);
        double saturation = matched?.EquivalentSaturation ?? settings.Saturation;
        bool monochrome = settings.Monochrome || saturation <= 0;
        long pattern = settings.PatternIndex(time);
        var streams = new uint[monochrome ? 1 : 3];
        for (int f = 0; f < streams.Length; f++) streams[f] = GrainNoise.StreamKey(settings.Seed, pattern, f);
        var table = new float[TableEntries * 3];
        for (int i = 0; i < TableEntries; i++)
        {
            double intensity = (double)i / (TableEntries - 1);
            for (int c = 0; c < 3; c++) table[i * 3 + c] = (float)GrainStrengthTable.Strength(settings, matched, intensity, c);
        }
        return new GrainGpuPlan
        {
            AddsGrain = true,
            GrainOnly = grainOnly,
            LogSpace = (matched?.Space ?? settings.Space) == GrainSpace.Log,
            Taps = kernel.Taps.ToArray(),
            Streams = streams,
            Table = table,
            Saturation = (float)saturation,
            MixNormaliser = (float)(1 / Math.Sqrt((1 + 2 * saturation * saturation) / 3)),
        };
    }
}
