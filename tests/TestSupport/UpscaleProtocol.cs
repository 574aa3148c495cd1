using System.Diagnostics;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using NetVips;

namespace Enhance.TestSupport;

/// <summary>
/// How Upscale's picture quality is measured (issue 12): a crop of a whole photograph at its own
/// resolution (no pre-reduction, so smooth pictures count as much as busy ones), reduced by the
/// scale in the ways footage gets small (area, bicubic, Lanczos-3, and the area reduction through
/// H.264), enlarged back, and scored on luma against the crop. The eval tool (tools/Enhance.Eval
/// upscale) and the quality-bar test share this one definition.
/// </summary>
public static class UpscaleProtocol
{
    public enum Reduction { Area, Bicubic, Lanczos, AreaH264 }

    public static readonly Reduction[] AllReductions = [Reduction.Area, Reduction.Bicubic, Reduction.Lanczos, Reduction.AreaH264];

    /// <summary>x264's default quality: what a camera or an export preset typically leaves.</summary>
    public const int H264Crf = 23;

    /// <summary>The centre crop (RGB) at most <paramref name="maxSide"/> square, its sides a multiple of 16·scale (H.264 macroblocks tile the reduced picture).</summary>
    public static FloatImage CentreCrop(string path, int scale, int maxSide)
    {
        using var full = ImageFiles.Load(path, channels: 3);
        int m = 16 * scale;
        int w = Math.Min(maxSide, full.Width) / m * m, h = Math.Min(maxSide, full.Height) / m * m;
        if (w == 0 || h == 0) throw new InvalidOperationException($"{path} is smaller than {m}x{m}.");
        int x0 = (full.Width - w) / 2, y0 = (full.Height - h) / 2;
        var crop = new FloatImage(PixelRect.FromSize(w, h), 3);
        for (int y = 0; y < h; y++) full.Row(y0 + y, x0, x0 + w).CopyTo(crop.Row(y));
        return crop;
    }

    /// <summary>The picture reduced by an integer factor, quantised to 8 bits as a file or a video frame would be.</summary>
    public static FloatImage Reduce(FloatImage rgb, int scale, Reduction how)
    {
        using var vips = NetVips.Image.NewFromMemory(rgb.Pixels.ToArray(), rgb.Width, rgb.Height, 3, Enums.BandFormat.Float);
        using var small = how switch
        {
            Reduction.Area or Reduction.AreaH264 => vips.Shrink(scale, scale),
            Reduction.Bicubic => vips.Reduce(scale, scale, kernel: Enums.Kernel.Cubic),
            Reduction.Lanczos => vips.Reduce(scale, scale, kernel: Enums.Kernel.Lanczos3),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };
        var data = small.WriteToMemory<float>();
        var result = new FloatImage(PixelRect.FromSize(small.Width, small.Height), 3);
        for (int i = 0; i < result.Pixels.Length; i++) result.Pixels[i] = MathF.Round(Math.Clamp(data[i], 0f, 1f) * 255f) / 255f;
        if (how == Reduction.AreaH264) ThroughH264(result);
        return result;
    }

    /// <summary>One frame through libx264 (4:2:0, CRF <see cref="H264Crf"/>) and back, with the ffmpeg on PATH.</summary>
    public static void ThroughH264(FloatImage rgb)
    {
        var bytes = new byte[rgb.Pixels.Length];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)MathF.Round(rgb.Pixels[i] * 255f);
        string size = $"{rgb.Width}x{rgb.Height}";
        var encoded = RunFfmpeg(bytes, $"-v error -f rawvideo -pix_fmt rgb24 -s {size} -i - -c:v libx264 -preset medium -crf {H264Crf} -pix_fmt yuv420p -f h264 -");
        var decoded = RunFfmpeg(encoded, "-v error -f h264 -i - -f rawvideo -pix_fmt rgb24 -");
        if (decoded.Length != bytes.Length)
            throw new InvalidOperationException($"ffmpeg gave {decoded.Length} bytes for a {size} frame.");
        for (int i = 0; i < bytes.Length; i++) rgb.Pixels[i] = decoded[i] / 255f;
    }

    /// <summary>
    /// A clip (frames of one size) through libx264 as one video (CRF <see cref="H264Crf"/>, 25 fps,
    /// I, P and B frames, so its artefacts move from frame to frame as a camera's or an export's do) and back.
    /// </summary>
    public static void ClipThroughH264(IReadOnlyList<FloatImage> frames)
    {
        int frameBytes = frames[0].Pixels.Length;
        var bytes = new byte[frameBytes * frames.Count];
        for (int f = 0; f < frames.Count; f++)
            for (int i = 0; i < frameBytes; i++) bytes[f * frameBytes + i] = (byte)MathF.Round(Math.Clamp(frames[f].Pixels[i], 0f, 1f) * 255f);
        string size = $"{frames[0].Width}x{frames[0].Height}";
        var encoded = RunFfmpeg(bytes, $"-v error -f rawvideo -pix_fmt rgb24 -s {size} -r 25 -i - -c:v libx264 -preset medium -crf {H264Crf} -pix_fmt yuv420p -f h264 -");
        var decoded = RunFfmpeg(encoded, "-v error -f h264 -i - -f rawvideo -pix_fmt rgb24 -");
        if (decoded.Length != bytes.Length)
            throw new InvalidOperationException($"ffmpeg gave {decoded.Length} bytes for {frames.Count} {size} frames.");
        for (int f = 0; f < frames.Count; f++)
            for (int i = 0; i < frameBytes; i++) frames[f].Pixels[i] = decoded[f * frameBytes + i] / 255f;
    }

    private static byte[] RunFfmpeg(byte[] input, string arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", arguments)
        { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start (apt-get install ffmpeg).");
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        copy.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {arguments}: {errors.Result}");
        return output.ToArray();
    }

    /// <summary>
    /// The node's render of a whole small picture at strength 1 (or Lanczos-3 alone, with no model),
    /// clamped to 0–1 as a display or file would: what the protocol scores. The budget fits a
    /// protocol crop in one or a few cells. With <paramref name="previous"/> (the clip's previous
    /// frame, as the node reads it) the render uses <paramref name="temporalStability"/>.
    /// </summary>
    public static FloatImage Enlarge(FloatImage small, int scale, SuperResolutionModel? model,
                                     FloatImage? previous = null, float temporalStability = 0f)
    {
        var settings = new UpscaleSettings
        {
            ScaleX = scale, ScaleY = scale, Model = model, MemoryBudgetMiB = 2048, TemporalStability = temporalStability,
        };
        var output = new FloatImage(PixelRect.FromSize(small.Width * scale, small.Height * scale), 3);
        UpscaleRenderer.Render(small, small.Bounds, output, settings, previous: previous);
        for (int i = 0; i < output.Pixels.Length; i++) output.Pixels[i] = Math.Clamp(output.Pixels[i], 0f, 1f);
        return output;
    }

    /// <summary>PSNR on BT.601 luma (the super-resolution literature's Y), peak 1, a border left out.</summary>
    public static double LumaPsnr(FloatImage a, FloatImage b, int border)
    {
        double sum = 0;
        long n = 0;
        for (int y = border; y < a.Height - border; y++)
        {
            var ra = a.Row(y); var rb = b.Row(y);
            for (int x = border; x < a.Width - border; x++)
            {
                double d = Luma601(ra, x) - Luma601(rb, x);
                sum += d * d; n++;
            }
        }
        return 10 * Math.Log10(1.0 / Math.Max(1e-20, sum / n));
    }

    /// <summary>
    /// Fine-detail energy of <paramref name="picture"/> relative to <paramref name="original"/>: the
    /// ratio of their luma Laplacian energies. Under 1 the picture is softer than the original, over
    /// 1 it has more fine contrast (texture, sharpening, noise) than the original had.
    /// </summary>
    public static double DetailEnergyRatio(FloatImage picture, FloatImage original, int border)
    {
        return LaplacianEnergy(picture, border) / Math.Max(1e-20, LaplacianEnergy(original, border));
    }

    private static double LaplacianEnergy(FloatImage image, int border)
    {
        double sum = 0;
        for (int y = Math.Max(1, border); y < image.Height - Math.Max(1, border); y++)
        {
            var up = image.Row(y - 1); var row = image.Row(y); var down = image.Row(y + 1);
            for (int x = Math.Max(1, border); x < image.Width - Math.Max(1, border); x++)
            {
                double l = 4 * Luma601(row, x) - Luma601(row, x - 1) - Luma601(row, x + 1) - Luma601(up, x) - Luma601(down, x);
                sum += l * l;
            }
        }
        return sum;
    }

    private static double Luma601(Span<float> row, int x) =>
        (65.481 * row[x * 3] + 128.553 * row[x * 3 + 1] + 24.966 * row[x * 3 + 2]) / 255.0;
}
