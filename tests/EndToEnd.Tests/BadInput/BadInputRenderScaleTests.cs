using Xunit;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// Render scales from a half down to a thousandth (thumbnails, proxies, Natron's probes): each
/// node and the chain give a finite frame of the scaled size, even when the input shrinks to one pixel.
/// </summary>
public sealed class BadInputRenderScaleTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var scale in new[] { "0.5", "0.25", "1e-3" })
            foreach (var pipeline in new[] { BadInputPipelines.UpscaleModel, BadInputPipelines.DehaloAlone, BadInputPipelines.GrainAlone, BadInputPipelines.Chain })
                data.Add(scale, pipeline.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ASmallRenderScaleGivesAFiniteFrameOfTheScaledSize(string scale, string pipeline)
    {
        var p = BadInputPipelines.Named(pipeline);
        string dir = BadInputOutcome.Folder("render-scales", $"{scale}-{pipeline}"), output = Path.Combine(dir, "out.tif");
        var run = BadInputOutcome.Render(output, [.. p.Nodes, "--render-scale", scale, "--input", BadInputCorpus.Image("plain.pfm")]);
        // The host scales the 40×24 input to whole pixels first (rounding up, never below one),
        // and the nodes enlarge that.
        double s = double.Parse(scale, System.Globalization.CultureInfo.InvariantCulture);
        int w = (int)Math.Ceiling(40 * s - 1e-6), h = (int)Math.Ceiling(24 * s - 1e-6);
        BadInputOutcome.AssertRendered(run, output, w * p.Enlargement, h * p.Enlargement);
    }
}
