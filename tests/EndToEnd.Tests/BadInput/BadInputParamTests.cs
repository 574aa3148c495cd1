using System.Globalization;
using Xunit;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// Every numeric parameter of every node at once at the ends of its range and beyond them (what
/// a script or a damaged project can send): the node renders at the nearest valid value, a finite
/// frame of the size that value gives. Choices beyond their options are refused by ofxhost itself
/// (exit 3) before a plug-in sees them, so they are not in here.
/// </summary>
public sealed class BadInputParamTests
{
    private sealed record Numeric(string Name, double Min, double Max, bool IsInt = false);

    private static readonly Dictionary<string, Numeric[]> Ranges = new()
    {
        [BadInputPipelines.Upscale] =
        [
            new("scale", 1, 4), new("sourceScale", 1, 4), new("strength", 0, 2), new("detailLimit", 0, 1),
            new("memoryBudget", 64, 65536, IsInt: true), new("temporalStability", 0, 1),
        ],
        [BadInputPipelines.Dehalo] =
        [
            new("strength", 0, 1), new("darkStrength", 0, 1), new("brightStrength", 0, 1), new("radiusX", 1, 32), new("radiusY", 1, 32),
            new("sensitivityLow", 0, 100), new("sensitivityHigh", 0, 100), new("edgeProtection", 0, 1), new("textureProtection", 0, 1),
        ],
        [BadInputPipelines.Grain] =
        [
            new("amount", 0, 1), new("size", 0.05, 32), new("softness", 0, 1), new("saturation", 0, 1),
            new("red", 0, 4), new("green", 0, 4), new("blue", 0, 4), new("shadows", 0, 4), new("midtones", 0, 4), new("highlights", 0, 4),
            new("midpoint", 0.05, 0.95), new("matchAmount", 0, 4),
            new("seed", int.MinValue, int.MaxValue, IsInt: true), new("holdFrames", 1, 1000, IsInt: true),
            new("analysisFirstFrame", -1000000, 1000000, IsInt: true), new("analysisLastFrame", -1000000, 1000000, IsInt: true),
        ],
    };

    /// <summary>The value sets; integers cannot be NaN or infinite, so those sets give them the int extremes.</summary>
    private static readonly string[] Sets = ["min", "max", "below", "above", "nan", "inf", "-inf"];

    private static string Value(Numeric p, string set)
    {
        if (p.IsInt)
            return set switch
            {
                "min" => ((long)p.Min).ToString(CultureInfo.InvariantCulture),
                "max" => ((long)p.Max).ToString(CultureInfo.InvariantCulture),
                "below" => Math.Max(int.MinValue, (long)p.Min - 1).ToString(CultureInfo.InvariantCulture),
                "above" => Math.Min(int.MaxValue, (long)p.Max + 1).ToString(CultureInfo.InvariantCulture),
                "inf" => int.MaxValue.ToString(CultureInfo.InvariantCulture),
                _ => int.MinValue.ToString(CultureInfo.InvariantCulture),
            };
        return set switch
        {
            "min" => p.Min.ToString("R", CultureInfo.InvariantCulture),
            "max" => p.Max.ToString("R", CultureInfo.InvariantCulture),
            "below" => (p.Min - 1000).ToString("R", CultureInfo.InvariantCulture),
            "above" => (p.Max + 1000).ToString("R", CultureInfo.InvariantCulture),
            _ => set,
        };
    }

    /// <summary>Upscale's scale after clamping: the ends of 1–4, and the default 2 for NaN.</summary>
    private static int ClampedScale(string set) => set switch
    {
        "min" or "below" or "-inf" => 1,
        "nan" => 2,
        _ => 4,
    };

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var set in Sets)
        {
            data.Add(BadInputPipelines.Upscale, "resize", set);
            data.Add(BadInputPipelines.Upscale, "in-place", set);
            data.Add(BadInputPipelines.Dehalo, "", set);
            // Grain held for N frames, so holdFrames is read too.
            data.Add(BadInputPipelines.Grain, "", set);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryParameterAtOrBeyondItsRangeRendersAFiniteFrame(string node, string mode, string set)
    {
        string dir = BadInputOutcome.Folder("params", $"{node}-{mode}-{set}"), output = Path.Combine(dir, "out.tif");
        var arguments = new List<string> { "--node", node, "--input", BadInputCorpus.Image("plain.pfm") };
        foreach (var p in Ranges[node]) arguments.AddRange(["--param", $"{node}.{p.Name}={Value(p, set)}"]);
        if (node == BadInputPipelines.Upscale) arguments.AddRange(["--param", $"{node}.mode={(mode == "in-place" ? 2 : 1)}"]);
        if (node == BadInputPipelines.Grain) arguments.AddRange(["--param", $"{node}.animation=2", "--frames", "0-2", "--output-format", "float"]);
        string target = node == BadInputPipelines.Grain ? Path.Combine(dir, "out.####.tif") : output;
        var run = BadInputOutcome.Render(target, arguments);
        int k = node == BadInputPipelines.Upscale && mode == "resize" ? ClampedScale(set) : 1;
        if (node == BadInputPipelines.Grain)
            for (int frame = 0; frame <= 2; frame++)
                BadInputOutcome.AssertRendered(run, Path.Combine(dir, $"out.{frame:0000}.tif"), 40, 24);
        else
            BadInputOutcome.AssertRendered(run, output, 40 * k, 24 * k);
    }
}
