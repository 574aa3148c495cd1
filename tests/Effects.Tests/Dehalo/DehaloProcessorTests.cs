using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Dehalo;

/// <summary>The public API as the OFX node uses it: tiling, region of interest, alpha, output views, settings.</summary>
public class DehaloProcessorTests
{
    /// <summary>A real photo crop as premultiplied RGBA with a varying alpha, placed at a non-zero canvas origin.</summary>
    private static FloatImage PhotoRgba(PixelRect at)
    {
        using var photo = ImageFiles.Load(TestImages.Photo("astronaut"), channels: 4, maxSide: 256);
        var image = new FloatImage(at, 4);
        for (int y = at.Y1; y < at.Y2; y++)
            for (int x = at.X1; x < at.X2; x++)
            {
                float a = 0.25f + 0.75f * ((x - at.X1) % 37) / 36f;
                for (int c = 0; c < 3; c++) image.At(x, y, c) = photo.At(x - at.X1, y - at.Y1, c) * a;
                image.At(x, y, 3) = a;
            }
        return image;
    }

    private static FloatImage Render(FloatImage source, PixelRect definition, PixelRect window, DehaloSettings s)
    {
        var output = new FloatImage(window, source.Channels);
        DehaloProcessor.Process(source, definition, output, s);
        return output;
    }

    [Theory]
    [InlineData(false, 2.0, 2.0)]
    [InlineData(true, 2.0, 2.0)]
    [InlineData(true, 1.5, 3.25)]
    public void Tiled_render_equals_untiled_exactly(bool supersample, double rx, double ry)
    {
        var definition = new PixelRect(-40, 17, 160, 177);
        using var source = PhotoRgba(definition);
        var s = new DehaloSettings { Supersample = supersample, RadiusX = rx, RadiusY = ry };
        using var whole = Render(source, definition, definition, s);
        // Uneven tiles, some touching the clip's border, each rendered from only its required input.
        int[] xs = { -40, 3, 61, 62, 160 }, ys = { 17, 50, 121, 177 };
        for (int i = 0; i + 1 < xs.Length; i++)
            for (int j = 0; j + 1 < ys.Length; j++)
            {
                var tile = new PixelRect(xs[i], ys[j], xs[i + 1], ys[j + 1]);
                var roi = DehaloProcessor.RequiredInputRegion(tile, s).Intersect(definition);
                using var cropped = new FloatImage(roi, 4);
                cropped.CopyFrom(source);
                using var part = Render(cropped, definition, tile, s);
                for (int y = tile.Y1; y < tile.Y2; y++)
                    Assert.True(part.Row(y).SequenceEqual(whole.Row(y, tile.X1, tile.X2)), $"tile {tile} row {y} differs");
            }
    }

    [Fact]
    public void A_window_beyond_the_clip_is_edge_extended()
    {
        var definition = new PixelRect(0, 0, 64, 48);
        using var source = PhotoRgba(definition);
        var s = new DehaloSettings();
        var window = new PixelRect(-10, -5, 74, 53);
        var roi = DehaloProcessor.RequiredInputRegion(window, s).Intersect(definition);
        Assert.Equal(definition, roi);
        using var outside = Render(source, definition, window, s);
        using var inside = Render(source, definition, definition, s);
        for (int y = 0; y < 48; y++)
            Assert.True(outside.Row(y, 0, 64).SequenceEqual(inside.Row(y)), $"row {y}");
        // A tile far right of the clip reads only the clip's edge pixels and matches the large render there.
        var far = new PixelRect(100, 10, 112, 30);
        using var wide = Render(source, definition, new PixelRect(-10, -5, 112, 53), s);
        using var edgeOnly = new FloatImage(new PixelRect(63, 0, 64, 48), 4);
        edgeOnly.CopyFrom(source);
        using var farTile = Render(edgeOnly, definition, far, s);
        for (int y = far.Y1; y < far.Y2; y++)
            Assert.True(farTile.Row(y).SequenceEqual(wide.Row(y, far.X1, far.X2)), $"far row {y}");
    }

    [Fact]
    public void Alpha_passes_through_untouched_in_every_output()
    {
        var definition = PixelRect.FromSize(96, 80);
        using var source = PhotoRgba(definition);
        foreach (var output in Enum.GetValues<DehaloOutput>())
        {
            using var result = Render(source, definition, definition, new DehaloSettings { Output = output });
            for (int y = 0; y < 80; y++)
                for (int x = 0; x < 96; x++)
                    Assert.Equal(source.At(x, y, 3), result.At(x, y, 3));
        }
    }

    [Fact]
    public void Zero_strength_returns_the_input_exactly()
    {
        var definition = PixelRect.FromSize(80, 64);
        using var source = PhotoRgba(definition);
        using var result = Render(source, definition, definition, new DehaloSettings { Strength = 0 });
        Assert.True(result.Pixels.SequenceEqual(source.Pixels));
    }

    [Fact]
    public void A_haloed_step_loses_its_halos_keeps_its_step_and_its_colour_differences()
    {
        var definition = PixelRect.FromSize(64, 24);
        using var source = new FloatImage(definition, 3);
        for (int y = 0; y < 24; y++)
            for (int x = 0; x < 64; x++)
            {
                float v = TestPlanes.SharpenedStep(x, 32, 0.2f, 0.7f, 1.0, 1.5, 2.0);
                source.At(x, y, 0) = v + 0.1f; source.At(x, y, 1) = v; source.At(x, y, 2) = v - 0.05f;
            }
        using var result = Render(source, definition, definition, new DehaloSettings());
        float G(int x) => result.At(x, 12, 1);
        float S(int x) => source.At(x, 12, 1);
        float overshootIn = Enumerable.Range(32, 8).Max(S) - 0.7f, overshootOut = Enumerable.Range(32, 8).Max(G) - 0.7f;
        float undershootIn = 0.2f - Enumerable.Range(24, 8).Min(S), undershootOut = 0.2f - Enumerable.Range(24, 8).Min(G);
        Assert.True(overshootIn > 0.05f && undershootIn > 0.05f, $"the test edge has halos: {overshootIn}, {undershootIn}: {string.Join(" ", Enumerable.Range(26, 12).Select(S))}");
        // A halo this steep, hugging the edge, drags the blurred reference with it, so the limiter removes about
        // half of it; the photographs' halos (quality tests) lose 70–88 % of their energy.
        Assert.True(overshootOut < 0.6f * overshootIn, $"bright halo {overshootIn} → {overshootOut}");
        Assert.True(undershootOut < 0.6f * undershootIn, $"dark halo {undershootIn} → {undershootOut}");
        Assert.Equal(S(10), G(10), 5);
        Assert.Equal(S(54), G(54), 5);
        Assert.True(G(32) - G(31) >= 0.95f * (S(32) - S(31)), $"the edge stays as steep: {S(32) - S(31)} → {G(32) - G(31)}");
        for (int x = 0; x < 64; x++)
        {
            Assert.Equal(0.1f, result.At(x, 12, 0) - G(x), 5);
            Assert.Equal(-0.05f, result.At(x, 12, 2) - G(x), 5);
        }
    }

    [Fact]
    public void Views_show_the_zone_and_what_was_removed()
    {
        var definition = PixelRect.FromSize(96, 80);
        using var source = PhotoRgba(definition);
        using var result = Render(source, definition, definition, new DehaloSettings());
        using var mask = Render(source, definition, definition, new DehaloSettings { Output = DehaloOutput.HaloMask });
        using var removed = Render(source, definition, definition, new DehaloSettings { Output = DehaloOutput.RemovedDetail });
        bool anyZone = false;
        for (int y = 0; y < 80; y++)
            for (int x = 0; x < 96; x++)
            {
                float a = source.At(x, y, 3);
                Assert.InRange(mask.At(x, y, 0), 0f, a + 1e-6f);
                anyZone |= mask.At(x, y, 0) > 0.5f * a;
                for (int c = 0; c < 3; c++)
                    Assert.Equal(0.5f * a - (result.At(x, y, c) - source.At(x, y, c)), removed.At(x, y, c), 1e-5f); // a tolerance, not decimal places: rounding to 5 places can split values 3e-8 apart
            }
        Assert.True(anyZone, "the photo has halo zones");
    }

    [Fact]
    public void Values_above_one_are_not_clamped()
    {
        var definition = PixelRect.FromSize(64, 48);
        using var photo = PhotoRgba(definition);
        using var hdr = new FloatImage(definition, 4);
        for (int i = 0; i < hdr.Pixels.Length; i++) hdr.Pixels[i] = i % 4 == 3 ? photo.Pixels[i] : photo.Pixels[i] * 6f;
        using var result = Render(hdr, definition, definition, new DehaloSettings());
        float max = 0;
        for (int i = 0; i < result.Pixels.Length; i++) if (i % 4 != 3) max = Math.Max(max, result.Pixels[i]);
        Assert.True(max > 2f, $"HDR highlights kept, max {max}");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    [InlineData(1)]
    public void Values_no_picture_has_stay_where_they_are(int channels)
    {
        // Issue 17: values near 1e20 or ±3e38 overflowed the stages' squares and turned whole
        // neighbourhoods into NaN. A NaN or infinite pixel is the host's own: it may pass through
        // itself, but must not reach its neighbours either.
        var definition = PixelRect.FromSize(64, 48);
        using var photo = PhotoRgba(definition);
        using var source = new FloatImage(definition, channels);
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++)
                for (int c = 0; c < channels; c++)
                    source.At(x, y, c) = channels == 1 ? photo.At(x, y, 1) : photo.At(x, y, c);
        float[] hostile = [1e20f, 3e38f, -3e38f, float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        var placed = new List<(int X, int Y)>();
        for (int i = 0; i < hostile.Length; i++)
        {
            int x = 8 + 9 * i, y = 10 + 5 * i;
            for (int c = 0; c < Math.Min(3, channels); c++) source.At(x, y, c) = hostile[i];
            placed.Add((x, y));
        }
        using var result = Render(source, definition, definition, new DehaloSettings());
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++)
            {
                int i = placed.IndexOf((x, y));
                for (int c = 0; c < channels; c++)
                {
                    float v = result.At(x, y, c);
                    if (i < 0) Assert.True(float.IsFinite(v), $"({x},{y}) channel {c} became {v} next to a hostile pixel");
                    else if (float.IsFinite(hostile[i]) && (c < 3 || channels == 1)) Assert.True(float.IsFinite(v), $"the {hostile[i]} pixel became {v}");
                }
            }
    }

    [Fact]
    public void Render_scale_shrinks_the_radii_and_settings_are_clamped()
    {
        var s = new DehaloSettings { RadiusX = 4, RadiusY = 3 }.ScaledForRenderScale(0.5, 0.25);
        Assert.Equal(2, s.RadiusX);
        Assert.Equal(0.75, s.RadiusY);
        Assert.Equal(DehaloSettings.MinRadius, s.Normalized().RadiusY);
        var wild = new DehaloSettings { Strength = 3, DarkStrength = -1, SensitivityLow = double.NaN, EdgeProtection = 9 }.Normalized();
        Assert.Equal(1, wild.Strength);
        Assert.Equal(0, wild.DarkStrength);
        Assert.Equal(new DehaloSettings().SensitivityLow, wild.SensitivityLow);
        Assert.Equal(1, wild.EdgeProtection);
        var small = DehaloProcessor.RequiredInputRegion(PixelRect.FromSize(100, 100), s);
        var large = DehaloProcessor.RequiredInputRegion(PixelRect.FromSize(100, 100), new DehaloSettings { RadiusX = 4, RadiusY = 3 });
        Assert.True(large.Contains(small) && large != small, "a smaller radius needs a smaller margin");
    }

    [Fact]
    public void Missing_input_is_reported()
    {
        var definition = PixelRect.FromSize(64, 64);
        using var source = new FloatImage(new PixelRect(10, 10, 64, 64), 3);
        using var output = new FloatImage(new PixelRect(0, 0, 32, 32), 3);
        Assert.Throws<ArgumentException>(() => DehaloProcessor.Process(source, definition, output, new DehaloSettings()));
    }
}
