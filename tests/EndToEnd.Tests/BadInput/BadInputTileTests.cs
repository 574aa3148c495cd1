using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// 16-pixel tiles on 8 threads give the same bits as one untiled render, for each node and the
/// chain (the model's cells sit on a fixed grid, Grain's noise is a function of position, and
/// Dehalo reads whole neighbourhoods): a host's tiling must never show. Upscale with a model asks
/// for whole frames (issue 17), so the host here tiles as the descriptor declared
/// (--descriptor-tiles: a host that never reads the instance's change), which is the case where
/// the kept cells must serve every tile exactly.
/// </summary>
public sealed class BadInputTileTests
{
    public static TheoryData<string> Pipelines() => new(BadInputPipelines.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void TilesOnThreadsAreBitIdenticalToOneRender(string pipeline)
    {
        var p = BadInputPipelines.Named(pipeline);
        string dir = BadInputOutcome.Folder("tiles", pipeline);
        string whole = Path.Combine(dir, "whole.tif"), tiled = Path.Combine(dir, "tiled.tif");
        string[] input = ["--input", BadInputCorpus.Image("plain.pfm")];
        var wholeRun = BadInputOutcome.Render(whole, [.. p.Nodes, .. input]);
        BadInputOutcome.AssertRendered(wholeRun, whole, 40 * p.Enlargement, 24 * p.Enlargement);
        var tiledRun = BadInputOutcome.Render(tiled, [.. p.Nodes, .. input, "--tile", "16", "--threads", "8", "--descriptor-tiles"], GpuRenderStats.Environment);
        int width = 40 * p.Enlargement, height = 24 * p.Enlargement;
        BadInputOutcome.AssertRendered(tiledRun, tiled, width, height);
        // Each node really rendered tile by tile (one stats line per render), or the comparison proves nothing.
        int nodes = p.Nodes.Count(a => a == "--node"), tiles = (width + 15) / 16 * ((height + 15) / 16);
        Assert.Equal(nodes * tiles, GpuRenderStats.Parse(tiledRun.StandardError).Count);
        using var a = ImageFiles.Load(whole, 4);
        using var b = ImageFiles.Load(tiled, 4);
        BadInputOutcome.AssertBitIdentical(a, b, $"{pipeline} with --tile 16 --threads 8");
    }
}
