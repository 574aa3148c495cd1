using Enhance.Effects.Grain;
using Enhance.Plugin.OfxBridge.Params;
using static Enhance.Plugin.Host.Framework.ParamValues;

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

    /// <summary>
    /// The values at <paramref name="time"/>, each kept inside its declared range whatever the host
    /// sends (issue 17: an amount of -1, NaN or a size of 1000 from a script or a damaged project
    /// used to fail the render with "Amount must be ≥ 0 … Please report this"). Out-of-range values
    /// take the nearest end of the range; NaN takes the default, as Upscale and Dehalo do.
    /// </summary>
    public static GrainNodeSettings Read(ParamSet p, double time)
    {
        double D(string n, double min, double max, double fallback) => InRange(p.Get(n).GetDouble(time), min, max, fallback);
        int I(string n) => p.Get(n).GetInt(time);
        int Choice(string n, int last) => Math.Clamp(I(n), 0, last);
        var effect = new GrainSettings
        {
            Amount = D(Amount, 0, 1, 0.03),
            MatchAmount = D(MatchAmount, 0, 4, 1),
            Size = D(Size, 0.05, 32, 1),
            Softness = D(Softness, 0, 1, 0.5),
            Saturation = D(Saturation, 0, 1, 0.6),
            Monochrome = p.Get(Monochrome).GetBoolean(time),
            Red = D(Red, 0, 4, 1),
            Green = D(Green, 0, 4, 1),
            Blue = D(Blue, 0, 4, 1),
            Response = new GrainResponse(D(Shadows, 0, 4, 1), D(Midtones, 0, 4, 1), D(Highlights, 0, 4, 1), D(Midpoint, 0.05, 0.95, 0.5)),
            Space = (GrainSpace)Choice(Space, (int)GrainSpace.Log),
            Seed = I(Seed),
            Animation = (GrainAnimation)Choice(Animation, (int)GrainAnimation.Hold),
            HoldFrames = Math.Clamp(I(HoldFrames), 1, 1000),
            Output = (GrainOutput)Choice(Output, (int)GrainOutput.GrainOnly),
        };
        return new GrainNodeSettings(effect, p.Get(MatchSource).GetBoolean(time),
            Math.Clamp(I(AnalysisFirst), -1000000, 1000000), Math.Clamp(I(AnalysisLast), -1000000, 1000000));
    }
}
