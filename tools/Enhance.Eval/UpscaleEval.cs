using System.Text.Json;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.Plugin.Host.Nodes.Upscale;
using Enhance.TestSupport;
using static Enhance.TestSupport.UpscaleProtocol;

namespace Enhance.Eval;

/// <summary>
/// `enhance-eval upscale [--scale 2|3|4] [--crop N] [--models DIR] [--family NAME ...] [PICTURE ...]`
///
/// Upscale's quality against Lanczos-3 on pictures the models were not trained on, by the
/// protocol in <see cref="UpscaleProtocol"/>, through the plug-in's own renderer
/// (<see cref="UpscaleRenderer"/>: the model in its feathered cells, the detail blend at strength 1).
/// Pictures: the arguments, else the recipe's validation pictures (.cache/train/sources.json, from
/// tools/models/train/train.sh), else the test photographs (.testdata/photos). Families: the
/// live-action families in the models' manifest, unless named. At ×3 a family's ×4 model runs and
/// the renderer brings it to ×3, as the node does.
/// </summary>
internal static class UpscaleEval
{
    public static int Run(string[] args)
    {
        int scale = 2, crop = 768;
        string models = Path.Combine(RepoPaths.BuildDir, "models");
        var families = new List<string>();
        var pictures = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale": scale = int.Parse(args[++i]); break;
                case "--crop": crop = int.Parse(args[++i]); break;
                case "--models": models = args[++i]; break;
                case "--family": families.Add(args[++i]); break;
                default: pictures.Add(args[i]); break;
            }
        }
        if (pictures.Count == 0) pictures = DefaultPictures();
        var catalog = ModelCatalog.Load(models);
        if (catalog.Problem is { } problem) throw new InvalidOperationException(problem);
        if (families.Count == 0) families = [.. catalog.Families.Where(f => f.Kind == "natural").Select(f => f.Name)];
        var leases = families.Select(name => ModelCache.Acquire(
            (catalog.Families.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"No model family {name} in {models}."))
            .VariantFor(scale).Path)).ToList();
        Console.WriteLine($"Upscale x{scale}: {pictures.Count} pictures, crops up to {crop}px at their own resolution; " +
                          "Y-PSNR (BT.601) gain over Lanczos-3 in dB, mean over area / bicubic / Lanczos / area+H.264 reductions");
        Console.WriteLine($"{"picture",-34} {"Lanczos dB",10} " + string.Join(" ", families.Select(f => $"{f,18}")));
        var gains = families.Select(_ => new List<double[]>()).ToList();
        var ssimGains = families.Select(_ => new List<double>()).ToList();
        var detail = families.Select(_ => new List<double>()).ToList();
        var lanczosDetail = new List<double>();
        foreach (var picture in pictures)
        {
            using var original = CentreCrop(picture, scale, crop);
            int border = 4 * scale;
            var lanczosDb = new double[AllReductions.Length];
            var perFamily = families.Select(_ => new double[AllReductions.Length]).ToList();
            for (int r = 0; r < AllReductions.Length; r++)
            {
                using var small = Reduce(original, scale, AllReductions[r]);
                using var classical = Enlarge(small, scale, null);
                lanczosDb[r] = LumaPsnr(classical, original, border);
                double lanczosSsim = QualityMetrics.Ssim(classical, original, border);
                if (AllReductions[r] == Reduction.Area) lanczosDetail.Add(DetailEnergyRatio(classical, original, border));
                for (int f = 0; f < families.Count; f++)
                {
                    using var enhanced = Enlarge(small, scale, leases[f].Model);
                    perFamily[f][r] = LumaPsnr(enhanced, original, border) - lanczosDb[r];
                    ssimGains[f].Add(QualityMetrics.Ssim(enhanced, original, border) - lanczosSsim);
                    if (AllReductions[r] == Reduction.Area) detail[f].Add(DetailEnergyRatio(enhanced, original, border));
                }
            }
            for (int f = 0; f < families.Count; f++) gains[f].Add(perFamily[f]);
            Console.WriteLine($"{Path.GetFileName(picture),-34} {lanczosDb.Average(),10:F2} " +
                              string.Join(" ", perFamily.Select(g => $"{g.Average(),18:+0.00;-0.00}")));
        }
        Console.WriteLine();
        Console.WriteLine($"Lanczos-3: detail energy {lanczosDetail.Average():F3} of the original's (area reduction)");
        for (int f = 0; f < families.Count; f++)
        {
            var perPicture = gains[f].Select(g => g.Average()).ToArray();
            var byReduction = AllReductions.Select((r, k) => $"{r} {gains[f].Average(g => g[k]):+0.00;-0.00}");
            Console.WriteLine($"{families[f]}: mean {perPicture.Average():+0.000;-0.000} dB, wins {perPicture.Count(g => g > 0)}/{perPicture.Length}, " +
                              $"worst picture {perPicture.Min():+0.00;-0.00} dB, worst case {gains[f].Min(g => g.Min()):+0.00;-0.00} dB; " +
                              string.Join(", ", byReduction) + $"; SSIM {ssimGains[f].Average():+0.0000;-0.0000}; " +
                              $"detail energy {detail[f].Average():F3} of the original's");
        }
        foreach (var lease in leases) lease.Dispose();
        return 0;
    }

    private static List<string> DefaultPictures()
    {
        string work = Path.Combine(RepoPaths.Root, ".cache", "train");
        string sources = Path.Combine(work, "sources.json");
        if (!File.Exists(sources)) return [.. TestImages.Photos];
        using var doc = JsonDocument.Parse(File.ReadAllText(sources));
        return [.. doc.RootElement.GetProperty("pictures").EnumerateArray()
            .Where(p => p.GetProperty("role").GetString() == "validation")
            .Select(p => Path.Combine(work, p.GetProperty("path").GetString()!))];
    }
}
