namespace Enhance.Effects.Dehalo;

/// <summary>What the node shows: the repaired picture, or one of the two views that let a colourist
/// see exactly what it touches.</summary>
public enum DehaloOutput
{
    /// <summary>The picture with halos removed.</summary>
    Result,
    /// <summary>Grey map (0–1) of where halo removal acts: the halo zone times edge protection times strength.</summary>
    HaloMask,
    /// <summary>What was taken away, around mid grey: 0.5 + (input − result). Removed bright halos show
    /// lighter than grey, filled-in dark halos darker.</summary>
    RemovedDetail,
}

/// <summary>
/// Dehalo parameters, grouped as a colourist expects. Every value is clamped to its documented range
/// by <see cref="Normalized"/>, so a host may pass anything its sliders allow.
/// </summary>
public sealed record DehaloSettings
{
    /// <summary>Overall amount, 0–1 (keyframable): 0 leaves the picture alone, 1 removes halos fully.</summary>
    public double Strength { get; init; } = 1;

    /// <summary>Halo width in pixels, horizontally and vertically (≥ 1): the down/up-sampling factor of
    /// the halo-free reference. Roughly the distance the halo reaches from the edge.</summary>
    public double RadiusX { get; init; } = 2;

    /// <summary>See <see cref="RadiusX"/>.</summary>
    public double RadiusY { get; init; } = 2;

    /// <summary>How much of the dark halos (undershoot next to bright edges) is filled in, 0–1.</summary>
    public double DarkStrength { get; init; } = 1;

    /// <summary>How much of the bright halos (overshoot next to dark edges) is pulled down, 0–1.</summary>
    public double BrightStrength { get; init; } = 1;

    /// <summary>
    /// Low sensitivity, 0–100 (percent). The halo mask comes from how much of a pixel's local range the
    /// blurred reference loses: texture loses most of it, a clean edge keeps it. Areas that lose more than
    /// this percentage start to count as detail and are kept; raise it to remove more halo (at the cost of
    /// touching fine detail), lower it to protect detail. (DeHalo_alpha's lowsens on its 0–255 scale is this
    /// value × 2.55.) The default 50 was chosen on the 14 halo test photos together with the coherence stage,
    /// which keeps the texture that this mask hands to the limiter, the side texture range and texture protection:
    /// at 50 the node removes 70–93 % of the halo energy (≥ 70 % on all 14) and leaves 13 of the 14 halo-free
    /// pictures at ≥ 45 dB PSNR; at 40 it leaves all 14 at ≥ 45 dB but removes only 48–87 % (5 of 14 ≥ 70 %);
    /// at 55 it removes 73–93 % and leaves 11 of 14 at ≥ 45 dB.
    /// </summary>
    public double SensitivityLow { get; init; } = 50;

    /// <summary>
    /// High sensitivity, 0–100 (percent): gain of the halo mask. Higher values protect detail more strongly
    /// (the mask saturates to "keep" sooner), lower values let halo removal reach into detailed areas.
    /// Same meaning and scale as DeHalo_alpha's highsens.
    /// </summary>
    public double SensitivityHigh { get; init; } = 100;

    /// <summary>
    /// Edge protection, 0–1, in the manner of FineDehalo: at 1 only the halo zone within the radius of strong
    /// edges is treated and the edges' centre lines are never changed, so flat areas and texture away from
    /// strong edges stay untouched; at 0 the DeHalo_alpha limiter acts wherever it finds an overshoot.
    /// </summary>
    public double EdgeProtection { get; init; } = 1;

    /// <summary>
    /// Fine texture protection, 0–1: leaves halo removal out of pixel-fine texture (gravel, grass, fabric, film grain),
    /// which a halo never is, because halos are as wide as the sharpening or upscaling that made them. At 1 a
    /// natively sharp picture without halos stays almost untouched, while halos of sharpened upscales are removed as
    /// at 0. Lower it for footage over-sharpened at its own resolution, whose halos sit inside its fine texture:
    /// at 0 the node removes about a fifth more of those (measured: 31 % of the halo energy instead of 26 %).
    /// </summary>
    public double TextureProtection { get; init; } = 1;

    /// <summary>Evaluate the limiting at 2×2 sub-pixel positions, which smooths the jaggies a per-pixel
    /// clamp leaves along diagonal edges; costs a little speed.</summary>
    public bool Supersample { get; init; } = true;

    /// <summary>What the node outputs.</summary>
    public DehaloOutput Output { get; init; } = DehaloOutput.Result;

    /// <summary>
    /// The settings for a proxy render: radii are measured in full-resolution pixels, so at render scale
    /// 0.5 the halo is half as wide in the image the host hands over.
    /// </summary>
    public DehaloSettings ScaledForRenderScale(double sx, double sy)
    {
        if (!(sx > 0) || !(sy > 0) || double.IsInfinity(sx) || double.IsInfinity(sy))
            throw new ArgumentOutOfRangeException(nameof(sx), $"Render scale must be positive and finite, got {sx}x{sy}.");
        return this with { RadiusX = RadiusX * sx, RadiusY = RadiusY * sy };
    }

    /// <summary>
    /// The settings with every value in range: strengths and protections 0–1, sensitivities 0–100, radii 1–32.
    /// A radius below 1 (a small proxy) works as 1: down-sampling by less than one pixel is no blur at all.
    /// Non-finite values fall back to the defaults, so a bad host value cannot poison a render with NaN.
    /// </summary>
    public DehaloSettings Normalized()
    {
        var d = new DehaloSettings();
        return this with
        {
            Strength = Clamp(Strength, 0, 1, d.Strength),
            RadiusX = Clamp(RadiusX, MinRadius, MaxRadius, d.RadiusX),
            RadiusY = Clamp(RadiusY, MinRadius, MaxRadius, d.RadiusY),
            DarkStrength = Clamp(DarkStrength, 0, 1, d.DarkStrength),
            BrightStrength = Clamp(BrightStrength, 0, 1, d.BrightStrength),
            SensitivityLow = Clamp(SensitivityLow, 0, 100, d.SensitivityLow),
            SensitivityHigh = Clamp(SensitivityHigh, 0, 100, d.SensitivityHigh),
            EdgeProtection = Clamp(EdgeProtection, 0, 1, d.EdgeProtection),
            TextureProtection = Clamp(TextureProtection, 0, 1, d.TextureProtection),
            Output = Enum.IsDefined(Output) ? Output : DehaloOutput.Result,
        };
    }

    public const double MinRadius = 1;
    public const double MaxRadius = 32;

    private static double Clamp(double value, double min, double max, double fallback) =>
        double.IsFinite(value) ? Math.Clamp(value, min, max) : fallback;
}
