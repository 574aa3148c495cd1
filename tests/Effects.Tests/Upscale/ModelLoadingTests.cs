using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;
using static Enhance.Effects.Tests.Upscale.UpscaleFixtures;

namespace Enhance.Effects.Tests.Upscale;

public class ModelLoadingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(2, false)]
    [InlineData(4, false)]
    [InlineData(2, true)]
    public void ScaleAndElementTypeAreReadFromTheModel(int scale, bool fp16)
    {
        string path = scale == 4 ? X4 : fp16 ? X2Half : X2;
        using var model = SuperResolutionModel.Load(path, ExecutionProvider.Cpu);
        Assert.Equal(scale, model.Scale);
        Assert.Equal(fp16, model.IsFloat16);
        Assert.Null(model.FixedInputHeight);
        Assert.Equal(ExecutionProvider.Cpu, model.Provider);
    }

    [Fact]
    public void FixedInputSizeIsReported()
    {
        using var model = SuperResolutionModel.Load(X2Fixed48, ExecutionProvider.Cpu);
        Assert.Equal(2, model.Scale);
        Assert.Equal(48, model.FixedInputHeight);
        Assert.Equal(48, model.FixedInputWidth);
    }

    [Theory]
    [InlineData(false, 1e-5)]
    [InlineData(true, 4e-3)]
    public void RunComputesWhatTheModelSays(bool fp16, double tolerance)
    {
        // A real photo through ONNX Runtime, against the same convolution done in C#.
        using var model = SuperResolutionModel.Load(fp16 ? X2Half : X2, ExecutionProvider.Cpu);
        using var photo = Photo("chelsea", 3, maxSide: 40);
        int h = photo.Height, w = photo.Width;
        var planes = new float[3 * h * w];
        var grid = new float[3, h, w];
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
                for (int c = 0; c < 3; c++)
                    planes[(c * h + y) * w + x] = grid[c, y, x] = photo.At(x, y, c);
        var result = new float[3 * h * w * 4];

        model.Run(planes, h, w, result);

        var expected = OnnxTestModels.ReferenceUpsample(grid, 2);
        double worst = 0;
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < 2 * h; y++)
                for (int x = 0; x < 2 * w; x++)
                    worst = Math.Max(worst, Math.Abs(result[(c * 2 * h + y) * 2 * w + x] - expected[c, y, x]));
        Assert.True(worst <= tolerance, $"largest difference {worst}");
    }

    public static TheoryData<string, string> BrokenModels => new()
    {
        { "garbage", "not a valid ONNX model" },
        { "truncated", "not a valid ONNX model" },
        { "single-channel", "1 channel; expected 3 (RGB)" },
        { "three-dimensional", "3 dimensions" },
        { "future-opset", "operator set" },
        { "missing", "does not exist" },
    };

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public void BrokenModelsAreRefusedWithASentenceNamingTheProblem(string kind, string expectedWords)
    {
        string path = kind switch
        {
            "garbage" => OnnxTestModels.Save(OnnxTestModels.Garbage(), "garbage.onnx"),
            "truncated" => OnnxTestModels.Save(OnnxTestModels.Truncated(), "truncated.onnx"),
            "single-channel" => OnnxTestModels.Save(OnnxTestModels.SingleChannelModel(), "grey.onnx"),
            "three-dimensional" => OnnxTestModels.Save(OnnxTestModels.ThreeDimensionalInputModel(), "chw.onnx"),
            "future-opset" => OnnxTestModels.Save(OnnxTestModels.FutureOpsetModel(), "opset99.onnx"),
            _ => Path.Combine(Path.GetTempPath(), "enhance-no-such-model.onnx"),
        };

        var e = Assert.Throws<ModelLoadException>(() => SuperResolutionModel.Load(path, ExecutionProvider.Cpu));

        output.WriteLine(e.Message);
        Assert.Contains(expectedWords, e.Message);
        Assert.Contains(Path.GetFileName(path), e.Message);
        Assert.EndsWith(".", e.Message.TrimEnd(')'));
    }

    [Fact]
    public void ABrokenModelInTheRendererFailsWithTheSameMessage()
    {
        string path = OnnxTestModels.Save(OnnxTestModels.Garbage(), "garbage.onnx");
        var e = Assert.Throws<ModelLoadException>(() => ModelCache.Acquire(path, ExecutionProvider.Cpu));
        Assert.Contains("not a valid ONNX model", e.Message);
    }

    [Fact]
    public void ExecutionProviderResolvesToOneThatRunsHere()
    {
        Assert.Equal(ExecutionProvider.Cpu, ExecutionProviderSelector.Resolve(ExecutionProvider.Cpu));
        var auto = ExecutionProviderSelector.Resolve(ExecutionProvider.Auto);
        Assert.Equal(ExecutionProviderSelector.IsCudaAvailable ? ExecutionProvider.Cuda : ExecutionProvider.Cpu, auto);
        using var model = SuperResolutionModel.Load(X2, ExecutionProvider.Auto);
        using var image = new FloatImage(PixelRect.FromSize(8, 8), 3);
        var result = new float[3 * 16 * 16];
        model.Run(new float[3 * 64], 8, 8, result);
        Assert.All(result, v => Assert.Equal(0f, v));
    }
}
