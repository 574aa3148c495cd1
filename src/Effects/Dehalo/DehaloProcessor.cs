using System.Numerics;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Removes bright and dark halos along edges: DeHalo_alpha's limiter with FineDehalo's edge protection,
/// on luma, in float (any bit depth the host converts from; values above 1 are not clamped).
///
/// Stages, each its own class:
///  1. <see cref="LumaTransfer.Extract"/>: straight-colour luma, edge-extended beyond the clip.
///  2. <see cref="DownUpBlur"/>: a halo-free reference by down- then up-sampling with the radius.
///  3. <see cref="NeighbourhoodFilters.Range3x3"/> of source and reference, and
///     <see cref="HaloLimiter.DetailMaskAndReference"/>: where the reference loses little range (a clean edge)
///     the reference rules, where it loses much (texture) the source is kept.
///  4. <see cref="HaloLimiter.Limit"/>: the source clamped to the 5×5 range of that merged reference
///     (<see cref="LimitRadius"/>), widened by <see cref="SideTextureRange"/> to let the plateau's own texture
///     through, optionally at sub-pixel positions; <see cref="HaloLimiter.FadeLargeCorrections"/>
///     spares thin lines (measured against the merged reference's 7×7 range, <see cref="FadeRadius"/>); <see cref="HaloCoherence.Apply"/> keeps only corrections the source's high-pass backs up
///     as a one-sided halo lobe (texture oscillates) and drops tiny ones; <see cref="FineTextureProtection"/>
///     spares pixel-fine texture, finer than any halo; <see cref="HaloLimiter.ApplyStrengths"/> for dark and bright halos.
///  5. <see cref="EdgeProtection.Build"/>: confines the change to the halo zone beside strong edges and keeps
///     the edges' centre lines unchanged.
///  6. <see cref="LumaTransfer.Write"/>: the luma change added to R, G, B (colour differences kept), alpha copied.
/// </summary>
public static class DehaloProcessor
{
    /// <summary>
    /// The source is clamped to the merged reference's range over (2·2+1)², not DeHalo_alpha's 3×3. Why: at an
    /// edge the blurred reference changes slowly, so its 3×3 range is narrower than the sharp edge's own
    /// transition and a 3×3 clamp pulls the transition pixels inwards, softening the edge (measured: 88 % of
    /// the edge contrast kept). Over 5×5 the range spans the edge from plateau to plateau: the transition is
    /// left alone and only what overshoots the plateaus, the halo, is clipped (97–99 % kept).
    /// </summary>
    internal const int LimitRadius = 2;

    /// <summary>
    /// The thin-line fade compares a correction with the merged reference's range over (2·3+1)², wider than the
    /// limiter's 5×5. Why: a halo pixel 2–3 px from its edge sees only part of the edge's step in a 5×5 window,
    /// so its correction looks like a large share of that range and was faded as if it were a thin line; over
    /// 7×7 the window spans the whole step beside a real edge, while a thin line on a flat ground still has only
    /// its own small blurred range. Measured on the 14 halo photos: halo removed +5 to +19 points (Storm 72.8 →
    /// 92 %), which pays for the texture <see cref="SideTextureRange"/> lets through.
    /// </summary>
    internal const int FadeRadius = 3;

    /// <summary>The input region needed to render <paramref name="outputWindow"/>: the window plus the reach of
    /// every stage. The host intersects it with the clip's region of definition.</summary>
    public static PixelRect RequiredInputRegion(PixelRect outputWindow, DehaloSettings s)
    {
        var (mx, my) = Margin(s.Normalized());
        return outputWindow.Inflate(mx, my);
    }

    /// <summary>
    /// Renders destination.Bounds from <paramref name="source"/>, which must cover
    /// RequiredInputRegion(destination.Bounds) ∩ <paramref name="sourceDefinition"/>. Pixels outside
    /// <paramref name="sourceDefinition"/> are edge-extended, so tiled renders equal untiled ones exactly.
    /// Source and destination are premultiplied RGBA, RGB or single-channel, with the same channel count.
    /// </summary>
    public static void Process(FloatImage source, PixelRect sourceDefinition, FloatImage destination, DehaloSettings s)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(s);
        s = s.Normalized();
        if (source.Channels != destination.Channels)
            throw new ArgumentException($"Source has {source.Channels} channels, destination {destination.Channels}.", nameof(destination));
        if (sourceDefinition.IsEmpty)
            throw new ArgumentException("The source's region of definition is empty.", nameof(sourceDefinition));
        var output = destination.Bounds;
        var reach = RequiredInputRegion(output, s);
        var needed = reach.Intersect(sourceDefinition);
        // A window whose reach misses the clip entirely still reads the clip's nearest edge pixels.
        if (needed.IsEmpty) needed = ClampInto(reach, sourceDefinition);
        if (!source.Bounds.Contains(needed))
            throw new ArgumentException($"Source {source.Bounds} does not cover the required input {needed}.", nameof(source));

        var (mx, my) = Margin(s);
        using var luma = new FloatImage(output.Inflate(mx, my), 1);
        LumaTransfer.Extract(source, sourceDefinition, luma);

        using var delta = new FloatImage(output, 1);
        using var mask = new FloatImage(output, 1);
        RemoveHalos(luma, sourceDefinition, output, s, delta, mask);
        LumaTransfer.Write(source, sourceDefinition, delta, mask, s.Output, destination);
    }

    /// <summary>Stages 2–5 on the luma plane: the luma change to apply over <paramref name="area"/>, and the halo-zone view.</summary>
    internal static void RemoveHalos(FloatImage luma, PixelRect definition, PixelRect area, DehaloSettings s, FloatImage delta, FloatImage mask)
    {
        var lohiArea = s.Supersample ? area.Inflate(1, 1) : area;
        var letsArea = lohiArea.Inflate(LimitRadius, LimitRadius).Union(area.Inflate(FadeRadius, FadeRadius));
        float protection = (float)s.EdgeProtection, strength = (float)s.Strength;
        var (rx, ry) = ProtectionRadii(s);
        var (px, py) = EdgeProtection.Reach(rx, ry);
        var blurArea = letsArea.Inflate(1, 1);
        if (protection > 0) blurArea = blurArea.Union(area.Inflate(px, py));
        using var blur = new FloatImage(blurArea, 1);
        DownUpBlur.Apply(luma, definition.X1, definition.Y1, s.RadiusX, s.RadiusY, blurArea, blur);
        using var detail = new FloatImage(letsArea, 1);
        using (var reference = new FloatImage(letsArea, 1))
        {
            using (var range = new FloatImage(letsArea, 1))
            using (var blurRange = new FloatImage(letsArea, 1))
            {
                NeighbourhoodFilters.Range3x3(luma, letsArea, range);
                NeighbourhoodFilters.Range3x3(blur, letsArea, blurRange);
                HaloLimiter.DetailMaskAndReference(luma, blur, range, blurRange, letsArea,
                    (float)(s.SensitivityLow / 100), (float)(s.SensitivityHigh / 100), detail, reference);
            }
            using var low = new FloatImage(lohiArea, 1);
            using var high = new FloatImage(lohiArea, 1);
            NeighbourhoodFilters.MinMax(reference, lohiArea, LimitRadius, LimitRadius, low, high);
            using (var wideLow = new FloatImage(lohiArea, 1))
            using (var wideHigh = new FloatImage(lohiArea, 1))
            {
                SideTextureRange.Widen(luma, blur, low, high, lohiArea, wideLow, wideHigh);
                HaloLimiter.Limit(luma, wideLow, wideHigh, area, s.Supersample, delta);
            }
            using (var fadeLow = new FloatImage(area, 1))
            using (var fadeHigh = new FloatImage(area, 1))
            {
                NeighbourhoodFilters.MinMax(reference, area, FadeRadius, FadeRadius, fadeLow, fadeHigh);
                HaloLimiter.FadeLargeCorrections(delta, fadeLow, fadeHigh, area);
            }
            // The dead zone stays relative to the limiter's own (unwidened) range.
            HaloCoherence.Apply(luma, blur, low, high, area, delta);
            FineTextureProtection.Apply(luma, area, (float)s.TextureProtection, delta);
        }
        HaloLimiter.ApplyStrengths(delta, area, (float)s.DarkStrength, (float)s.BrightStrength);

        // weight = strength · lerp(1, protection, EdgeProtection): at 0 the limiter acts everywhere.
        using var weight = new FloatImage(area, 1);
        if (protection > 0)
            EdgeProtection.Build(blur, definition.X1, definition.Y1, s.RadiusX, s.RadiusY, area, rx, ry, weight);
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var w = weight.Row(y);
                var d = delta.Row(y, area.X1, area.X2);
                var m = mask.Row(y, area.X1, area.X2);
                var zone = detail.Row(y, area.X1, area.X2);
                // Without protection the weight plane holds zeros and the formula gives exactly `strength`.
                int n = w.Length, i = 0, lanes = Vector<float>.Count;
                var vp = new Vector<float>(protection); var vs = new Vector<float>(strength);
                for (; i <= n - lanes; i += lanes)
                {
                    var wi = (Vector<float>.One + vp * (new Vector<float>(w.Slice(i)) - Vector<float>.One)) * vs;
                    (new Vector<float>(d.Slice(i)) * wi).CopyTo(d.Slice(i));
                    ((Vector<float>.One - new Vector<float>(zone.Slice(i))) * wi).CopyTo(m.Slice(i));
                }
                for (; i < n; i++)
                {
                    float wi = (1f + protection * (w[i] - 1f)) * strength;
                    d[i] *= wi;
                    m[i] = (1f - zone[i]) * wi;
                }
            }
        });
    }

    /// <summary>
    /// How far beyond the output window the stages read luma, per axis: the down/up blur's two filter supports
    /// of 2 coarse samples each (4·radius, +1 for rounding) beyond the larger of what the blurred reference must
    /// cover: the limiter chain (supersampling 1, merged reference min/max <see cref="LimitRadius"/> or the fade's
    /// <see cref="FadeRadius"/>, reference range 1) or edge protection (radius + 3); and at least the luma that
    /// <see cref="SideTextureRange"/> (supersampling 1 + its reach) and <see cref="FineTextureProtection"/> read directly. Independent of the clip origin,
    /// so it is safe for any grid phase.
    /// </summary>
    internal static (int X, int Y) Margin(DehaloSettings s)
    {
        var (px, py) = EdgeProtection.Reach(ProtectionRadius(s.RadiusX), ProtectionRadius(s.RadiusY));
        if (s.EdgeProtection <= 0) (px, py) = (0, 0);
        // supersampling + merged reference min/max (or the fade's window), + reference range
        int limiter = Math.Max(1 + LimitRadius, FadeRadius) + 1;
        int direct = Math.Max(1 + SideTextureRange.Reach, FineTextureProtection.Reach);
        return (Math.Max(Math.Max(limiter, px) + (int)Math.Ceiling(4 * s.RadiusX) + 1, direct),
            Math.Max(Math.Max(limiter, py) + (int)Math.Ceiling(4 * s.RadiusY) + 1, direct));
    }

    private static (int X, int Y) ProtectionRadii(DehaloSettings s) => (ProtectionRadius(s.RadiusX), ProtectionRadius(s.RadiusY));

    internal static int ProtectionRadius(double r) => Math.Max(1, (int)Math.Round(r, MidpointRounding.AwayFromZero));

    private static PixelRect ClampInto(PixelRect r, PixelRect within)
    {
        int x1 = Math.Clamp(r.X1, within.X1, within.X2 - 1), y1 = Math.Clamp(r.Y1, within.Y1, within.Y2 - 1);
        int x2 = Math.Clamp(r.X2 - 1, within.X1, within.X2 - 1), y2 = Math.Clamp(r.Y2 - 1, within.Y1, within.Y2 - 1);
        return new PixelRect(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2) + 1, Math.Max(y1, y2) + 1);
    }
}
