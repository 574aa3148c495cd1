using System.Diagnostics;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.Plugin.Host.Nodes.Upscale;
using Enhance.TestSupport;
using static Enhance.TestSupport.UpscaleProtocol;

namespace Enhance.Eval;

/// <summary>
/// `enhance-eval temporal [--frames N] [--noise LEVELS] [--repeat N] [--models DIR] [--family NAME] [--clip DIR|VIDEO [--first K]] [--stability S] [--no-random] [PHOTO ...]`
///
/// Upscale's temporal stability (issue 14) on clips reduced ×2 by area (8-bit) and enlarged back
/// through the plug-in's renderer: Lanczos-3, the model per frame (stability 0) and the model in
/// temporal mode (stability 1), each frame given its previous one as the node gets it from the host.
///
/// Clips: `--clip DIR` reads the frames of real footage (PNG/JPEG/TIFF, sorted by name), `--clip VIDEO`
/// decodes a video file with ffmpeg (from frame `--first`, default 0; <see cref="VideoFrames"/>); otherwise a
/// synthetic clip per photograph (.testdata/photos): the photo as a still camera's background with
/// fresh sensor noise every frame (--noise, 8-bit levels, default 1) and another photo's patch
/// moving across it, each clip also through H.264 as one video after the reduction (the
/// compression's moving artefacts are much of what makes predicted detail boil on real footage).
///
/// Figures: static-background flicker (issue 14's measure: mean |ΔY| between consecutive outputs,
/// in 8-bit levels, where the originals change by less than 1/255: in every channel, then in Y alone), the same over the background
/// the moving patch never reaches (synthetic clips), the motion-compensated flicker over what moves
/// (issue 14's second measure: warp error between consecutive outputs, motion measured on the
/// originals by block matching, see <see cref="MotionCompensatedFlicker"/>), PSNR cost of temporal against per-frame
/// (mean, worst frame), and the cost: seconds per frame and network runs per frame, per-frame vs
/// temporal in order (the previous frame's cells come from the cache) vs temporal random access
/// (cache emptied before every frame: one extra network pass; `--no-random` skips it, and with it
/// the check that random access gives the same pixels). Real footage: tools/footage/fetch.sh.
/// </summary>
internal static class TemporalEval
{
    public static int Run(string[] args)
    {
        int frames = 24;
        Repeats = 1;
        float noise = 1f;
        string models = Path.Combine(RepoPaths.BuildDir, "models");
        string? family = null, clipDir = null;
        int firstFrame = 0;
        var photos = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--frames": frames = int.Parse(args[++i]); break;
                case "--noise": noise = float.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--models": models = args[++i]; break;
                case "--family": family = args[++i]; break;
                case "--clip": clipDir = args[++i]; break;
                case "--first": firstFrame = int.Parse(args[++i]); break;
                case "--repeat": Repeats = int.Parse(args[++i]); break;
                case "--no-random": RandomAccess = false; break;
                case "--stability": Stability = float.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
                case "--dump": DumpDir = args[++i]; break;
                default: photos.Add(args[i]); break;
            }
        }
        var catalog = ModelCatalog.Load(models);
        if (catalog.Problem is { } problem) throw new InvalidOperationException(problem);
        var chosen = family is null ? catalog.Families[catalog.DefaultFamily]
            : catalog.Families.FirstOrDefault(f => f.Name == family) ?? throw new ArgumentException($"No model family {family} in {models}.");
        using var lease = ModelCache.Acquire(chosen.VariantFor(2).Path);
        Console.WriteLine($"Upscale x2 temporal stability, model {chosen.Name}; clips reduced x2 by area (8-bit), {frames} frames, temporal stability {Stability}; " +
                          "flicker = mean |dY| between consecutive outputs in 8-bit levels");
        Console.WriteLine($"{"clip",-22} {"where",-10} {"originals",9} {"Lanczos",9} {"per-frame",9} {"temporal",9} " +
                          $"{"pf/Lz",6} {"tmp/Lz",6} {"tmp/pf",6} | {"PSNR cost dB",12} {"worst",6} {"pf dB",6} | {"s/frame pf",10} {"seq",6} {"random",6} {"runs pf/seq/rnd",16}");

        if (clipDir is not null)
        {
            var originals = VideoFrames.Load(clipDir, firstFrame, frames).Select(CropTo32).ToArray();
            Evaluate(Path.GetFileName(clipDir.TrimEnd('/')), originals, null, lease.Model, h264: false);
            foreach (var o in originals) o.Dispose();
            return 0;
        }
        if (photos.Count == 0) photos = [TestImages.Photo("Garden"), TestImages.Photo("coffee"), TestImages.Photo("Wood")];
        using var patchSource = CentreCrop(TestImages.Photo("astronaut"), 2, 96);
        foreach (var photo in photos)
        {
            using var background = CentreCrop(photo, 2, 384);
            int dx = 4, dy = 1, x0 = 8, y0 = background.Height / 3;
            var originals = TemporalClips.MovingPatch(background, patchSource, frames, x0, y0, dx, dy, noise / 255f);
            // The background the patch never reaches (its whole path, widened by 16 pixels).
            var path = new PixelRect(x0 - 16, y0 - 16, x0 + (frames - 1) * dx + patchSource.Width + 16, y0 + (frames - 1) * dy + patchSource.Height + 16);
            Evaluate(Path.GetFileNameWithoutExtension(photo), originals, path, lease.Model, h264: false);
            Evaluate(Path.GetFileNameWithoutExtension(photo) + "+H.264", originals, path, lease.Model, h264: true);
            foreach (var o in originals) o.Dispose();
        }
        return 0;
    }

    private static FloatImage CropTo32(FloatImage image)
    {
        int w = image.Width / 32 * 32, h = image.Height / 32 * 32;
        var crop = new FloatImage(PixelRect.FromSize(w, h), 3);
        for (int y = 0; y < h; y++) image.Row(y, 0, w).CopyTo(crop.Row(y));
        image.Dispose();
        return crop;
    }

    /// <param name="h264">The reduced clip goes through H.264 as one video (a camera's or an export's compression).</param>
    private static void Evaluate(string name, FloatImage[] originals, PixelRect? movingPath, SuperResolutionModel model, bool h264)
    {
        int n = originals.Length;
        var small = originals.Select(o => Reduce(o, 2, Reduction.Area)).ToArray();
        if (h264) ClipThroughH264(small);
        var lanczos = small.Select(s => Enlarge(s, 2, null)).ToArray();

        var (perFrame, perFrameSeconds, perFrameRuns) = Timed(model, () => small.Select(s => Enlarge(s, 2, model)).ToArray());
        var (temporal, sequentialSeconds, sequentialRuns) = Timed(model, () => small.Select((s, f) => Enlarge(s, 2, model, f > 0 ? small[f - 1] : null, temporalStability: Stability)).ToArray());
        // Random access: nothing kept from before, every frame computes its previous frame's cells too.
        var (randomAccess, randomSeconds, randomRuns) = RandomAccess
            ? Timed(model, () => small.Select((s, f) =>
            {
                CellResultCache.Shared.Clear();
                return Enlarge(s, 2, model, f > 0 ? small[f - 1] : null, temporalStability: Stability);
            }).ToArray())
            : ([], double.NaN, 0);
        for (int f = 0; f < randomAccess.Length; f++)
            if (!temporal[f].Pixels.SequenceEqual(randomAccess[f].Pixels))
                throw new InvalidOperationException($"{name} frame {f}: random access differs from sequential rendering");

        const int border = 8;
        var psnrCost = Enumerable.Range(1, n - 1).Select(f => LumaPsnr(temporal[f], originals[f], border) - LumaPsnr(perFrame[f], originals[f], border)).ToArray();
        if (DumpDir is not null) Dump(name, psnrCost, originals, perFrame, temporal);
        double perFramePsnr = Enumerable.Range(1, n - 1).Average(f => LumaPsnr(perFrame[f], originals[f], border));
        string cost = $"| {psnrCost.Average(),12:+0.000;-0.000;0.000} {psnrCost.Min(),6:+0.00;-0.00;0.00} {perFramePsnr,6:F2} | {perFrameSeconds / n,10:F3} " +
                      $"{sequentialSeconds / perFrameSeconds,5:F2}x {randomSeconds / perFrameSeconds,5:F2}x " +
                      $"{(double)perFrameRuns / n,5:F1}/{(double)sequentialRuns / n:F1}/{(double)randomRuns / n:F1}";

        double lanczosMasked = Flicker(originals, lanczos, originals, null), temporalMasked = Flicker(originals, temporal, originals, null);
        Row(name, "orig<1/255", Flicker(originals, originals, originals, null), lanczosMasked,
            Flicker(originals, perFrame, originals, null), temporalMasked, cost);
        // The same measure with the mask on the originals' Y (the issue's originals change there: 0.043 levels).
        double lanczosLuma = LumaMaskFlicker(originals, lanczos), temporalLuma = LumaMaskFlicker(originals, temporal);
        Row(name, "origY<1/255", LumaMaskFlicker(originals, originals), lanczosLuma, LumaMaskFlicker(originals, perFrame), temporalLuma, "");
        // What moves, motion-compensated (warp error, flow from the originals); the originals' own column is their residual there.
        var motion = MotionCompensatedFlicker.Estimate(originals);
        Row(name, $"still{motion.StillShare * 100,4:F0}%", MotionCompensatedFlicker.StillFlicker(motion, originals),
            MotionCompensatedFlicker.StillFlicker(motion, lanczos), MotionCompensatedFlicker.StillFlicker(motion, perFrame),
            MotionCompensatedFlicker.StillFlicker(motion, temporal), "");
        double perFrameWarp = MotionCompensatedFlicker.WarpError(motion, perFrame), temporalWarp = MotionCompensatedFlicker.WarpError(motion, temporal);
        Row(name, $"moving{motion.MovingShare * 100,3:F0}%", MotionCompensatedFlicker.WarpError(motion, originals),
            MotionCompensatedFlicker.WarpError(motion, lanczos), perFrameWarp, temporalWarp, "");
        Console.WriteLine(BarVerdict(name, temporalMasked / lanczosMasked, temporalLuma / lanczosLuma, temporalWarp / perFrameWarp,
                                     psnrCost.Average(), psnrCost.Min()));
        if (movingPath is { } path)
        {
            // The whole background away from the moving patch, every pixel (noise included).
            Row(name, "background", Flicker(originals, originals, null, path), Flicker(originals, lanczos, null, path),
                Flicker(originals, perFrame, null, path), Flicker(originals, temporal, null, path), "");
        }
        foreach (var image in small.Concat(lanczos).Concat(perFrame).Concat(temporal).Concat(randomAccess)) image.Dispose();
    }

    private static void Dump(string name, double[] psnrCost, FloatImage[] originals, FloatImage[] perFrame, FloatImage[] temporal)
    {
        Directory.CreateDirectory(DumpDir!);
        File.WriteAllLines(Path.Combine(DumpDir!, name + "-psnr-cost.txt"), psnrCost.Select((c, i) => $"{i + 1} {c:F3}"));
        int worst = Array.IndexOf(psnrCost, psnrCost.Min()) + 1;
        using var difference = temporal[worst].Clone();
        for (int i = 0; i < difference.Pixels.Length; i++)
            difference.Pixels[i] = Math.Clamp(0.5f + 8 * (temporal[worst].Pixels[i] - perFrame[worst].Pixels[i]), 0f, 1f);
        ImageFiles.Save(perFrame[worst], Path.Combine(DumpDir!, $"{name}-{worst:D3}-per-frame.png"));
        ImageFiles.Save(temporal[worst], Path.Combine(DumpDir!, $"{name}-{worst:D3}-temporal.png"));
        ImageFiles.Save(originals[worst], Path.Combine(DumpDir!, $"{name}-{worst:D3}-original.png"));
        ImageFiles.Save(originals[worst - 1], Path.Combine(DumpDir!, $"{name}-{worst - 1:D3}-original.png"));
        ImageFiles.Save(difference, Path.Combine(DumpDir!, $"{name}-{worst:D3}-temporal-minus-per-frame-x8.png"));
    }

    /// <summary>Issue 14's bars, each with its figure: flicker ≤ 0.8× Lanczos, warp error −30 % against per-frame, PSNR cost ≤ 0.2 dB mean and 0.5 dB on any frame.</summary>
    private static string BarVerdict(string name, double maskedToLanczos, double lumaMaskedToLanczos, double warpToPerFrame,
                                     double meanPsnrCost, double worstPsnrCost)
    {
        static string Met(bool met) => met ? "met" : "NOT met";
        return $"{name,-22} issue 14 bars: static flicker {maskedToLanczos:F2}x Lanczos (mask on Y {lumaMaskedToLanczos:F2}x) <= 0.80: " +
               $"{Met(maskedToLanczos <= 0.8)} (on Y {Met(lumaMaskedToLanczos <= 0.8)}) | warp error {warpToPerFrame:F2}x per-frame <= 0.70: " +
               $"{Met(warpToPerFrame <= 0.7)} | PSNR cost {meanPsnrCost:+0.00;-0.00;0.00} dB mean >= -0.20, worst frame {worstPsnrCost:+0.00;-0.00;0.00} >= -0.50: " +
               Met(meanPsnrCost >= -0.2 && worstPsnrCost >= -0.5);
    }

    private static void Row(string name, string where, double originals, double lanczos, double perFrame, double temporal, string rest) =>
        Console.WriteLine($"{name,-22} {where,-10} {originals,9:F3} {lanczos,9:F3} {perFrame,9:F3} {temporal,9:F3} " +
                          $"{perFrame / lanczos,6:F2} {temporal / lanczos,6:F2} {temporal / perFrame,6:F2} {rest}");

    /// <summary>
    /// Mean |ΔY| (8-bit levels) between consecutive <paramref name="outputs"/>: where <paramref name="mask"/>'s
    /// consecutive frames differ by less than 1/255 (issue 14's measure), or everywhere outside <paramref name="exclude"/>.
    /// </summary>
    private static double Flicker(FloatImage[] originals, FloatImage[] outputs, FloatImage[]? mask, PixelRect? exclude)
    {
        if (mask is not null) return TemporalClips.StaticFlicker(mask, outputs, border: 8).Levels;
        double sum = 0;
        long count = 0;
        for (int f = 1; f < outputs.Length; f++)
            for (int y = 8; y < outputs[f].Height - 8; y++)
            {
                var a = outputs[f - 1].Row(y); var b = outputs[f].Row(y);
                for (int x = 8; x < outputs[f].Width - 8; x++)
                {
                    if (exclude is { } e && e.Contains(x, y)) continue;
                    int i = x * 3;
                    sum += Math.Abs(0.299 * (a[i] - b[i]) + 0.587 * (a[i + 1] - b[i + 1]) + 0.114 * (a[i + 2] - b[i + 2])) * 255;
                    count++;
                }
            }
        _ = originals;
        return sum / count;
    }

    private static double LumaMaskFlicker(FloatImage[] originals, FloatImage[] outputs) =>
        TemporalClips.StaticFlicker(originals, outputs, border: 8, lumaMask: true).Levels;

    /// <summary>--repeat N: each mode runs N times, the fastest counts (a shared machine's noise only ever adds time).</summary>
    private static int Repeats = 1;

    private static bool RandomAccess = true;

    /// <summary>--stability S: the temporal mode's Temporal stability (default 1, full averaging on still areas).</summary>
    private static float Stability = 1f;

    /// <summary>--dump DIR: per-frame PSNR cost and the worst frame's pictures (per-frame, temporal, original, |difference|×8) as PNG.</summary>
    private static string? DumpDir;

    private static (FloatImage[] Outputs, double Seconds, long Runs) Timed(SuperResolutionModel model, Func<FloatImage[]> render)
    {
        FloatImage[]? outputs = null;
        double best = double.MaxValue;
        long runs = 0;
        for (int r = 0; r < Repeats; r++)
        {
            if (outputs is not null) foreach (var o in outputs) o.Dispose();
            CellResultCache.Shared.Clear();
            long before = model.RunCount;
            var clock = Stopwatch.StartNew();
            outputs = render();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            runs = model.RunCount - before;
        }
        return (outputs!, best, runs);
    }
}
