using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;
using Xunit;

namespace Enhance.Effects.Tests.Dehalo;

/// <summary>Each Dehalo stage on its own, against brute-force or hand-computed values.</summary>
public class DehaloStageTests
{
    [Fact]
    public void Kernels_have_their_textbook_values()
    {
        Assert.Equal(2.0 / 3, ResampleTaps.BSpline(0), 12);
        Assert.Equal(1.0 / 6, ResampleTaps.BSpline(1), 12);
        Assert.Equal(8.0 / 9, ResampleTaps.Mitchell(0), 12);
        Assert.Equal(1.0 / 18, ResampleTaps.Mitchell(1), 12);
        Assert.Equal(0, ResampleTaps.Mitchell(2), 12);
        Assert.True(ResampleTaps.Mitchell(1.5) < 0, "Mitchell has a small negative lobe");
    }

    [Theory]
    [InlineData(0, 2.0)]
    [InlineData(3, 1.5)]
    [InlineData(-7, 3.25)]
    public void Resample_taps_are_normalised_and_cover_their_span(int origin, double factor)
    {
        var down = ResampleTaps.Down(origin, factor, -5, 20);
        var up = ResampleTaps.Up(origin, factor, -10, 40);
        foreach (var taps in new[] { down, up })
            for (int i = taps.First; i < taps.First + taps.Length; i++)
                Assert.Equal(1.0, taps.Weights(i).ToArray().Sum(w => (double)w), 5);
        var (j1, j2) = ResampleTaps.CoarseSpan(origin, factor, -10, 41);
        for (int x = -10; x <= 40; x++)
        {
            Assert.True(up.Start(x) >= j1 && up.Start(x) + up.Count(x) - 1 <= j2);
        }
    }

    [Fact]
    public void Down_up_blur_keeps_a_flat_picture_and_does_not_overshoot_a_step()
    {
        var area = new PixelRect(0, 0, 40, 8);
        var input = DownUpBlur.RequiredInput(area, 0, 0, 2, 2);
        using var flat = TestPlanes.From(input, (_, _) => 0.3f);
        using var step = TestPlanes.From(input, (x, _) => x < 20 ? 0.1f : 0.9f);
        using var outFlat = new FloatImage(area, 1);
        using var outStep = new FloatImage(area, 1);
        DownUpBlur.Apply(flat, 0, 0, 2, 2, area, outFlat);
        DownUpBlur.Apply(step, 0, 0, 2, 2, area, outStep);
        foreach (var v in outFlat.Pixels) Assert.Equal(0.3f, v, 5);
        var row = outStep.Row(4).ToArray();
        // A blurred step: spread over several pixels, monotone, within the two levels (up to Mitchell's tiny lobe).
        Assert.True(row[17] > 0.1f + 1e-3 && row[22] < 0.9f - 1e-3, "the step is blurred");
        for (int x = 1; x < row.Length; x++) Assert.True(row[x] >= row[x - 1] - 0.01f, $"monotone at {x}");
        Assert.All(row, v => Assert.InRange(v, 0.1f - 0.02f, 0.9f + 0.02f));
    }

    [Fact]
    public void Down_up_blur_of_part_of_an_area_equals_that_part_of_the_whole()
    {
        var whole = new PixelRect(-3, 5, 61, 47);
        var part = new PixelRect(17, 20, 40, 31);
        using var luma = TestPlanes.Random(DownUpBlur.RequiredInput(whole, -3, 5, 2.5, 1.75), 7);
        using var a = new FloatImage(whole, 1);
        using var b = new FloatImage(part, 1);
        DownUpBlur.Apply(luma, -3, 5, 2.5, 1.75, whole, a);
        DownUpBlur.Apply(luma, -3, 5, 2.5, 1.75, part, b);
        for (int y = part.Y1; y < part.Y2; y++)
            Assert.True(a.Row(y, part.X1, part.X2).SequenceEqual(b.Row(y)), $"row {y} differs");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    public void Min_max_equals_brute_force(int rx, int ry)
    {
        var area = new PixelRect(2, -4, 41, 13);
        using var input = TestPlanes.Random(area.Inflate(rx, ry), 3);
        using var min = new FloatImage(area, 1);
        using var max = new FloatImage(area, 1);
        NeighbourhoodFilters.MinMax(input, area, rx, ry, min, max);
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                float lo = float.MaxValue, hi = float.MinValue;
                for (int dy = -ry; dy <= ry; dy++)
                    for (int dx = -rx; dx <= rx; dx++) { lo = Math.Min(lo, input.At(x + dx, y + dy, 0)); hi = Math.Max(hi, input.At(x + dx, y + dy, 0)); }
                Assert.Equal(lo, min.At(x, y, 0));
                Assert.Equal(hi, max.At(x, y, 0));
            }
    }

    [Fact]
    public void Box_and_range_equal_brute_force()
    {
        var area = new PixelRect(0, 0, 37, 9);
        using var input = TestPlanes.Random(area.Inflate(1, 1), 5);
        using var box = new FloatImage(area, 1);
        using var range = new FloatImage(area, 1);
        NeighbourhoodFilters.Box3x3(input, area, box);
        NeighbourhoodFilters.Range3x3(input, area, range);
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                float sum = 0, lo = float.MaxValue, hi = float.MinValue;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++) { float v = input.At(x + dx, y + dy, 0); sum += v; lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
                Assert.Equal(sum / 9, box.At(x, y, 0), 5);
                Assert.Equal(hi - lo, range.At(x, y, 0), 6);
            }
    }

    [Fact]
    public void Detail_mask_keeps_texture_and_hands_clean_edges_to_the_reference()
    {
        var area = new PixelRect(0, 0, 2, 1);
        // Pixel 0: texture (the reference lost all of the range). Pixel 1: a clean edge (lost 5 %).
        using var luma = TestPlanes.From(area, (x, _) => x == 0 ? 0.8f : 0.6f);
        using var blur = TestPlanes.From(area, (x, _) => x == 0 ? 0.5f : 0.5f);
        using var range = TestPlanes.From(area, (_, _) => 0.4f);
        using var blurRange = TestPlanes.From(area, (x, _) => x == 0 ? 0f : 0.38f);
        using var detail = new FloatImage(area, 1);
        using var reference = new FloatImage(area, 1);
        HaloLimiter.DetailMaskAndReference(luma, blur, range, blurRange, area, 0.4f, 1f, detail, reference);
        // (drop − low) · ((range + 1) / 2 + high), clamped: texture → 1, clean edge → 0.
        Assert.Equal(1f, detail.At(0, 0, 0));
        Assert.Equal(0f, detail.At(1, 0, 0));
        Assert.Equal(0.8f, reference.At(0, 0, 0), 6);
        Assert.Equal(0.5f, reference.At(1, 0, 0), 6);
    }

    [Fact]
    public void Limiter_clips_to_the_range_and_leaves_pixels_inside_it_bit_identical()
    {
        var area = new PixelRect(0, 0, 19, 5);
        using var luma = TestPlanes.From(area.Inflate(1, 1), (x, _) => x == 9 ? 1.0f : 0.5f);
        using var low = TestPlanes.From(area.Inflate(1, 1), (_, _) => 0.4f);
        using var high = TestPlanes.From(area.Inflate(1, 1), (_, _) => 0.6f);
        using var plain = new FloatImage(area, 1);
        using var super = new FloatImage(area, 1);
        HaloLimiter.Limit(luma, low, high, area, supersample: false, plain);
        HaloLimiter.Limit(luma, low, high, area, supersample: true, super);
        Assert.Equal(-0.4f, plain.At(9, 2, 0), 6);
        Assert.Equal(0f, plain.At(8, 2, 0));
        // Sub-pixel clamping spreads the correction a little onto the neighbours, never further.
        Assert.True(super.At(9, 2, 0) < -0.1f);
        Assert.True(super.At(8, 2, 0) < 0f);
        Assert.Equal(0f, super.At(6, 2, 0));
        Assert.Equal(0f, super.At(12, 2, 0));
    }

    [Fact]
    public void Strengths_treat_dark_and_bright_halos_separately_and_large_corrections_fade()
    {
        var area = new PixelRect(0, 0, 3, 1);
        using var c = TestPlanes.From(area, (x, _) => x switch { 0 => 0.1f, 1 => -0.1f, _ => 0.3f });
        HaloLimiter.ApplyStrengths(c, area, dark: 0.5f, bright: 0f);
        Assert.Equal(0.05f, c.At(0, 0, 0), 6);
        Assert.Equal(0f, c.At(1, 0, 0));
        using var lo = TestPlanes.From(area, (_, _) => 0f);
        using var hi = TestPlanes.From(area, (_, _) => 1f);
        using var f = TestPlanes.From(area, (x, _) => x switch { 0 => 0.2f, 1 => -0.375f, _ => 0.6f });
        HaloLimiter.FadeLargeCorrections(f, lo, hi, area);
        Assert.Equal(0.2f, f.At(0, 0, 0), 4);     // a fifth of the edge: a halo, kept
        Assert.Equal(-0.1875f, f.At(1, 0, 0), 3); // halfway into the fade
        Assert.Equal(0f, f.At(2, 0, 0));          // most of the contrast: a thin line, not touched
    }

    [Fact]
    public void Coherence_weight_equals_brute_force()
    {
        var area = new PixelRect(-3, 2, 38, 13);
        using var luma = TestPlanes.Random(area.Inflate(1, 1), 11);
        using var blur = TestPlanes.Random(area.Inflate(1, 1), 12);
        using var low = TestPlanes.From(area, (x, y) => 0.1f + 0.01f * ((x + y) & 3));
        using var high = TestPlanes.From(area, (x, y) => 0.7f + 0.02f * (x & 1));
        using var c = TestPlanes.Random(area, 13);
        foreach (ref var v in c.Pixels) v = (v - 0.5f) * 0.2f;
        var expected = new float[c.Pixels.Length];
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                double sum = 0, abs = 0;
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        double e = luma.At(x + dx, y + dy, 0) - blur.At(x + dx, y + dy, 0);
                        sum += e; abs += Math.Abs(e);
                    }
                double cv = c.At(x, y, 0);
                double magnitude = Math.Max(Math.Abs(cv) - HaloCoherence.DeadZone * (high.At(x, y, 0) - low.At(x, y, 0)), 0);
                double w = Math.Max(cv < 0 ? sum : -sum, 0) / (abs + 1e-6);
                expected[(y - area.Y1) * area.Width + x - area.X1] = (float)(Math.Sign(cv) * magnitude * w * w);
            }
        HaloCoherence.Apply(luma, blur, low, high, area, c);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], c.Pixels[i], 5);
    }

    [Fact]
    public void Coherence_keeps_a_one_sided_halo_and_drops_a_texture_peak()
    {
        var area = new PixelRect(0, 0, 7, 3);
        using var blur = TestPlanes.From(area.Inflate(1, 1), (_, _) => 0.5f);
        // Left: a bright halo lobe (the source above the reference all around pixel 1). Right: texture, the
        // source alternating about the reference around pixel 5, whose bright peak pokes out of the range.
        using var luma = TestPlanes.From(area.Inflate(1, 1), (x, y) => x <= 2 ? 0.58f : ((x + y) & 1) == 0 ? 0.6f : 0.4f);
        using var low = TestPlanes.From(area, (_, _) => 0f);
        using var high = TestPlanes.From(area, (_, _) => 0.55f);
        using var c = TestPlanes.From(area, (x, _) => x == 1 ? -0.03f : x == 5 ? -0.05f : 0f);
        HaloCoherence.Apply(luma, blur, low, high, area, c);
        // The lobe loses only the dead zone (1 % of the 0.55 range); the texture peak keeps (1/9)² of the rest.
        Assert.Equal(-0.03f + 0.0055f, c.At(1, 1, 0), 5);
        Assert.InRange(c.At(5, 1, 0), -0.001f, 0f);
        Assert.Equal(0f, c.At(0, 1, 0));
    }

    [Fact]
    public void Side_texture_range_equals_brute_force()
    {
        // 37 columns: the vector body and the scalar tail both run; a negative origin checks canvas offsets.
        var area = new PixelRect(-5, 3, 32, 14);
        using var luma = TestPlanes.Random(area.Inflate(SideTextureRange.Reach, SideTextureRange.Reach), 21);
        using var blur = TestPlanes.Random(area.Inflate(1, 1), 22);
        using var low = TestPlanes.From(area, (x, y) => 0.2f + 0.05f * ((x * 7 + y) % 5));
        using var high = TestPlanes.From(area, (x, y) => 0.6f + 0.05f * ((x + 3 * y) % 4));
        using var wideLow = new FloatImage(area, 1);
        using var wideHigh = new FloatImage(area, 1);
        SideTextureRange.Widen(luma, blur, low, high, area, wideLow, wideHigh);
        const int s = SideTextureRange.Shift, d = SideTextureRange.DiagonalShift;
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                float gx = blur.At(x + 1, y, 0) - blur.At(x - 1, y, 0), gy = blur.At(x, y + 1, 0) - blur.At(x, y - 1, 0);
                float lo = low.At(x, y, 0), hi = high.At(x, y, 0);
                bool bright = blur.At(x, y, 0) >= (lo + hi) * 0.5f;
                // Away from the edge: the gradient points to the bright side.
                int sx = (gx > 0) == bright ? 1 : -1, sy = (gy > 0) == bright ? 1 : -1;
                double angle = Math.Atan2(Math.Abs(gy), Math.Abs(gx)) * 180 / Math.PI;
                var (dx, dy) = angle <= 22.5 ? (sx * s, 0) : angle >= 67.5 ? (0, sy * s) : (sx * d, sy * d);
                float tMin = float.MaxValue, tMax = float.MinValue;
                for (int v = -1; v <= 1; v++)
                    for (int u = -1; u <= 1; u++)
                    {
                        float t = luma.At(x + dx + u, y + dy + v, 0);
                        tMin = Math.Min(tMin, t); tMax = Math.Max(tMax, t);
                    }
                Assert.Equal(hi + SideTextureRange.Share * Math.Max(tMax - hi, 0f), wideHigh.At(x, y, 0), 6);
                Assert.Equal(lo - SideTextureRange.Share * Math.Max(lo - tMin, 0f), wideLow.At(x, y, 0), 6);
            }
    }

    [Fact]
    public void Side_texture_range_reads_the_plateau_on_the_pixels_own_side()
    {
        var area = new PixelRect(0, 0, 40, 5);
        // A vertical edge at x = 19.5: a textured dark plateau (0.1 / 0.3 alternating) left, a flat bright one
        // (0.8) right; the limiter's range there spans the edge (0.2–0.8).
        using var luma = TestPlanes.From(area.Inflate(SideTextureRange.Reach, SideTextureRange.Reach),
            (x, _) => x < 17 ? ((x & 1) == 0 ? 0.1f : 0.3f) : x < 20 ? 0.2f : 0.8f);
        using var blur = TestPlanes.From(area.Inflate(1, 1), (x, _) => 0.2f + 0.6f / (1 + MathF.Exp(-(x - 19.5f) / 1.5f)));
        using var low = TestPlanes.From(area, (_, _) => 0.2f);
        using var high = TestPlanes.From(area, (_, _) => 0.8f);
        using var wideLow = new FloatImage(area, 1);
        using var wideHigh = new FloatImage(area, 1);
        SideTextureRange.Widen(luma, blur, low, high, area, wideLow, wideHigh);
        // Dark side, 1.5 px from the edge: the window 3 px further left sees the dark texture down to 0.1.
        Assert.Equal(0.2f - SideTextureRange.Share * 0.1f, wideLow.At(18, 2, 0), 6);
        Assert.Equal(0.8f, wideHigh.At(18, 2, 0));
        // Bright side: its plateau is flat, so nothing widens, though the dark texture is as near across the edge.
        Assert.Equal(0.2f, wideLow.At(21, 2, 0));
        Assert.Equal(0.8f, wideHigh.At(21, 2, 0));
    }

    [Fact]
    public void Texture_protection_equals_brute_force()
    {
        // 37 columns: the vector body and the scalar tail both run; a negative origin checks canvas offsets.
        var area = new PixelRect(-5, 3, 32, 14);
        const int r = FineTextureProtection.WindowRadius;
        // Random texture mixed with a smooth ramp, so the ratio spans the whole fade from 0 to 1.
        using var noise = TestPlanes.Random(area.Inflate(FineTextureProtection.Reach, FineTextureProtection.Reach), 31);
        using var luma = TestPlanes.From(noise.Bounds, (x, y) => 0.05f * (x + y) + (0.02f + 0.002f * (x + 5)) * noise.At(x, y, 0));
        using var c = TestPlanes.From(area, (x, y) => 0.01f * (((x * 3 + y) % 7) - 3));
        var expected = new float[c.Pixels.Length];
        double Smooth(int x, int y)
        {
            double sum = 0;
            for (int v = -1; v <= 1; v++)
                for (int u = -1; u <= 1; u++) sum += (2 - Math.Abs(u)) * (2 - Math.Abs(v)) * luma.At(x + u, y + v, 0);
            return sum / 16;
        }
        for (int y = area.Y1; y < area.Y2; y++)
            for (int x = area.X1; x < area.X2; x++)
            {
                double top = 0, mid = 0;
                for (int v = -r; v <= r; v++)
                    for (int u = -r; u <= r; u++)
                    {
                        int px = x + u, py = y + v;
                        double S(int dx, int dy) => luma.At(px + dx, py + dy, 0);
                        double h4 = S(-2, 0) - 4 * S(-1, 0) + 6 * S(0, 0) - 4 * S(1, 0) + S(2, 0);
                        double v4 = S(0, -2) - 4 * S(0, -1) + 6 * S(0, 0) - 4 * S(0, 1) + S(0, 2);
                        double b = Smooth(px, py);
                        double h2 = Smooth(px - 1, py) - 2 * b + Smooth(px + 1, py), v2 = Smooth(px, py - 1) - 2 * b + Smooth(px, py + 1);
                        top += h4 * h4 + v4 * v4; mid += h2 * h2 + v2 * v2;
                    }
                double ratio = top / (mid + FineTextureProtection.Epsilon);
                double g = Math.Clamp((ratio - FineTextureProtection.RatioFrom) / (FineTextureProtection.RatioTo - FineTextureProtection.RatioFrom), 0, 1);
                expected[(y - area.Y1) * area.Width + x - area.X1] = (float)(c.At(x, y, 0) * (1 - 0.75 * g));
            }
        FineTextureProtection.Apply(luma, area, 0.75f, c);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], c.Pixels[i], 4);
        Assert.Contains(expected, e => e != 0 && Math.Abs(e) < 0.01f * 0.9f); // some corrections were protected
    }

    [Fact]
    public void Texture_protection_spares_pixel_fine_texture_and_keeps_corrections_on_band_limited_pictures()
    {
        var area = new PixelRect(0, 0, 24, 24);
        var reach = area.Inflate(FineTextureProtection.Reach, FineTextureProtection.Reach);
        // Pixel-fine texture (a native picture's gravel or grain): random values, full-band.
        using var texture = TestPlanes.Random(reach, 41);
        // A band-limited picture (what a ×2 upscale holds): sinusoids at most half the Nyquist frequency.
        using var smooth = TestPlanes.From(reach, (x, y) => 0.5f + 0.2f * MathF.Sin(0.9f * x + 0.3f * y) + 0.1f * MathF.Cos(0.4f * x - 1.1f * y));
        using var onTexture = TestPlanes.From(area, (_, _) => -0.02f);
        using var onSmooth = TestPlanes.From(area, (_, _) => -0.02f);
        using var unprotected = TestPlanes.From(area, (_, _) => -0.02f);
        FineTextureProtection.Apply(texture, area, 1f, onTexture);
        FineTextureProtection.Apply(smooth, area, 1f, onSmooth);
        FineTextureProtection.Apply(texture, area, 0f, unprotected);
        Assert.All(onTexture.Pixels.ToArray(), v => Assert.Equal(0f, v));
        Assert.All(onSmooth.Pixels.ToArray(), v => Assert.Equal(-0.02f, v));
        Assert.All(unprotected.Pixels.ToArray(), v => Assert.Equal(-0.02f, v));
    }

    [Fact]
    public void Centre_line_strength_measures_the_step_height_on_the_edge_only()
    {
        var area = new PixelRect(0, 0, 48, 12);
        var input = DownUpBlur.RequiredInput(area.Inflate(2, 2), 0, 0, 2, 2);
        using var step = TestPlanes.From(input, (x, _) => x < 24 ? 0.2f : 0.5f);
        using var reference = new FloatImage(area.Inflate(2, 2), 1);
        DownUpBlur.Apply(step, 0, 0, 2, 2, reference.Bounds, reference);
        using var strength = new FloatImage(area, 1);
        EdgeProtection.CentreLineStrength(reference, area, EdgeProtection.StepScale(0, 2), EdgeProtection.StepScale(0, 2), strength);
        var row = strength.Row(6).ToArray();
        int ridges = row.Count(v => v > 0.05f);
        Assert.InRange(ridges, 1, 2);
        Assert.InRange(row.Max(), 0.3f * 0.85f, 0.3f * 1.15f);
        Assert.Equal(0f, row[10]);
        Assert.Equal(0f, row[40]);
    }

    [Fact]
    public void Edge_protection_weights_the_halo_zone_and_spares_the_edge_and_flat_areas()
    {
        var area = new PixelRect(0, 0, 64, 16);
        var (px, py) = EdgeProtection.Reach(2, 2);
        var refArea = area.Inflate(px, py);
        using var step = TestPlanes.From(DownUpBlur.RequiredInput(refArea, 0, 0, 2, 2), (x, _) => x < 32 ? 0.2f : 0.8f);
        using var reference = new FloatImage(refArea, 1);
        DownUpBlur.Apply(step, 0, 0, 2, 2, refArea, reference);
        using var weight = new FloatImage(area, 1);
        EdgeProtection.Build(reference, 0, 0, 2, 2, area, 2, 2, weight);
        var row = weight.Row(8).ToArray();
        int centre = Enumerable.Range(30, 4).MinBy(x => row[x]);
        Assert.Equal(0f, row[centre]);
        Assert.True(row[centre - 2] > 0.9f && row[centre + 2] > 0.9f, "halo zone fully weighted");
        Assert.Equal(0f, row[10]);
        Assert.Equal(0f, row[55]);
    }

    [Fact]
    public void Luma_comes_from_straight_colour_and_is_edge_extended()
    {
        var def = new PixelRect(0, 0, 2, 1);
        using var rgba = new FloatImage(def, 4);
        // Premultiplied: straight (0.8, 0.4, 0.2) at alpha 0.5; second pixel transparent.
        rgba.At(0, 0, 0) = 0.4f; rgba.At(0, 0, 1) = 0.2f; rgba.At(0, 0, 2) = 0.1f; rgba.At(0, 0, 3) = 0.5f;
        using var luma = new FloatImage(new PixelRect(-2, -1, 3, 2), 1);
        LumaTransfer.Extract(rgba, def, luma);
        float expected = 0.2126f * 0.8f + 0.7152f * 0.4f + 0.0722f * 0.2f;
        Assert.Equal(expected, luma.At(0, 0, 0), 6);
        Assert.Equal(expected, luma.At(-2, -1, 0), 6); // outside the clip: nearest clip pixel
        Assert.Equal(0f, luma.At(1, 0, 0));
    }
}
