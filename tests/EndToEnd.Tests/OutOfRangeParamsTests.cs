using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Whatever a host or a project file sends, Upscale's numbers stay inside their declared ranges
/// (issue 17): a scale of 0, -1, NaN or 1e-9 used to give an empty image with no message, and
/// 10000 was taken at its word (6.7 GB for a 1×1 input). Now each renders at the nearest end of
/// the range (NaN at the default), through the installed bundle.
/// </summary>
public sealed class OutOfRangeParamsTests
{
    private const string Node = "io.enhance.Upscale";

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-1", 1)]
    [InlineData("1e-9", 1)]
    [InlineData("nan", 2)]
    [InlineData("inf", 4)]
    [InlineData("10000", 4)]
    public void AnOutOfRangeScaleRendersAtTheNearestValidScale(string scale, int expected)
    {
        var dir = ReferenceHost.OutputFolder($"{nameof(AnOutOfRangeScaleRendersAtTheNearestValidScale)}-{scale}");
        string input = Path.Combine(dir, "in.png"), output = Path.Combine(dir, "out.tif");
        using (var photo = ImageFiles.Load(TestImages.Photo("chelsea"), 3, 40)) ImageFiles.Save(photo, input);
        var run = ReferenceHost.Run("render", "--node", Node, "--param", $"{Node}.scale={scale}", "--param", $"{Node}.model=0",
            "--input", input, "--output", output, "--output-format", "float");
        Assert.True(run.ExitCode == 0, run.Log);
        using var source = ImageFiles.Load(input, 3);
        using var result = ImageFiles.Load(output, 3);
        Assert.Equal((source.Width * expected, source.Height * expected), (result.Width, result.Height));
        Assert.All(result.Pixels.ToArray(), v => Assert.True(float.IsFinite(v)));
    }
}
