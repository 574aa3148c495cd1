using Enhance.Effects.Grain;
using Enhance.Plugin.OfxBridge.Params;

namespace Enhance.Plugin.Host.Nodes.Grain;

/// <summary>The Grain node's values at one time: the effect's settings, and whether to match the Original clip.</summary>
public sealed record GrainNodeSettings(GrainSettings Effect, bool MatchSource, int AnalysisFirstFrame, int AnalysisLastFrame);

/// <summary>
/// Grain's parameters, grouped like the grain tools colourists know: the grain itself, per-channel
/// amounts, the tonal response, matching the original plate, and seed/animation/output.
/// Names are stable (projects store them).
/// </summary>
public static class GrainParams
{
    public const string Amount = "amount", Size = "size", Softness = "softness", Saturation = "saturation", Monochrome = "monochrome";
    public const string Red = "red", Green = "green", Blue = "blue";
    public const string Shadows = "shadows", Midtones = "midtones", Highlights = "highlights", Midpoint = "midpoint";
    public const string MatchSource = "matchSource", MatchAmount = "matchAmount", AnalysisFirst = "analysisFirstFrame", AnalysisLast = "analysisLastFrame";
    public const string Space = "space", Seed = "seed", Animation = "animation", HoldFrames = "holdFrames", Output = "output";

    public static void Define(ParamSet p)
    {
        p.DefineGroup("grainGroup").Label("Grain").Open(true);
        p.DefineDouble(Amount).Label("Amount").Parent("grainGroup").Default(0.03).Range(0, 1, 0, 0.2).Increment(0.005, 3).Animates(true)
            .Hint("Strength of the designed grain (standard deviation; 0.03 is a visible 35 mm-like grain). Keyframable.");
        p.DefineDouble(Size).Label("Size").Parent("grainGroup").Default(1).Range(0.05, 32, 0.25, 6).Increment(0.05, 2)
            .Hint("Grain size relative to the frame: 1 is fine 35 mm-like grain; 4K frames get grain of the same physical size as HD.");
        p.DefineDouble(Softness).Label("Softness").Parent("grainGroup").Default(0.5).Range(0, 1, 0, 1).Increment(0.05, 2)
            .Hint("0 gives crisp grain clumps, 1 soft round ones.");
        p.DefineDouble(Saturation).Label("Saturation").Parent("grainGroup").Default(0.6).Range(0, 1, 0, 1).Increment(0.05, 2)
            .Hint("Colour of the grain: 0 moves R, G and B together, 1 makes them independent.");
        p.DefineBoolean(Monochrome).Label("Monochrome").Parent("grainGroup").Default(false)
            .Hint("One grain pattern for all three channels, like black-and-white stock.");

        p.DefineGroup("channelsGroup").Label("Channels").Open(false);
        foreach (var (name, label) in new[] { (Red, "Red"), (Green, "Green"), (Blue, "Blue") })
            p.DefineDouble(name).Label(label).Parent("channelsGroup").Default(1).Range(0, 4, 0, 2).Increment(0.05, 2).Animates(true)
                .Hint($"Multiplies the grain in the {label.ToLowerInvariant()} channel.");

        p.DefineGroup("responseGroup").Label("Response").Open(false);
        foreach (var (name, label) in new[] { (Shadows, "Shadows"), (Midtones, "Midtones"), (Highlights, "Highlights") })
            p.DefineDouble(name).Label(label).Parent("responseGroup").Default(1).Range(0, 4, 0, 2).Increment(0.05, 2)
                .Hint($"Grain in the {label.ToLowerInvariant()}, relative to the amount.");
        p.DefineDouble(Midpoint).Label("Midpoint").Parent("responseGroup").Default(0.5).Range(0.05, 0.95, 0.05, 0.95).Increment(0.01, 2)
            .Hint("Where the midtones sit between shadows and highlights.");

        p.DefineGroup("matchGroup").Label("Match original").Open(true);
        p.DefineBoolean(MatchSource).Label("Match the Original input").Parent("matchGroup").Default(false)
            .Hint("Measure the grain of the Original input (the plate before enhancement) and re-create it at this frame's resolution.");
        p.DefineDouble(MatchAmount).Label("Match amount").Parent("matchGroup").Default(1).Range(0, 4, 0, 2).Increment(0.05, 2).Animates(true)
            .Hint("Scales the measured grain (1 = as measured). Keyframable.");
        p.DefineInt(AnalysisFirst).Label("Analyse from frame").Parent("matchGroup").Default(0).Range(-1000000, 1000000, 0, 1000)
            .Hint("First frame of the Original the grain is measured on (with the last frame; equal values measure the current frame).");
        p.DefineInt(AnalysisLast).Label("Analyse to frame").Parent("matchGroup").Default(0).Range(-1000000, 1000000, 0, 1000)
            .Hint("Last frame of the analysed range; the estimate is kept for the range and reused on every frame.");

        p.DefineGroup("advancedGroup").Label("Advanced").Open(false);
        p.DefineChoice(Space).Label("Apply in").Parent("advancedGroup").Options("Linear values", "Log (per stop)").Default((int)GrainSpace.Linear).Animates(false)
            .Hint("Linear adds the same grain in every stop; Log adds it per stop like film scanned to log.");
        p.DefineInt(Seed).Label("Seed").Parent("advancedGroup").Default(0).Range(int.MinValue, int.MaxValue, 0, 1000)
            .Hint("Another seed gives another grain pattern; the same seed, frame and settings always give the same pixels.");
        p.DefineChoice(Animation).Label("Animation").Parent("advancedGroup").Options("New grain every frame", "Static", "Hold for N frames")
            .Default((int)GrainAnimation.Animated).Animates(false)
            .Hint("New grain every frame is film; Static keeps one pattern (a scan of a still); Hold repeats each pattern for Hold frames (grain on 2s or 3s, as in animation).");
        p.DefineInt(HoldFrames).Label("Hold frames").Parent("advancedGroup").Default(2).Range(1, 1000, 1, 24)
            .Hint("With Animation on Hold: how many frames each grain pattern stays before the next.");
        p.DefineChoice(Output).Label("Output").Parent("advancedGroup").Options("Result", "Grain only").Default((int)GrainOutput.Result).Animates(false)
            .Hint("Grain only shows the grain over mid grey, to judge it without the picture.");
    }

    public static GrainNodeSettings Read(ParamSet p, double time)
    {
        double D(string n) => p.Get(n).GetDouble(time);
        int I(string n) => p.Get(n).GetInt(time);
        var effect = new GrainSettings
        {
            Amount = D(Amount),
            MatchAmount = D(MatchAmount),
            Size = D(Size),
            Softness = D(Softness),
            Saturation = D(Saturation),
            Monochrome = p.Get(Monochrome).GetBoolean(time),
            Red = D(Red),
            Green = D(Green),
            Blue = D(Blue),
            Response = new GrainResponse(D(Shadows), D(Midtones), D(Highlights), D(Midpoint)),
            Space = (GrainSpace)I(Space),
            Seed = I(Seed),
            Animation = (GrainAnimation)I(Animation),
            HoldFrames = Math.Max(1, I(HoldFrames)),
            Output = (GrainOutput)I(Output),
        };
        return new GrainNodeSettings(effect, p.Get(MatchSource).GetBoolean(time), I(AnalysisFirst), I(AnalysisLast));
    }
}
