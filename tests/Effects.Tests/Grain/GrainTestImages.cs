using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using NetVips;

namespace Enhance.Effects.Tests.Grain;

/// <summary>Pictures and measurements the Grain tests share.</summary>
internal static class GrainTestImages
{
    /// <summary>Real photos with flat areas (backdrop, sky, clouds) where grain can be measured.</summary>
    public static readonly string[] MeasurablePhotos = ["astronaut", "rocket", "Storm"];

    public static FloatImage Photo(string name, int maxSide = 512) => ImageFiles.Load(TestImages.Photo(name), 4, maxSide);

    public static FloatImage Flat(PixelRect bounds, int channels, float value, float alpha = 1f)
    {
        var image = new FloatImage(bounds, channels);
        var pixels = image.Pixels;
        for (int i = 0; i < pixels.Length; i += channels)
        {
            pixels[i] = pixels[i + 1] = pixels[i + 2] = value;
            if (channels == 4) pixels[i + 3] = alpha;
        }
        return image;
    }

    /// <summary>The picture with grain rendered over its whole frame at render scale 1.</summary>
    public static FloatImage WithGrain(FloatImage clean, GrainSettings settings, GrainProfile? matched = null, double time = 12)
    {
        var result = new FloatImage(clean.Bounds, clean.Channels);
        GrainRenderer.Apply(clean, result, settings, matched, time, clean.Height, 1.0);
        return result;
    }

    /// <summary>A grain-free "enhanced" copy: Lanczos-3 2× upscale by libvips, standing in for the Upscale effect.</summary>
    public static FloatImage Upscale2x(FloatImage image)
    {
        using var vips = NetVips.Image.NewFromMemory(image.Pixels.ToArray(), image.Width, image.Height, image.Channels, Enums.BandFormat.Float);
        using var big = vips.Resize(2, kernel: Enums.Kernel.Lanczos3);
        var data = big.WriteToMemory<float>();
        var result = new FloatImage(PixelRect.FromSize(big.Width, big.Height), image.Channels);
        data.AsSpan(0, result.Pixels.Length).CopyTo(result.Pixels);
        return result;
    }

    /// <summary>Difference of one channel between two images of the same bounds, as a plane.</summary>
    public static double[] Difference(FloatImage a, FloatImage b, int channel)
    {
        var pa = a.Pixels; var pb = b.Pixels;
        var result = new double[a.Width * a.Height];
        for (int i = 0; i < result.Length; i++) result[i] = pa[i * a.Channels + channel] - pb[i * b.Channels + channel];
        return result;
    }

    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    public static double Correlation(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        double ma = a.Average(), mb = b.Average(), ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Count; i++) { ab += (a[i] - ma) * (b[i] - mb); aa += (a[i] - ma) * (a[i] - ma); bb += (b[i] - mb) * (b[i] - mb); }
        return ab / Math.Sqrt(aa * bb);
    }

    /// <summary>Normalised autocorrelation along x of a width × height plane, lags 0..MaxLag.</summary>
    public static double[] AutocorrelationX(double[] plane, int width, int height)
    {
        double mean = plane.Average();
        var rho = new double[GrainKernel.MaxLag + 1];
        for (int k = 0; k < rho.Length; k++)
        {
            double sum = 0; long n = 0;
            for (int y = 0; y < height; y++)
                for (int x = 0; x + k < width; x++) { sum += (plane[y * width + x] - mean) * (plane[y * width + x + k] - mean); n++; }
            rho[k] = sum / n;
        }
        double zero = rho[0];
        for (int k = 0; k < rho.Length; k++) rho[k] /= zero;
        return rho;
    }
}
