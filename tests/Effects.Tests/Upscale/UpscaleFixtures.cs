using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>Test models written once per test run, and helpers to render and to compute expected pictures.</summary>
internal static class UpscaleFixtures
{
    private static readonly Lazy<string> LazyX2 = new(() => OnnxTestModels.Save(OnnxTestModels.SharpeningUpsampler(2), "sharpen_x2.onnx"));
    private static readonly Lazy<string> LazyX4 = new(() => OnnxTestModels.Save(OnnxTestModels.SharpeningUpsampler(4), "sharpen_x4.onnx"));
    private static readonly Lazy<string> LazyX2Half = new(() => OnnxTestModels.Save(OnnxTestModels.SharpeningUpsampler(2, fp16: true), "sharpen_x2_fp16.onnx"));
    private static readonly Lazy<string> LazyX2Fixed = new(() => OnnxTestModels.Save(OnnxTestModels.SharpeningUpsampler(2, fixedSide: 48), "sharpen_x2_48.onnx"));

    public static string X2 => LazyX2.Value;
    public static string X4 => LazyX4.Value;
    public static string X2Half => LazyX2Half.Value;
    public static string X2Fixed48 => LazyX2Fixed.Value;

    public static FloatImage Photo(string name, int channels, int maxSide) => ImageFiles.Load(TestImages.Photo(name), channels, maxSide);

    public static PixelRect OutputBounds(PixelRect definition, double sx, double sy) => new(
        (int)Math.Floor(definition.X1 * sx), (int)Math.Floor(definition.Y1 * sy),
        (int)Math.Ceiling(definition.X2 * sx), (int)Math.Ceiling(definition.Y2 * sy));

    public static FloatImage Render(FloatImage source, PixelRect window, UpscaleSettings s, PixelRect? definition = null)
    {
        var def = definition ?? source.Bounds;
        var needed = UpscaleRenderer.RequiredSourceRegion(window, s, def);
        using var part = new FloatImage(needed, source.Channels);
        part.CopyFrom(source);
        var output = new FloatImage(window, source.Channels);
        UpscaleRenderer.Render(part, def, output, s);
        return output;
    }

    public static FloatImage RenderWhole(FloatImage source, UpscaleSettings s) =>
        Render(source, OutputBounds(source.Bounds, s.ScaleX, s.ScaleY), s);

    /// <summary>
    /// What the sharpening test model gives for a whole RGB(A) picture (straight colour, clipped 0–1)
    /// whose edges repeat — computed in plain C#: pad by one repeated pixel, run the reference, crop.
    /// </summary>
    public static FloatImage ExpectedModelOutput(FloatImage image, int scale)
    {
        int w = image.Width, h = image.Height;
        var planes = new float[3, h + 2, w + 2];
        for (int y = 0; y < h + 2; y++)
            for (int x = 0; x < w + 2; x++)
                for (int c = 0; c < 3; c++)
                {
                    int sx = Math.Clamp(x - 1, 0, w - 1) + image.Bounds.X1, sy = Math.Clamp(y - 1, 0, h - 1) + image.Bounds.Y1;
                    planes[c, y, x] = Math.Clamp(image.At(sx, sy, c), 0f, 1f);
                }
        var up = OnnxTestModels.ReferenceUpsample(planes, scale);
        var b = image.Bounds;
        var result = new FloatImage(new PixelRect(b.X1 * scale, b.Y1 * scale, b.X2 * scale, b.Y2 * scale), 3);
        for (int y = 0; y < h * scale; y++)
            for (int x = 0; x < w * scale; x++)
                for (int c = 0; c < 3; c++)
                    result.At(result.Bounds.X1 + x, result.Bounds.Y1 + y, c) = up[c, y + scale, x + scale];
        return result;
    }

    public static float Max(FloatImage image, int channels = 3)
    {
        float max = float.MinValue;
        var px = image.Pixels;
        for (int i = 0; i < px.Length; i++)
            if (i % image.Channels < channels) max = Math.Max(max, px[i]);
        return max;
    }
}
