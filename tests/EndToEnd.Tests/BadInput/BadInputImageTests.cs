using Xunit;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// Every picture of the corpus through every node alone and through the chain: a whole, finite
/// frame of the promised size comes out (1-pixel frames, zero or negative alpha, negatives,
/// subnormals, 1e30 and ±3e38 samples), and Grain's Match original meets hostile plates.
/// </summary>
public sealed class BadInputImageTests
{
    /// <summary>Image → its size (the generator's sizes; 40×24 unless listed).</summary>
    private static readonly Dictionary<string, (int Width, int Height)> Sizes = new()
    {
        ["one-pixel.pfm"] = (1, 1), ["one-row.pfm"] = (37, 1), ["one-column.pfm"] = (1, 29),
    };

    private static readonly string[] Images =
    [
        "one-pixel.pfm", "one-row.pfm", "one-column.pfm", "negative.pfm", "subnormal.pfm", "zero-alpha.exr", "negative-alpha.tif",
        "huge-1e30.pfm", "huge-1e30.tif", "plus-minus-3e38.pfm",
        "nan-samples.pfm", "nan-samples.exr", "all-nan.pfm", "nan-alpha.exr", "plus-inf-samples.pfm", "minus-inf-samples.pfm",
    ];

    /// <summary>
    /// Fail today (issue 17, see tests/BadInput/README.md): NaN or ±Inf samples come out as NaN
    /// (Lanczos and Dehalo spread one NaN sample over a 17×17 patch; Grain passes them through),
    /// 1e30 makes Dehalo's output NaN, and ±3e38 overflows Lanczos into ±Inf and NaN.
    /// </summary>
    private static bool IsOpen(string image, string pipeline) => image switch
    {
        "nan-samples.pfm" or "nan-samples.exr" or "all-nan.pfm" or "nan-alpha.exr" or "plus-inf-samples.pfm" or "minus-inf-samples.pfm" => true,
        "huge-1e30.pfm" or "huge-1e30.tif" => pipeline is "dehalo" or "chain",
        "plus-minus-3e38.pfm" => pipeline != "grain",
        _ => false,
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var image in Images)
            foreach (var pipeline in BadInputPipelines.All)
                if (!IsOpen(image, pipeline.Name) || BadInputOutcome.IncludeOpenCases)
                    data.Add(image, pipeline.Name);
        return data;
    }

    /// <summary>Plates Grain is asked to measure; the source is the plain picture.</summary>
    private static readonly string[] PlateImages =
        ["all-nan.pfm", "nan-samples.pfm", "plus-inf-samples.pfm", "huge-1e30.pfm", "one-pixel.pfm", "zero-alpha.exr"];

    public static TheoryData<string> Plates() => new(PlateImages);

    public static IEnumerable<string> Covered => Images.Concat(PlateImages);

    [Theory]
    [MemberData(nameof(Cases))]
    public void AHostilePictureComesOutWholeAndFinite(string image, string pipeline)
    {
        var p = BadInputPipelines.Named(pipeline);
        string dir = BadInputOutcome.Folder("images", $"{image}-{pipeline}"), output = Path.Combine(dir, "out.tif");
        var run = BadInputOutcome.Render(output, [.. p.Nodes, "--input", BadInputCorpus.Image(image)]);
        var (w, h) = Sizes.GetValueOrDefault(image, (40, 24));
        BadInputOutcome.AssertRendered(run, output, w * p.Enlargement, h * p.Enlargement);
    }

    [Theory]
    [MemberData(nameof(Plates))]
    public void GrainMatchingAHostilePlateWarnsAndRendersTheSourceFinite(string plate)
    {
        const string Grain = BadInputPipelines.Grain;
        string dir = BadInputOutcome.Folder("grain-plates", plate), output = Path.Combine(dir, "out.tif");
        var run = BadInputOutcome.Render(output,
        [
            "--node", Grain, "--param", $"{Grain}.matchSource=true", "--input-clip", $"{Grain}.Original={BadInputCorpus.Image(plate)}",
            "--input", BadInputCorpus.Image("plain.pfm"),
        ]);
        BadInputOutcome.AssertRendered(run, output, 40, 24);
        // The plate was read and judged: nothing measurable in it, and the node says so.
        Assert.Contains("[ofx WARNING] io.enhance.Grain", run.StandardError);
        Assert.Contains("found no grain to measure in the Original input", run.StandardError);
    }
}
