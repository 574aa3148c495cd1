using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;

namespace Enhance.Eval;

/// <summary>
/// `enhance-eval grain`: the Grain quality figures on real photographs.
/// Round trip: grain synthesised at known settings on a clean photo, then measured by the estimator;
/// prints strength per band against the known strength, and the autocorrelation width against the
/// generator's. Matching: the grained photo is the source; a grain-free copy enhanced (Lanczos 2×)
/// gets matched grain; the result's measured grain is compared with the source's per band.
/// </summary>
internal static class GrainEval
{
    /// <summary>Photos with flat areas (sky, backdrops, bokeh) where grain can be measured.</summary>
    public static readonly string[] Photos = ["astronaut", "chelsea", "coffee", "rocket", "Storm", "LadyBird", "YellowFlower", "motorcycle_left"];

    public static readonly (string Name, GrainSettings Settings)[] Cases =
    [
        ("fine colour", new GrainSettings { Amount = 0.04, Size = 1, Softness = 0.5, Seed = 7 }),
        ("medium, toned", new GrainSettings { Amount = 0.05, Size = 3, Softness = 0.5, Seed = 11, Response = new GrainResponse(1.3, 1.0, 0.6, 0.45) }),
        ("coarse mono log", new GrainSettings { Amount = 0.04, Size = 5, Softness = 1, Seed = 3, Monochrome = true, Space = GrainSpace.Log }),
    ];

    public static int Run(string[] args)
    {
        bool verbose = args.Contains("-v");
        args = args.Where(a => a != "-v").ToArray();
        int maxSide = args.Length > 0 && int.TryParse(args[0], out int side) ? side : 512;
        Console.WriteLine($"Grain eval on {Photos.Length} photos (longest side {maxSide}), {Cases.Length} settings.");
        foreach (var (caseName, settings) in Cases)
        {
            double worstStrength = 0, worstWidth = 0, worstMatch = 0, worstMatchWidth = 0;
            int measured = 0;
            Console.WriteLine();
            Console.WriteLine($"== {caseName}: amount {settings.Amount}, size {settings.Size}, softness {settings.Softness}, space {settings.Space}, mono {settings.Monochrome}");
            Console.WriteLine($"{"photo",-16} {"bands",5} {"strength err max/mean",22} {"width est/true",15} {"match err max",14} {"match width ×2",15}");
            foreach (var name in Photos)
            {
                using var clean = ImageFiles.Load(TestImages.Photo(name), 4, maxSide);
                var r = GrainRoundTrip.Run(clean, settings);
                Console.WriteLine($"{name,-16} {r.Bands,5} {r.MaxStrengthError,10:P1} /{r.MeanStrengthError,9:P1} {r.EstimatedWidth,7:F2}/{r.TrueWidth,-6:F2} {r.MaxMatchError,14:P1} {r.MatchWidthRatio,15:F2}");
                if (verbose) r.Details.ForEach(Console.WriteLine);
                if (r.Bands == 0) continue; // no flat area large enough at this size: nothing measured
                measured++;
                worstStrength = Math.Max(worstStrength, r.MaxStrengthError);
                worstWidth = Math.Max(worstWidth, Math.Abs(r.EstimatedWidth / r.TrueWidth - 1));
                worstMatch = Math.Max(worstMatch, r.MaxMatchError);
                worstMatchWidth = Math.Max(worstMatchWidth, Math.Abs(r.MatchWidthRatio - 1));
            }
            Console.WriteLine($"worst over {measured} measurable photos: round-trip strength {worstStrength:P1} (bar 10%), width {worstWidth:P1} (bar 15%), " +
                              $"matching strength {worstMatch:P1} (bar 15%), matched width vs 2× source {worstMatchWidth:P1}");
        }
        return 0;
    }
}
