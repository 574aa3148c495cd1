using System.Text.Json;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Parameters as a timeline sees them, read through the installed bundle (`ofxhost list --json`):
/// a choice that switches the node's structure (mode, model, what to output, how grain animates)
/// makes no sense as keyframes and must not animate, as openfx-misc's choices do not; the amounts a
/// colourist rides do animate; the Model menu says what each live-action personality does.
/// </summary>
public sealed class TimelineParamsTests
{
    private static Dictionary<string, JsonElement> Params(JsonDocument doc, string node) =>
        doc.RootElement.GetProperty("plugins").EnumerateArray()
            .Single(p => p.GetProperty("identifier").GetString() == node)
            .GetProperty("params").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

    [Theory]
    [InlineData("io.enhance.Upscale", "mode,model,inputTransfer", "strength,detailLimit")]
    [InlineData("io.enhance.Dehalo", "output", "strength")]
    [InlineData("io.enhance.Grain", "output,animation,space", "amount,matchAmount")]
    public void StructuralChoicesDoNotAnimateAndAmountsDo(string node, string fixedList, string animatedList)
    {
        var run = ReferenceHost.Run("list", "--json");
        Assert.True(run.ExitCode == 0, run.Log);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        var parameters = Params(doc, node);
        foreach (var name in fixedList.Split(','))
            Assert.False(parameters[name].GetProperty("animates").GetBoolean(), $"{node}.{name} animates");
        foreach (var name in animatedList.Split(','))
            Assert.True(parameters[name].GetProperty("animates").GetBoolean(), $"{node}.{name} does not animate");
    }

    [Fact]
    public void TheModelMenuOffersTheLiveActionPersonalitiesWithFaithfulAsDefault()
    {
        var run = ReferenceHost.Run("list", "--json");
        Assert.True(run.ExitCode == 0, run.Log);
        using var doc = JsonDocument.Parse(run.StandardOutput);
        var model = Params(doc, "io.enhance.Upscale")["model"];
        var options = model.GetProperty("options").EnumerateArray().Select(o => o.GetString()!).ToList();
        int faithful = options.FindIndex(o => o.StartsWith("Faithful (live action", StringComparison.Ordinal));
        Assert.True(faithful > 0, string.Join(" | ", options));
        Assert.Contains(options, o => o.StartsWith("Crisp (live action", StringComparison.Ordinal));
        Assert.Equal(faithful, (int)model.GetProperty("default")[0].GetDouble());
        // Saved projects keep their meaning: the anime families stay options 1 and 2.
        Assert.StartsWith("realesr-animevideov3", options[1]);
    }
}
