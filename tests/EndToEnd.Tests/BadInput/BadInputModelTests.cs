using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// Every broken model of the corpus, as Upscale's Custom model file: the render is refused with a
/// sentence that names the file (so the case really reached the model, not a default), says
/// what is wrong with it, and says what to do (choose another model or Classical).
/// </summary>
public sealed class BadInputModelTests
{
    /// <summary>Model file → words the refusal must hold besides the file name and the advice; null: a render or a refusal, either is fine.</summary>
    private static readonly Dictionary<string, string[]?> Expected = new()
    {
        ["nan-log-of-negative.onnx"] = ["NaN"],
        ["nan-zero-over-zero.onnx"] = ["NaN"],
        ["inf-divide-by-zero.onnx"] = ["infinite"],
        ["huge-times-1e30.onnx"] = ["far outside 0–1"],
        ["one-channel-input.onnx"] = ["1 channel", "expected 3"],
        ["four-channel-output.onnx"] = ["4 channels", "expected 3"],
        ["rank-3-input.onnx"] = ["3 dimensions", "expected 4"],
        ["rank-5-output.onnx"] = ["5 dimensions", "expected 4"],
        ["vector-graph.onnx"] = ["has 1 dimension [16]", "expected 4"],
        ["scale-one-and-a-half.onnx"] = ["16×16", "24×24", "whole-number enlargement"],
        ["scale-one-half.onnx"] = ["16×16", "8×8", "whole-number enlargement"],
        ["opset-99.onnx"] = ["operator set 99", "export it again"],
        ["ir-version-99.onnx"] = ["file format version 99", "export it again"],
        ["directory.onnx"] = ["is a folder"],
        ["fixed-input-1x1.onnx"] = ["1×1-pixel", "too small to work in tiles"],
        ["fixed-input-4x4.onnx"] = ["4×4-pixel", "too small to work in tiles"],
        ["truncated-half.onnx"] = ["not a valid ONNX model"],
        ["text-not-onnx.onnx"] = ["not a valid ONNX model"],
        ["empty.onnx"] = ["empty"],
        ["missing.onnx"] = ["does not exist"], // not generated: the path a moved project leaves behind
        // Damaged copies of a real network (fixed seeds): bytes anywhere (the parser or ONNX
        // Runtime's graph checks refuse them), or weights only (the file loads and the network
        // computes NaN or 1e29). Either outcome is fine as long as it is one of the two.
        ["fuzzed-bytes-seed-1.onnx"] = null,
        ["fuzzed-bytes-seed-2.onnx"] = null,
        ["fuzzed-bytes-seed-3.onnx"] = null,
        ["fuzzed-bytes-seed-4.onnx"] = null,
        ["fuzzed-weights-seed-1.onnx"] = null,
        ["fuzzed-weights-seed-2.onnx"] = null,
        ["fuzzed-weights-seed-3.onnx"] = null,
        ["fuzzed-weights-seed-4.onnx"] = null,
    };

    public static TheoryData<string> Models()
    {
        var data = new TheoryData<string>();
        foreach (var name in Expected.Keys) data.Add(name);
        return data;
    }

    /// <summary>A valid ×2 model that only takes 8×8 pictures: the node must tile the frame for it.</summary>
    private const string FixedSizeModel = "fixed-input-8x8.onnx";

    /// <summary>Every model file the corpus holds, and the one it deliberately does not.</summary>
    public static IEnumerable<string> Covered => Expected.Keys.Append(FixedSizeModel);

    [Theory]
    [MemberData(nameof(Models))]
    public void ABrokenModelIsRefusedWithASentenceNamingIt(string model)
    {
        string dir = BadInputOutcome.Folder("models", model), output = Path.Combine(dir, "out.tif");
        var run = RenderWith(model, output);
        var words = Expected[model];
        if (words is null && run.ExitCode == 0)
        {
            BadInputOutcome.AssertRendered(run, output, 80, 48);
            return;
        }
        BadInputOutcome.AssertRefused(run, output, [$"'{model}'", "cannot be used", "Choose another model, or set Model to Classical", .. words ?? []]);
    }

    [Fact]
    public void AModelWithASmallFixedInputIsTiledAndReallyUsed()
    {
        string dir = BadInputOutcome.Folder("models", FixedSizeModel);
        string output = Path.Combine(dir, "out.tif"), classical = Path.Combine(dir, "classical.tif");
        BadInputOutcome.AssertRendered(RenderWith(FixedSizeModel, output), output, 80, 48);
        var classicalRun = BadInputOutcome.Render(classical, [.. BadInputPipelines.UpscaleClassical.Nodes, "--input", BadInputCorpus.Image("plain.pfm")]);
        BadInputOutcome.AssertRendered(classicalRun, classical, 80, 48);
        // The model is a nearest-neighbour ×2: if the node fell back to Lanczos, the two would agree.
        using var a = ImageFiles.Load(output, 4);
        using var b = ImageFiles.Load(classical, 4);
        Assert.True(QualityMetrics.MaxAbsoluteDifference(a, b) > 0.01, "the fixed-size model's render equals the classical one: the model was not used");
    }

    private static HostRun RenderWith(string model, string output) => BadInputOutcome.Render(output,
    [
        "--node", BadInputPipelines.Upscale, "--param", $"{BadInputPipelines.Upscale}.model=Custom model file",
        "--param", $"{BadInputPipelines.Upscale}.customModel={BadInputCorpus.Model(model)}", "--input", BadInputCorpus.Image("plain.pfm"),
    ]);
}
