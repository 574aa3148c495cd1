using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Non-square pixels (issue 16): a host rendering PAL DV (720×576 pixels of 768/720) or anamorphic
/// footage speaks canonical coordinates that are wider than the pixels. Every node works in pixels,
/// so the picture through the bundle must be the same as with square pixels, at the same pixel
/// size — Dehalo used to fail ("Source (0,0)-(720,576) does not cover the required input") and
/// Upscale and Grain read the wrong regions.
/// </summary>
public sealed class PixelAspectTests
{
    public static TheoryData<string, string, int> Nodes => new()
    {
        { "upscale-classical", "io.enhance.Upscale,model=0,scale=2", 2 },
        { "upscale-model", "io.enhance.Upscale,scale=2", 2 },
        { "dehalo", "io.enhance.Dehalo,strength=1", 1 },
        { "grain", "io.enhance.Grain", 1 },
    };

    [Theory]
    [MemberData(nameof(Nodes))]
    public void NonSquarePixelsGiveTheSquarePixelPicture(string name, string node, int scale)
    {
        var dir = ReferenceHost.OutputFolder($"{nameof(NonSquarePixelsGiveTheSquarePixelPicture)}-{name}");
        string input = Path.Combine(dir, "in.png");
        using (var photo = ImageFiles.Load(TestImages.Photo("coffee"), 3, 90)) ImageFiles.Save(photo, input);
        using var source = ImageFiles.Load(input, 3);

        using var square = Render(dir, "square.tif", input, node, "1");
        foreach (var aspect in new[] { "1.0666667", "2", "0.9" })
        {
            using var wide = Render(dir, $"par-{aspect}.tif", input, node, aspect);
            Assert.Equal((source.Width * scale, source.Height * scale), (wide.Width, wide.Height));
            Assert.Equal(0.0, QualityMetrics.MaxAbsoluteDifference(square, wide));
        }
    }

    private static Enhance.Effects.Imaging.FloatImage Render(string dir, string file, string input, string node, string aspect)
    {
        var parts = node.Split(',');
        var arguments = new List<string> { "render", "--node", parts[0], "--input", input, "--output", Path.Combine(dir, file),
                                           "--output-format", "float", "--pixel-aspect", aspect };
        foreach (var p in parts.Skip(1)) arguments.AddRange(["--param", $"{parts[0]}.{p}"]);
        var run = ReferenceHost.Run([.. arguments]);
        Assert.True(run.ExitCode == 0, run.Log);
        return ImageFiles.Load(Path.Combine(dir, file), 3);
    }
}
