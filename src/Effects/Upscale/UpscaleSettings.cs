namespace Enhance.Effects.Upscale;

/// <summary>Everything one Upscale render needs besides the pixels (values at the frame being rendered).</summary>
public sealed record UpscaleSettings
{
    /// <summary>Output pixels per source pixel, horizontally (any real factor; the model's own scale need not match).</summary>
    public double ScaleX { get; init; } = 2;

    public double ScaleY { get; init; } = 2;

    /// <summary>The super-resolution model, or null for the classical Lanczos upscale alone.</summary>
    public SuperResolutionModel? Model { get; init; }

    /// <summary>0 = classical exactly, 1 = the model's result, up to 2 = its detail doubled (keyframable).</summary>
    public float Strength { get; init; } = 1f;

    /// <summary>Largest difference from the classical result the model may contribute (before strength), so it cannot invent strong new edges or ring.</summary>
    public float DetailLimit { get; init; } = 1f;

    public InputTransfer Transfer { get; init; } = InputTransfer.Display;

    /// <summary>Memory one model run may use, in MiB; decides the tile size (and only that: results do not depend on it beyond 1e-3).</summary>
    public int MemoryBudgetMiB { get; init; } = DefaultMemoryBudgetMiB;

    /// <summary>
    /// Source pixels each tile sees beyond its core on every side, for context and feathering. The
    /// outer ¾ only give context; it must exceed the model's reach (receptive field radius) for
    /// tiles to be invisible. This is a minimum: every model gets what its measured reach
    /// (<see cref="SuperResolutionModel.Reach"/>) needs (<see cref="TileLayout.OverlapFor"/>), so
    /// the default asks for nothing more. A fixed 32 cost the small live-action models (reach 7,
    /// 13 pixels needed) 30 % more network work per frame at the default memory budget.
    /// </summary>
    public int TileOverlap { get; init; } = DefaultTileOverlap;

    public const int DefaultTileOverlap = 0;

    /// <summary>
    /// 0 = every frame on its own (today's result bit for bit); up to 1 = where the input did not
    /// change since the previous frame, the model's picture is averaged with the previous frame's
    /// (see <see cref="TemporalStability"/>). Only used with a previous frame and a model.
    /// </summary>
    public float TemporalStability { get; init; }

    /// <summary>The host asks for a quick render (scrubbing, draft quality): classical only.</summary>
    public bool Draft { get; init; }

    /// <summary>Enough for a ×4 model on 300×300-pixel tiles, and well inside what a 4 GiB GPU has to spare.</summary>
    public const int DefaultMemoryBudgetMiB = 512;

    public const float MaxStrength = 2f;

    /// <summary>
    /// Whether a model would take part if one were given: not a draft, strength above 0. The node
    /// loads no model otherwise (loading one costs seconds and would change nothing).
    /// </summary>
    public bool WantsModel => !Draft && Strength != 0f;

    /// <summary>Whether the model takes part at all (otherwise the render is the classical upscale, bit for bit).</summary>
    public bool UsesModel => Model is not null && WantsModel;

    /// <summary>Whether a render reads the previous frame (the model takes part and stability is above 0).</summary>
    public bool UsesTemporal => UsesModel && TemporalStability > 0f;

    internal void Validate()
    {
        if (!(ScaleX > 0) || !(ScaleY > 0) || double.IsInfinity(ScaleX) || double.IsInfinity(ScaleY))
            throw new ArgumentOutOfRangeException(nameof(ScaleX), $"Scale must be positive and finite, got {ScaleX}×{ScaleY}.");
        if (!(Strength >= 0 && Strength <= MaxStrength))
            throw new ArgumentOutOfRangeException(nameof(Strength), Strength, $"Strength runs from 0 to {MaxStrength}.");
        if (!(DetailLimit >= 0))
            throw new ArgumentOutOfRangeException(nameof(DetailLimit), DetailLimit, "The detail limit cannot be negative.");
        if (!(TemporalStability >= 0 && TemporalStability <= 1))
            throw new ArgumentOutOfRangeException(nameof(TemporalStability), TemporalStability, "Temporal stability runs from 0 to 1.");
        if (MemoryBudgetMiB <= 0)
            throw new ArgumentOutOfRangeException(nameof(MemoryBudgetMiB), MemoryBudgetMiB, "The memory budget must be positive.");
        if (TileOverlap < 0)
            throw new ArgumentOutOfRangeException(nameof(TileOverlap), TileOverlap, "The tile overlap cannot be negative.");
    }
}
