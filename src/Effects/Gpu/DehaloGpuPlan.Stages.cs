using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>
/// Stages 2–6 of <see cref="DehaloProcessor"/> as launches, over the same areas as
/// <see cref="DehaloProcessor.RemoveHalos"/> and <see cref="EdgeProtection.Build"/>. The kernels fuse what
/// the CPU does in several vector passes over one area (3×3 ranges + detail mask + merged reference;
/// limiter + fade; coherence or the texture gate + strengths; strength combine + luma write), with the same operations in the same order.
/// <see cref="SideTextureRange"/> and the fade's wider range reuse the MinMax kernel for their min/max planes;
/// <see cref="FineTextureProtection"/> is planned in DehaloGpuPlan.FineTexture.cs.
/// </summary>
internal sealed partial class DehaloGpuPlan
{
    private void RemoveHalos(DehaloPlane luma, PixelRect definition, PixelRect area, DehaloSettings s, int channels)
    {
        const int limitRadius = DehaloProcessor.LimitRadius;
        var lohiArea = s.Supersample ? area.Inflate(1, 1) : area;
        var letsArea = lohiArea.Inflate(limitRadius, limitRadius).Union(area.Inflate(DehaloProcessor.FadeRadius, DehaloProcessor.FadeRadius));
        float protection = (float)s.EdgeProtection, strength = (float)s.Strength;
        int rx = DehaloProcessor.ProtectionRadius(s.RadiusX), ry = DehaloProcessor.ProtectionRadius(s.RadiusY);
        var (px, py) = EdgeProtection.Reach(rx, ry);
        var blurArea = letsArea.Inflate(1, 1);
        if (protection > 0) blurArea = blurArea.Union(area.Inflate(px, py));
        var blur = DownUpBlur(luma, definition.X1, definition.Y1, s.RadiusX, s.RadiusY, blurArea);

        // Detail mask and merged reference (their 3×3 ranges computed in the same kernel).
        var detail = Plane("detail", letsArea);
        var reference = Plane("reference", letsArea);
        Launch(DehaloKernel.Detail, new DehaloArguments().Plane(luma).Plane(blur).Area(letsArea)
            .Float((float)(s.SensitivityLow / 100)).Float((float)(s.SensitivityHigh / 100)).Float(HaloLimiter.RangeEpsilon)
            .Buffer(detail.Buffer).Buffer(reference.Buffer), letsArea);

        var low = Plane("low", lohiArea);
        var high = Plane("high", lohiArea);
        Launch(DehaloKernel.MinMax, new DehaloArguments().Plane(reference).Int(limitRadius).Int(limitRadius).Area(lohiArea)
            .Buffer(low.Buffer).Buffer(high.Buffer), lohiArea);

        // SideTextureRange.Widen: the source's 3×3 min/max (the same MinMax kernel) around the shifted samples,
        // then the widened limiter range.
        int shift = SideTextureRange.Shift, window = SideTextureRange.WindowRadius;
        var textureArea = lohiArea.Inflate(shift, shift);
        var textureLow = Plane("texture low", textureArea);
        var textureHigh = Plane("texture high", textureArea);
        Launch(DehaloKernel.MinMax, new DehaloArguments().Plane(luma).Int(window).Int(window).Area(textureArea)
            .Buffer(textureLow.Buffer).Buffer(textureHigh.Buffer), textureArea);
        var wideLow = Plane("wide low", lohiArea);
        var wideHigh = Plane("wide high", lohiArea);
        Launch(DehaloKernel.Side, new DehaloArguments().Plane(blur).Plane(textureLow).Plane(textureHigh)
            .Buffer(low.Buffer).Buffer(high.Buffer).Area(lohiArea)
            .Int(shift).Int(SideTextureRange.DiagonalShift).Float(SideTextureRange.Share)
            .Buffer(wideLow.Buffer).Buffer(wideHigh.Buffer), lohiArea);

        // The thin-line fade's range: the merged reference over the wider FadeRadius window.
        int fadeRadius = DehaloProcessor.FadeRadius;
        var fadeLow = Plane("fade low", area);
        var fadeHigh = Plane("fade high", area);
        Launch(DehaloKernel.MinMax, new DehaloArguments().Plane(reference).Int(fadeRadius).Int(fadeRadius).Area(area)
            .Buffer(fadeLow.Buffer).Buffer(fadeHigh.Buffer), area);

        var delta = Plane("delta", area);
        Launch(DehaloKernel.Limit, new DehaloArguments().Plane(luma)
            .Buffer(wideLow.Buffer).Buffer(wideHigh.Buffer).Int(lohiArea.X1).Int(lohiArea.Y1).Int(lohiArea.Width)
            .Area(area).Int(s.Supersample ? 1 : 0)
            .Buffer(fadeLow.Buffer).Buffer(fadeHigh.Buffer)
            .Float(HaloLimiter.FadeTo).Float(1f / (HaloLimiter.FadeTo - HaloLimiter.FadeFrom)).Float(HaloLimiter.RangeEpsilon)
            .Buffer(delta.Buffer), area);
        // HaloCoherence.Apply (its 3×3 high-pass sums read luma and blur one pixel out), then FineTextureProtection,
        // then ApplyStrengths. The strengths go with the last kernel of the chain: with the texture gate on, the
        // coherence kernel multiplies by 1 (exact), so the CPU's order is kept.
        float textureProtection = (float)s.TextureProtection, dark = (float)s.DarkStrength, bright = (float)s.BrightStrength;
        bool gate = textureProtection > 0;
        Launch(DehaloKernel.Coherence, new DehaloArguments().Plane(luma).Plane(blur)
            .Buffer(low.Buffer).Buffer(high.Buffer).Int(lohiArea.X1).Int(lohiArea.Y1).Int(lohiArea.Width)
            .Area(area).Float(HaloCoherence.DeadZone).Float(HaloCoherence.Epsilon)
            .Float(gate ? 1f : dark).Float(gate ? 1f : bright)
            .Buffer(delta.Buffer), area);
        if (gate) ProtectFineTexture(luma, area, textureProtection, dark, bright, delta);

        // Without protection the write kernel reads no weight (useWeight 0 stands for the CPU's zero plane);
        // any valid buffer fills the argument slot.
        int weight = protection > 0 ? EdgeWeight(blur, definition.X1, definition.Y1, s.RadiusX, s.RadiusY, area, rx, ry) : delta.Buffer;
        Launch(DehaloKernel.Write, new DehaloArguments()
            .Buffer(SourceBuffer).Int(SourceBounds.X1).Int(SourceBounds.Y1).Int(SourceBounds.Width * channels).Int(channels)
            .Int(definition.X1).Int(definition.Y1).Int(definition.X2).Int(definition.Y2)
            .Buffer(DestinationBuffer).Area(area)
            .Buffer(delta.Buffer).Buffer(weight).Int(protection > 0 ? 1 : 0).Plane(detail)
            .Float(protection).Float(strength).Int((int)s.Output), area);
    }

    /// <summary>The source image's bounds (set before the stages are planned).</summary>
    private PixelRect SourceBounds { get; set; }

    /// <summary>
    /// <see cref="Dehalo.DownUpBlur.Apply"/>: four passes (down vertically, down across, up across, up
    /// vertically) with the CPU's own <see cref="ResampleTaps"/>, into a plane over <paramref name="area"/>.
    /// </summary>
    private DehaloPlane DownUpBlur(DehaloPlane luma, double originX, double originY, double radiusX, double radiusY, PixelRect area)
    {
        var required = Dehalo.DownUpBlur.RequiredInput(area, originX, originY, radiusX, radiusY);
        if (!luma.Bounds.Contains(required))
            throw new InvalidOperationException($"The luma plane {luma.Bounds} does not cover {required} for the blur.");
        var passes = Dehalo.DownUpBlur.Passes.For(originX, originY, radiusX, radiusY, area);
        var columnsDown = Plane("columns down", passes.ColumnsDown);
        var coarse = Plane("coarse", passes.Coarse);
        var rowsUp = Plane("rows up", passes.RowsUp);
        var blur = Plane("blur", area);
        Taps(DehaloKernel.Rows, luma, passes.DownY, columnsDown, "down y");
        Taps(DehaloKernel.Gather, columnsDown, passes.DownX, coarse, "down x");
        Taps(DehaloKernel.Gather, coarse, passes.UpX, rowsUp, "up x");
        Taps(DehaloKernel.Rows, rowsUp, passes.UpY, blur, "up y");
        return blur;
    }

    /// <summary>One filter pass: output <paramref name="output"/> (its whole plane) from <paramref name="input"/>.</summary>
    private void Taps(DehaloKernel kernel, DehaloPlane input, ResampleTaps taps, DehaloPlane output, string name)
    {
        var startCount = new int[2 * taps.Length];
        var weights = new float[taps.Length * taps.MaxTaps];
        for (int i = 0; i < taps.Length; i++)
        {
            int index = taps.First + i;
            startCount[2 * i] = taps.Start(index);
            startCount[2 * i + 1] = taps.Count(index);
            taps.Weights(index).CopyTo(weights.AsSpan(i * taps.MaxTaps));
        }
        int table = Table(name + " taps", startCount), weightTable = Table(name + " weights", weights);
        Launch(kernel, new DehaloArguments().Plane(input).Buffer(table).Buffer(weightTable).Int(taps.MaxTaps).Int(taps.First)
            .Buffer(output.Buffer).Area(output.Bounds), output.Bounds);
    }

    /// <summary><see cref="EdgeProtection.Build"/>: the protection weight over <paramref name="area"/>; returns its buffer.</summary>
    private int EdgeWeight(DehaloPlane blur, double originX, double originY, double radiusX, double radiusY, PixelRect area, int rx, int ry)
    {
        var raw = area.Inflate(1, 1);
        var lineArea = raw.Inflate(rx, ry);
        if (!blur.Bounds.Contains(lineArea.Inflate(2, 2)))
            throw new InvalidOperationException($"The blur plane {blur.Bounds} does not cover {lineArea.Inflate(2, 2)} for edge protection.");
        var strong = Plane("strong", lineArea);
        float strongFrom = EdgeProtection.StrongFrom, strongTo = EdgeProtection.StrongTo;
        Launch(DehaloKernel.Strong, new DehaloArguments().Plane(blur).Area(lineArea)
            .Float(0.5f * EdgeProtection.StepScale(originX, radiusX)).Float(0.5f * EdgeProtection.StepScale(originY, radiusY))
            .Float(strongFrom).Float(1f / (strongTo - strongFrom)).Buffer(strong.Buffer), lineArea);
        var zone = Plane("zone", raw);
        Launch(DehaloKernel.Zone, new DehaloArguments().Plane(strong).Int(rx).Int(ry).Area(raw).Buffer(zone.Buffer), raw);
        var weight = Plane("weight", area);
        Launch(DehaloKernel.Weight, new DehaloArguments().Plane(zone).Plane(strong).Area(area).Buffer(weight.Buffer), area);
        return weight.Buffer;
    }
}
