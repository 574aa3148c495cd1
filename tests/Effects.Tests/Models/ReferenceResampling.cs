using Enhance.Effects.Imaging;
using NetVips;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// The classical baselines the model figures are measured against: the degradation (antialiased
/// bicubic reduction through libvips, as super-resolution benchmarks make their low-resolution
/// inputs) and a plain separable Lanczos-3 enlargement written out here so the baseline does not
/// depend on another library's choice of filter.
/// </summary>
public static class ReferenceResampling
{
    /// <summary>Reduces an RGB float image by an integer factor with libvips' antialiased cubic.</summary>
    public static FloatImage Reduce(FloatImage rgb, int factor)
    {
        using var vips = NetVips.Image.NewFromMemory(rgb.Pixels.ToArray(), rgb.Width, rgb.Height, 3, Enums.BandFormat.Float);
        using var small = vips.Resize(1.0 / factor, kernel: Enums.Kernel.Cubic);
        var data = small.WriteToMemory<float>();
        var result = new FloatImage(PixelRect.FromSize(small.Width, small.Height), 3);
        data.AsSpan(0, result.Pixels.Length).CopyTo(result.Pixels);
        return result;
    }

    /// <summary>Enlarges by an integer factor with Lanczos-3 (pixel centres aligned, edge samples repeated), clamped to 0–1.</summary>
    public static FloatImage Lanczos3Enlarge(FloatImage rgb, int factor)
    {
        int w = rgb.Width, h = rgb.Height, ow = w * factor, oh = h * factor;
        var (xIndex, xWeight) = Taps(w, factor);
        var (yIndex, yWeight) = Taps(h, factor);
        var rows = new float[h * ow * 3];
        for (int y = 0; y < h; y++)
        {
            var src = rgb.Row(y);
            for (int x = 0; x < ow; x++)
                for (int t = 0; t < 6; t++)
                {
                    int s = xIndex[x * 6 + t] * 3, d = (y * ow + x) * 3;
                    float k = xWeight[x * 6 + t];
                    rows[d] += k * src[s]; rows[d + 1] += k * src[s + 1]; rows[d + 2] += k * src[s + 2];
                }
        }
        var result = new FloatImage(PixelRect.FromSize(ow, oh), 3);
        for (int y = 0; y < oh; y++)
        {
            var dst = result.Row(y);
            for (int t = 0; t < 6; t++)
            {
                float k = yWeight[y * 6 + t];
                var src = rows.AsSpan(yIndex[y * 6 + t] * ow * 3, ow * 3);
                for (int i = 0; i < dst.Length; i++) dst[i] += k * src[i];
            }
            for (int i = 0; i < dst.Length; i++) dst[i] = Math.Clamp(dst[i], 0f, 1f);
        }
        return result;
    }

    /// <summary>Six source indices and normalised weights per output position.</summary>
    private static (int[] Index, float[] Weight) Taps(int size, int factor)
    {
        int outSize = size * factor;
        var index = new int[outSize * 6];
        var weight = new float[outSize * 6];
        for (int o = 0; o < outSize; o++)
        {
            double centre = (o + 0.5) / factor - 0.5;
            int first = (int)Math.Floor(centre) - 2;
            double sum = 0;
            for (int t = 0; t < 6; t++)
            {
                double k = Lanczos3(centre - (first + t));
                index[o * 6 + t] = Math.Clamp(first + t, 0, size - 1);
                weight[o * 6 + t] = (float)k;
                sum += k;
            }
            for (int t = 0; t < 6; t++) weight[o * 6 + t] = (float)(weight[o * 6 + t] / sum);
        }
        return (index, weight);
    }

    private static double Lanczos3(double x)
    {
        if (x == 0) return 1;
        if (Math.Abs(x) >= 3) return 0;
        double px = Math.PI * x;
        return 3 * Math.Sin(px) * Math.Sin(px / 3) / (px * px);
    }
}
