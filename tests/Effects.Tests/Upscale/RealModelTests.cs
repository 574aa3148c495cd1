using System.Text.Json;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static Enhance.Effects.Tests.Upscale.UpscaleFixtures;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// The bundled pretrained models (built by tools/models/build-models.sh into $ENHANCE_BUILD_DIR/models).
/// A missing folder is a set-up error and fails loudly, as missing test photos do; run these with
/// --filter Category=RealModels once the models are built.
/// </summary>
[Trait("Category", "RealModels")]
public class RealModelTests(ITestOutputHelper output)
{
    private static string ModelsDir
    {
        get
        {
            var dir = Path.Combine(RepoPaths.BuildDir, "models");
            if (!File.Exists(Path.Combine(dir, "models.json")))
                throw new DirectoryNotFoundException($"{dir}/models.json is missing; run tools/models/build-models.sh {dir}.");
            return dir;
        }
    }

    [Fact]
    public void EveryBundledModelLoadsWithTheScaleItsCatalogueStates()
    {
        using var catalogue = JsonDocument.Parse(File.ReadAllText(Path.Combine(ModelsDir, "models.json")));
        int count = 0;
        foreach (var entry in catalogue.RootElement.GetProperty("models").EnumerateArray())
        {
            string file = Path.Combine(ModelsDir, entry.GetProperty("file").GetString()!);
            using var model = SuperResolutionModel.Load(file, ExecutionProvider.Cpu);
            output.WriteLine($"{Path.GetFileName(file)}: ×{model.Scale}, {(model.IsFloat16 ? "fp16" : "fp32")}, reach {model.Reach} px");
            Assert.InRange(model.Reach, 2, ModelReach.ProbeSide / 2);
            Assert.Equal(entry.GetProperty("scale").GetInt32(), model.Scale);
            count++;
        }
        Assert.True(count > 0);
    }

    // Budgets that give 24–40-pixel cells, so the photo is cut into several. The overlap comes
    // from each model's measured reach (ours: reach 7 → 13 pixels; the RRDB model: reach 31 → 53);
    // at a fixed 32 the RRDB's tiles differed from one run by up to 1.1e-2 (mean 6e-4), at 43 by
    // 1.7e-3, which is what measuring the reach fixed.
    [Theory]
    [InlineData("enhance-faithful-x2", "coffee", 112, 8)]
    [InlineData("realesr-animevideov3-x2", "astronaut", 112, 24)]
    [InlineData("enhance-crisp-x4", "rocket", 64, 16)]
    [InlineData("realesrgan-x4plus-anime", "chelsea", 64, 40)]
    public void SmallModelTilesMatchOneTileOnARealPhoto(string name, string photoName, int side, int budgetMiB)
    {
        using var photo = Photo(photoName, 3, maxSide: side);
        using var lease = ModelCache.Acquire(Path.Combine(ModelsDir, name + ".onnx"), ExecutionProvider.Cpu);
        var oneCell = new UpscaleSettings { Model = lease.Model, MemoryBudgetMiB = 8192 };
        var smallCells = oneCell with { MemoryBudgetMiB = budgetMiB };
        int core = TiledInference.CoreSide(budgetMiB, lease.Model.Scale, TileLayout.OverlapFor(smallCells.TileOverlap, lease.Model.Reach));
        Assert.True(core < Math.Min(photo.Width, photo.Height), $"cells of {core} pixels would not cut a {photo.Width}×{photo.Height} photo");

        using var whole = RenderWhole(photo, oneCell);
        using var tiled = RenderWhole(photo, smallCells);

        double difference = QualityMetrics.MaxAbsoluteDifference(tiled, whole);
        output.WriteLine($"{name}: {core}-pixel cells, max |tiled − whole| = {difference:E2}, mean {QualityMetrics.MeanAbsoluteDifference(tiled, whole):E2}");
        Assert.True(difference <= 1e-3, $"tiles differ by up to {difference}");
    }
}
