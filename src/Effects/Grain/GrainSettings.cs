namespace Enhance.Effects.Grain;

/// <summary>Where the grain is added: on the values as they are, or on a log encoding of them.</summary>
public enum GrainSpace
{
    /// <summary>Grain adds to the pixel values directly: the same strength in every stop.</summary>
    Linear,

    /// <summary>
    /// Grain adds to a log encoding (see <see cref="GrainWorkingSpace"/>): strength per stop, like
    /// film grain scanned to Cineon log, so deep shadows get proportionally less in linear values.
    /// </summary>
    Log,
}

/// <summary>How the grain pattern changes over time.</summary>
public enum GrainAnimation
{
    /// <summary>A new pattern every frame.</summary>
    Animated,

    /// <summary>One pattern for the whole clip.</summary>
    Static,

    /// <summary>A new pattern every <see cref="GrainSettings.HoldFrames"/> frames.</summary>
    Hold,
}

/// <summary>What the node outputs.</summary>
public enum GrainOutput
{
    /// <summary>The input with grain added.</summary>
    Result,

    /// <summary>The grain alone over mid grey (0.5 + grain), to judge it without the picture.</summary>
    GrainOnly,
}

/// <summary>
/// The hand-designed grain, grouped like a colourist's grain tool: amount, size, softness,
/// per-channel amounts or monochrome, saturation, tonal response, working space, seed and
/// animation, and what to output. With a matched <see cref="GrainProfile"/> the profile replaces
/// the strengths, size and saturation (see <see cref="GrainRenderer"/>).
/// </summary>
public sealed record GrainSettings
{
    /// <summary>Standard deviation of the grain at response 1, in working-space units (1.0 = white).</summary>
    public double Amount { get; init; } = 0.03;

    /// <summary>Multiplier on a matched profile's measured strengths (1 = as measured); keyframable.</summary>
    public double MatchAmount { get; init; } = 1.0;

    /// <summary>
    /// Grain size relative to the frame: 1 is fine 35 mm-like grain on a 1080-line frame; the grain's
    /// width in pixels is proportional to Size × frame height, so 4K gets grain of the same physical size.
    /// </summary>
    public double Size { get; init; } = 1.0;

    /// <summary>0 = sharp-edged grain clumps, 1 = soft Gaussian clumps (same correlation width control).</summary>
    public double Softness { get; init; } = 0.5;

    public double Red { get; init; } = 1.0;
    public double Green { get; init; } = 1.0;
    public double Blue { get; init; } = 1.0;

    /// <summary>One grain pattern shared by R, G and B (luma grain, like black-and-white stock).</summary>
    public bool Monochrome { get; init; }

    /// <summary>Colour of the grain: 0 = the three channels move together, 1 = independent per channel.</summary>
    public double Saturation { get; init; } = 1.0;

    public GrainResponse Response { get; init; } = GrainResponse.Flat;

    public GrainSpace Space { get; init; } = GrainSpace.Linear;

    public int Seed { get; init; }

    public GrainAnimation Animation { get; init; } = GrainAnimation.Animated;

    /// <summary>Frames each pattern is held for when <see cref="Animation"/> is <see cref="GrainAnimation.Hold"/>.</summary>
    public int HoldFrames { get; init; } = 2;

    public GrainOutput Output { get; init; } = GrainOutput.Result;

    /// <summary>Throws when a value is outside what the renderer accepts.</summary>
    public void Validate()
    {
        if (!(Amount >= 0) || double.IsInfinity(Amount)) throw new ArgumentOutOfRangeException(nameof(Amount), Amount, "Amount must be ≥ 0.");
        if (!(MatchAmount >= 0) || double.IsInfinity(MatchAmount)) throw new ArgumentOutOfRangeException(nameof(MatchAmount), MatchAmount, "Match amount must be ≥ 0.");
        if (!(Size is >= 0.05 and <= 32)) throw new ArgumentOutOfRangeException(nameof(Size), Size, "Size must be in 0.05–32.");
        if (!(Softness is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(Softness), Softness, "Softness must be in 0–1.");
        if (!(Red >= 0 && Green >= 0 && Blue >= 0)) throw new ArgumentOutOfRangeException(nameof(Red), "Per-channel amounts must be ≥ 0.");
        if (!(Saturation is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(Saturation), Saturation, "Saturation must be in 0–1.");
        if (HoldFrames < 1) throw new ArgumentOutOfRangeException(nameof(HoldFrames), HoldFrames, "Hold must be at least 1 frame.");
        Response.Validate();
    }

    /// <summary>
    /// The pattern index for a frame time: the frame number when animated, 0 when static, frame / N
    /// when held. Times are floored so sub-frame samples (motion blur) share their frame's grain.
    /// </summary>
    public long PatternIndex(double time)
    {
        long frame = (long)Math.Floor(time + 1e-6);
        return Animation switch
        {
            GrainAnimation.Static => 0,
            GrainAnimation.Hold => FloorDiv(frame, HoldFrames),
            _ => frame,
        };
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);
}
