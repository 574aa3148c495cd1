using Enhance.Effects.Imaging;

namespace Enhance.TestSupport;

/// <summary>Picture-quality figures: PSNR and SSIM (on 0–1 values), and simple difference statistics.</summary>
public static class QualityMetrics
{
    /// <summary>PSNR in dB over the colour channels (alpha excluded when present), peak 1.0, optionally ignoring a border.</summary>
    public static double Psnr(FloatImage a, FloatImage b, int border = 0)
    {
        double mse = MeanSquaredError(a, b, border);
        return mse <= 1e-20 ? double.PositiveInfinity : 10 * Math.Log10(1.0 / mse);
    }

    public static double MeanSquaredError(FloatImage a, FloatImage b, int border = 0)
    {
        var (area, colour) = Overlap(a, b, border);
        double sum = 0; long n = 0;
        for (int y = area.Y1; y < area.Y2; y++)
        {
            var ra = a.Row(y, area.X1, area.X2); var rb = b.Row(y, area.X1, area.X2);
            for (int x = 0; x < area.Width; x++)
                for (int c = 0; c < colour; c++)
                {
                    double d = ra[x * a.Channels + c] - rb[x * b.Channels + c];
                    sum += d * d; n++;
                }
        }
        return sum / Math.Max(1, n);
    }

    public static double MeanAbsoluteDifference(FloatImage a, FloatImage b, int border = 0)
    {
        var (area, colour) = Overlap(a, b, border);
        double sum = 0; long n = 0;
        for (int y = area.Y1; y < area.Y2; y++)
        {
            var ra = a.Row(y, area.X1, area.X2); var rb = b.Row(y, area.X1, area.X2);
            for (int x = 0; x < area.Width; x++)
                for (int c = 0; c < colour; c++) { sum += Math.Abs(ra[x * a.Channels + c] - rb[x * b.Channels + c]); n++; }
        }
        return sum / Math.Max(1, n);
    }

    public static double MaxAbsoluteDifference(FloatImage a, FloatImage b, int border = 0, bool includeAlpha = true)
    {
        var (area, colour) = Overlap(a, b, border);
        int channels = includeAlpha ? Math.Min(a.Channels, b.Channels) : colour;
        double max = 0;
        for (int y = area.Y1; y < area.Y2; y++)
        {
            var ra = a.Row(y, area.X1, area.X2); var rb = b.Row(y, area.X1, area.X2);
            for (int x = 0; x < area.Width; x++)
                for (int c = 0; c < channels; c++) max = Math.Max(max, Math.Abs(ra[x * a.Channels + c] - rb[x * b.Channels + c]));
        }
        return max;
    }

    /// <summary>
    /// Mean SSIM on luma (Rec.709 weights) with the usual Gaussian window σ = 1.5, C1 = (0.01)², C2 = (0.03)².
    /// </summary>
    public static double Ssim(FloatImage a, FloatImage b, int border = 0)
    {
        var (area, _) = Overlap(a, b, border);
        int w = area.Width, h = area.Height;
        var la = Luma(a, area); var lb = Luma(b, area);
        var kernel = Gaussian(1.5, 5);
        var mu1 = Blur(la, w, h, kernel); var mu2 = Blur(lb, w, h, kernel);
        var aa = new float[w * h]; var bb = new float[w * h]; var ab = new float[w * h];
        for (int i = 0; i < aa.Length; i++) { aa[i] = la[i] * la[i]; bb[i] = lb[i] * lb[i]; ab[i] = la[i] * lb[i]; }
        var saa = Blur(aa, w, h, kernel); var sbb = Blur(bb, w, h, kernel); var sab = Blur(ab, w, h, kernel);
        const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
        double total = 0; long n = 0;
        for (int y = 5; y < h - 5; y++)
            for (int x = 5; x < w - 5; x++)
            {
                int i = y * w + x;
                double m1 = mu1[i], m2 = mu2[i];
                double v1 = saa[i] - m1 * m1, v2 = sbb[i] - m2 * m2, cov = sab[i] - m1 * m2;
                total += (2 * m1 * m2 + c1) * (2 * cov + c2) / ((m1 * m1 + m2 * m2 + c1) * (v1 + v2 + c2));
                n++;
            }
        return total / Math.Max(1, n);
    }

    private static (PixelRect Area, int ColourChannels) Overlap(FloatImage a, FloatImage b, int border)
    {
        var area = a.Bounds.Intersect(b.Bounds).Inflate(-border, -border);
        if (area.IsEmpty) throw new ArgumentException($"Images do not overlap: {a.Bounds} and {b.Bounds}.");
        int colour = Math.Min(a.Channels, b.Channels);
        if (colour == 4) colour = 3;
        return (area, colour);
    }

    private static float[] Luma(FloatImage image, PixelRect area)
    {
        var result = new float[area.Area];
        int k = 0;
        for (int y = area.Y1; y < area.Y2; y++)
        {
            var row = image.Row(y, area.X1, area.X2);
            for (int x = 0; x < area.Width; x++, k++)
                result[k] = image.Channels >= 3
                    ? 0.2126f * row[x * image.Channels] + 0.7152f * row[x * image.Channels + 1] + 0.0722f * row[x * image.Channels + 2]
                    : row[x * image.Channels];
        }
        return result;
    }

    private static float[] Gaussian(double sigma, int radius)
    {
        var k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) { k[i + radius] = (float)Math.Exp(-i * i / (2 * sigma * sigma)); sum += k[i + radius]; }
        for (int i = 0; i < k.Length; i++) k[i] /= (float)sum;
        return k;
    }

    private static float[] Blur(float[] src, int w, int h, float[] k)
    {
        int r = k.Length / 2;
        var tmp = new float[src.Length]; var dst = new float[src.Length];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                float s = 0;
                for (int i = -r; i <= r; i++) s += k[i + r] * src[y * w + Math.Clamp(x + i, 0, w - 1)];
                tmp[y * w + x] = s;
            }
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
            {
                float s = 0;
                for (int i = -r; i <= r; i++) s += k[i + r] * tmp[Math.Clamp(y + i, 0, h - 1) * w + x];
                dst[y * w + x] = s;
            }
        return dst;
    }
}
