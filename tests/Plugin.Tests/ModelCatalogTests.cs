using Enhance.Plugin.Host.Nodes.Upscale;
using Xunit;

namespace Enhance.Plugin.Tests;

/// <summary>
/// The Model menu read from the bundle's models.json: families with their labels and hints, and
/// (issue 17) a damaged manifest that must cost the user the bundled models only, with a sentence
/// saying so, never the whole Upscale node.
/// </summary>
public sealed class ModelCatalogTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "enhance-catalog-" + Guid.NewGuid().ToString("N"));

    public ModelCatalogTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("{ \"models\": [ { \"name\": \"a-x2\", ")]   // truncated
    [InlineData("this is not JSON")]
    [InlineData("{ \"default_kind\": \"natural\" }")]         // no models array
    public void ADamagedManifestLeavesClassicalAndCustomAndSaysWhy(string manifest)
    {
        File.WriteAllText(Path.Combine(_folder, "models.json"), manifest);
        var catalog = ModelCatalog.Load(_folder);
        Assert.Empty(catalog.Families);
        Assert.Equal([UpscaleParams.ClassicalOption, UpscaleParams.CustomOption], catalog.ChoiceLabels);
        Assert.NotNull(catalog.Problem);
        Assert.Contains("Reinstall Enhance", catalog.ChoiceHint);
    }

    [Fact]
    public void AMissingModelsFolderIsSaidNotSilent()
    {
        var catalog = ModelCatalog.Load(Path.Combine(_folder, "no-such-folder"));
        Assert.Empty(catalog.Families);
        Assert.Equal(0, catalog.DefaultChoice); // Classical
        Assert.Contains("models are missing", catalog.Problem);
        Assert.Contains("Reinstall Enhance", catalog.ChoiceHint);
    }

    [Fact]
    public void FamiliesTakeTheirLabelAndHintFromTheManifestAndFp16CopiesAreNotListed()
    {
        File.WriteAllText(Path.Combine(_folder, "models.json"), """
            { "default_kind": "natural", "models": [
              { "name": "enhance-faithful-x2", "file": "f2.onnx", "scale": 2, "kind": "natural", "licence": "own", "preferred": true,
                "family_label": "Faithful", "family_hint": "stays close." },
              { "name": "enhance-faithful-x2-fp16", "file": "f2h.onnx", "scale": 2, "kind": "natural", "licence": "own",
                "preferred": false, "precision": "fp16", "family_label": "Faithful" },
              { "name": "enhance-faithful-x4", "file": "f4.onnx", "scale": 4, "kind": "natural", "licence": "own", "preferred": true } ] }
            """);
        var catalog = ModelCatalog.Load(_folder);
        var family = Assert.Single(catalog.Families);
        Assert.Equal("Faithful (live action, ×2/×4)", family.Label);
        Assert.Equal(1, catalog.DefaultChoice);
        Assert.Contains("Faithful: stays close.", catalog.ChoiceHint);
        Assert.Null(catalog.Problem);
    }

    [Fact]
    public void OnlyClassicalLetsTheHostTile()
    {
        // Issue 17: with a model (a bundled family or a custom file) the node asks for whole frames.
        var catalog = ModelCatalog.Load(Path.Combine(_folder, "no-such-folder")); // Classical, Custom
        Assert.True(UpscaleTiling.Supported(0, catalog));
        Assert.False(UpscaleTiling.Supported(1, catalog));
        Assert.False(UpscaleTiling.Supported(2, catalog));
    }
}
