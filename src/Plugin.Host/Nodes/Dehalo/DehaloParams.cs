using Enhance.Effects.Dehalo;
using Enhance.Plugin.OfxBridge.Params;

namespace Enhance.Plugin.Host.Nodes.Dehalo;

/// <summary>
/// Dehalo's parameters, grouped as a colourist expects: how much, how wide, which halos, how
/// sensitive, how the edges are protected, and what to look at. Names are stable (projects store them).
/// </summary>
public static class DehaloParams
{
    public const string Strength = "strength", RadiusX = "radiusX", RadiusY = "radiusY";
    public const string DarkStrength = "darkStrength", BrightStrength = "brightStrength";
    public const string SensitivityLow = "sensitivityLow", SensitivityHigh = "sensitivityHigh";
    public const string EdgeProtection = "edgeProtection", TextureProtection = "textureProtection";
    public const string Supersample = "supersample", Output = "output";

    public static void Define(ParamSet p)
    {
        var d = new DehaloSettings();
        p.DefineGroup("amountGroup").Label("Amount").Open(true);
        p.DefineDouble(Strength).Label("Strength").Parent("amountGroup").Default(d.Strength).Range(0, 1, 0, 1).Increment(0.05, 2).Animates(true)
            .Hint("How much of the halos to remove: 0 leaves the picture alone, 1 removes them fully. Keyframable.");
        p.DefineDouble(DarkStrength).Label("Dark halos").Parent("amountGroup").Default(d.DarkStrength).Range(0, 1, 0, 1).Increment(0.05, 2)
            .Hint("How much of the dark outlines (undershoot beside bright edges) to fill in.");
        p.DefineDouble(BrightStrength).Label("Bright halos").Parent("amountGroup").Default(d.BrightStrength).Range(0, 1, 0, 1).Increment(0.05, 2)
            .Hint("How much of the bright outlines (overshoot beside dark edges) to pull down.");

        p.DefineGroup("radiusGroup").Label("Radius").Open(true);
        p.DefineDouble(RadiusX).Label("Radius X").Parent("radiusGroup").Default(d.RadiusX)
            .Range(DehaloSettings.MinRadius, DehaloSettings.MaxRadius, 1, 8).Increment(0.1, 1)
            .Hint("How far the halos reach from the edge, horizontally, in pixels of the full-resolution frame.");
        p.DefineDouble(RadiusY).Label("Radius Y").Parent("radiusGroup").Default(d.RadiusY)
            .Range(DehaloSettings.MinRadius, DehaloSettings.MaxRadius, 1, 8).Increment(0.1, 1)
            .Hint("How far the halos reach from the edge, vertically.");

        p.DefineGroup("sensitivityGroup").Label("Sensitivity").Open(false);
        p.DefineDouble(SensitivityLow).Label("Low").Parent("sensitivityGroup").Default(d.SensitivityLow).Range(0, 100, 0, 100).Increment(1, 0)
            .Hint("Raise to remove more halo (touching more fine detail); lower to protect detail.");
        p.DefineDouble(SensitivityHigh).Label("High").Parent("sensitivityGroup").Default(d.SensitivityHigh).Range(0, 100, 0, 100).Increment(1, 0)
            .Hint("Higher protects detailed areas more strongly.");
        p.DefineDouble(EdgeProtection).Label("Edge protection").Parent("sensitivityGroup").Default(d.EdgeProtection).Range(0, 1, 0, 1).Increment(0.05, 2)
            .Hint("At 1 only the halo zone beside strong edges changes and the edges themselves never do; at 0 the limiter acts everywhere.");
        p.DefineDouble(TextureProtection).Label("Texture protection").Parent("sensitivityGroup").Default(d.TextureProtection).Range(0, 1, 0, 1).Increment(0.05, 2)
            .Hint("At 1 pixel-fine texture (gravel, grass, fabric, grain) is left alone, which halos never are. Lower it for footage over-sharpened at its own resolution, whose halos sit inside its fine texture.");
        p.DefineGroup("qualityGroup").Label("Quality").Open(false);
        p.DefineBoolean(Supersample).Label("Supersample").Parent("qualityGroup").Default(d.Supersample)
            .Hint("Limit at sub-pixel positions: smoother diagonal edges, a little slower.");

        p.DefineChoice(Output).Label("Output").Options("Result", "Halo mask", "Removed detail").Default((int)DehaloOutput.Result).Animates(false)
            .Hint("Halo mask shows where the node acts; Removed detail shows what it takes away, around mid grey.");
    }

    public static DehaloSettings Read(ParamSet p, double time)
    {
        double D(string n) => p.Get(n).GetDouble(time);
        return new DehaloSettings
        {
            Strength = D(Strength),
            RadiusX = D(RadiusX),
            RadiusY = D(RadiusY),
            DarkStrength = D(DarkStrength),
            BrightStrength = D(BrightStrength),
            SensitivityLow = D(SensitivityLow),
            SensitivityHigh = D(SensitivityHigh),
            EdgeProtection = D(EdgeProtection),
            TextureProtection = D(TextureProtection),
            Supersample = p.Get(Supersample).GetBoolean(time),
            Output = (DehaloOutput)p.Get(Output).GetChoice(time),
        };
    }
}
