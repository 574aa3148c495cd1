using System.Text.Json;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// The models this repository trains (tools/models/train) ship as exported: the ONNX file in the
/// bundle's model folder must compute what the PyTorch network computed on real validation crops
/// (the fixture export.py wrote beside the model, with PyTorch's output) to within 1e-4, and the
/// fp16 copy must be the same network with its weights rounded to half precision.
/// </summary>
public sealed class TrainedModelExportTests(ITestOutputHelper output)
{
    private static string TrainedFolder => Path.Combine(RepoPaths.Root, "tools", "models", "train", "models");

    public static TheoryData<string> TrainedModels() =>
        [.. BundledModels.All.Where(e => e.Name.StartsWith("enhance-", StringComparison.Ordinal) && !e.Name.EndsWith("-fp16", StringComparison.Ordinal))
            .Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(TrainedModels))]
    public void TheShippedOnnxEqualsPyTorchOnRealCrops(string model)
    {
        var entry = BundledModels.Get(model);
        var (side, crops) = Fixture(model, entry.Scale);
        using var session = new InferenceSession(BundledModels.PathOf(model));
        foreach (var (input, expected) in crops)
        {
            var result = Run(session, input, side);
            double worst = result.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
            output.WriteLine($"{model}: max |ONNX − PyTorch| = {worst:E2} over {expected.Length} values");
            Assert.True(worst <= 1e-4, $"{model}: the ONNX file differs from PyTorch by up to {worst:E2}.");
        }
    }

    [Theory]
    [MemberData(nameof(TrainedModels))]
    public void TheFp16CopyIsTheSameNetworkInHalfPrecision(string model)
    {
        // ONNX Runtime's CPU provider has no float16 convolution on x64, so the copy runs here with
        // its weights widened back to float: the same graph and weights to half precision. The
        // fp16 arithmetic itself runs on the GPU.
        var entry = BundledModels.Get(model);
        var (side, crops) = Fixture(model, entry.Scale);
        using var session = new InferenceSession(OnnxHalfToFloat.Widen(BundledModels.PathOf(model + "-fp16")));
        foreach (var (input, expected) in crops)
        {
            var result = Run(session, input, side);
            double worst = result.Zip(expected, (a, b) => Math.Abs(a - b)).Max();
            output.WriteLine($"{model}-fp16 (weights widened): max |ONNX − PyTorch| = {worst:E2}");
            Assert.True(worst <= 4e-3, $"{model}-fp16 differs from the fp32 network by up to {worst:E2}.");
        }
    }

    private static float[] Run(InferenceSession session, float[] input, int side)
    {
        var tensor = new DenseTensor<float>(input, [1, 3, side, side]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", tensor)]);
        return [.. results.First(r => r.Name == "output").AsTensor<float>()];
    }

    private static (int Side, List<(float[] Input, float[] Output)> Crops) Fixture(string model, int scale)
    {
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(TrainedFolder, "fixtures", model + ".json")));
        int side = meta.RootElement.GetProperty("side").GetInt32();
        Assert.Equal(scale, meta.RootElement.GetProperty("scale").GetInt32());
        var bytes = File.ReadAllBytes(Path.Combine(TrainedFolder, "fixtures", model + ".f32"));
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        int inCount = 3 * side * side, outCount = inCount * scale * scale;
        Assert.True(values.Length % (inCount + outCount) == 0 && values.Length > 0, $"{model}: fixture size does not match its description.");
        var crops = new List<(float[], float[])>();
        for (int at = 0; at < values.Length; at += inCount + outCount)
            crops.Add((values[at..(at + inCount)], values[(at + inCount)..(at + inCount + outCount)]));
        return (side, crops);
    }
}
