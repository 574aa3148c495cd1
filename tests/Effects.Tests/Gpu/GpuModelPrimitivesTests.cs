using System.Runtime.InteropServices;
using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The device model path's primitives (straight RGB, cell gather, cell blend, normalisation, zeroing)
/// against the CPU code they reproduce (UpscaleRenderer.StraightRgb, TiledInference.Gather /
/// AccumulateCell / Normalise, TransferFunctions.FromModel), on crops of real photographs, on OpenCL
/// (pocl) and CUDA where present (else its rows are skipped with the reason): max abs difference ≤ 1e-4.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuModelPrimitivesTests
{

    public static TheoryData<string, InputTransfer, bool, int> StraightCases => new()
    {
        { GpuBackends.OpenCl, InputTransfer.Display, true, 4 },
        { GpuBackends.OpenCl, InputTransfer.SceneLinear, true, 4 },
        { GpuBackends.OpenCl, InputTransfer.Display, false, 4 },
        { GpuBackends.OpenCl, InputTransfer.SceneLinear, true, 3 },
        { GpuBackends.Cuda, InputTransfer.SceneLinear, true, 4 },
        { GpuBackends.Cuda, InputTransfer.Display, false, 3 },
    };

    [Theory]
    [BackendRows(nameof(StraightCases), GpuBackends.OpenCl)]
    [BackendRows(nameof(StraightCases), GpuBackends.Cuda)]
    public void Straight_rgb_matches_the_Upscale_renderer(string backend, InputTransfer transfer, bool forModel, int channels)
    {
        using var session = GpuBackends.Open(backend);
        using var source = Hdr(channels == 4 ? PhotoCrops.WithAlphaRamp(PhotoCrops.Load("coffee", -6, 4, 90, 64)) : PhotoCrops.Load("coffee", -6, 4, 90, 64, 3));
        var region = new PixelRect(0, 10, 70, 60);
        using var expected = forModel ? ModelInput(source, region, transfer) : UpscaleRenderer.ClippedStraightRgb(source, region);

        var output = session.Allocate(region, 3);
        var encoding = !forModel ? PlanarEncoding.ModelDisplay : transfer == InputTransfer.SceneLinear ? PlanarEncoding.ModelSceneLinear : PlanarEncoding.ModelDisplay;
        session.Primitives.StraightRgb(session.Upload(source), output, encoding);
        using var actual = session.Download(output);

        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, ConformanceTolerance.For(backend, encoding));
    }

    /// <summary>What the CPU renderer shows the model over <paramref name="region"/> (its cell gather), as an RGB image.</summary>
    internal static FloatImage ModelInput(FloatImage source, PixelRect region, InputTransfer transfer)
    {
        var planes = new float[3 * region.Area];
        TiledInference.Gather(source, transfer, source.Bounds, region, planes);
        var image = new FloatImage(region, 3);
        int plane = (int)region.Area;
        for (int y = 0; y < region.Height; y++)
        {
            var row = image.Row(region.Y1 + y);
            for (int x = 0; x < region.Width; x++)
                for (int c = 0; c < 3; c++)
                    row[x * 3 + c] = planes[c * plane + y * region.Width + x];
        }
        return image;
    }

    public static TheoryData<string, PlanarElement> ElementCases => new()
    {
        { GpuBackends.OpenCl, PlanarElement.Float32 },
        { GpuBackends.OpenCl, PlanarElement.Float16 },
        { GpuBackends.Cuda, PlanarElement.Float32 },
        { GpuBackends.Cuda, PlanarElement.Float16 },
    };

    [Theory]
    [BackendRows(nameof(ElementCases), GpuBackends.OpenCl)]
    [BackendRows(nameof(ElementCases), GpuBackends.Cuda)]
    public void Gathering_a_cell_matches_the_tiled_inference_at_the_clip_edges(string backend, PlanarElement element)
    {
        using var session = GpuBackends.Open(backend);
        var layout = Layout();
        using var modelInput = PhotoCrops.Load("astronaut", layout.Definition.X1, layout.Definition.Y1, layout.Definition.Width, layout.Definition.Height, 3);
        var gpuInput = session.Upload(modelInput);
        var cells = layout.CellsFor(layout.ModelDefinition);
        // The first and last cells stick out of the definition on two sides each: the edge must repeat.
        foreach (var cell in new[] { cells[0], cells[^1] })
        {
            var input = cell.Input;
            Assert.False(layout.Definition.Contains(input));
            var planes = new float[3 * input.Area];
            TiledInference.Gather(modelInput, InputTransfer.Display, layout.Definition, input, planes);
            var tensor = session.Buffer(CpuPrimitives.PlanarByteSize(input, element));
            session.Primitives.GatherCell(gpuInput, layout.Definition, input, tensor.Handle, element);
            var actual = Floats(session.ReadBytes(tensor, tensor.Bytes), element);
            Assert.InRange(MaxDifference(AsElement(planes, element), actual), 0, ConformanceTolerance.Exact(backend));
        }
    }

    [Theory]
    [BackendRows(nameof(ElementCases), GpuBackends.OpenCl)]
    [BackendRows(nameof(ElementCases), GpuBackends.Cuda)]
    public void Blending_cells_in_grid_order_matches_the_tiled_inference(string backend, PlanarElement element)
    {
        using var session = GpuBackends.Open(backend);
        var layout = Layout();
        // A window of the model canvas that cuts cells on every side.
        var region = new PixelRect(37, 5, 121, 71);
        var cells = layout.CellsFor(region);
        Assert.True(cells.Count >= 4);
        int area = (int)region.Area;
        var sums = new float[3 * area];
        var weights = new float[area];
        var (sumBytes, weightBytes) = (3L * area * sizeof(float), (long)area * sizeof(float));
        var gpuSums = Filled(session, sumBytes);
        var gpuWeights = Filled(session, weightBytes);
        session.Primitives.Zero(gpuSums.Handle, sumBytes);
        session.Primitives.Zero(gpuWeights.Handle, weightBytes);

        string[] photos = ["chelsea", "rocket", "coffee", "astronaut", "YellowFlower", "Wood"];
        for (int i = 0; i < cells.Count; i++)
        {
            // Each cell's "model result" is a different photo, so a misplaced or mis-weighted cell shows.
            var result = ResultTensor(photos[i % photos.Length], layout.Enlarged(cells[i].Input), element);
            TiledInference.AccumulateCell(layout, cells[i], result, region, sums, weights, new float[layout.Enlarged(cells[i].Input).Width]);
            var tensor = session.Buffer(CpuPrimitives.PlanarByteSize(layout.Enlarged(cells[i].Input), element));
            session.Primitives.WriteBytes(Bytes(result, element), tensor.Handle);
            session.Primitives.AccumulateCell(tensor.Handle, element, CellBlend.For(layout, cells[i], region)!, gpuSums.Handle, gpuWeights.Handle, region);
        }
        Assert.InRange(MaxDifference(sums, Floats(session.ReadBytes(gpuSums, sumBytes), PlanarElement.Float32)), 0, ConformanceTolerance.Exact(backend));
        Assert.InRange(MaxDifference(weights, Floats(session.ReadBytes(gpuWeights, weightBytes), PlanarElement.Float32)), 0, ConformanceTolerance.Exact(backend));

        foreach (var transfer in new[] { InputTransfer.Display, InputTransfer.SceneLinear })
        {
            using var expected = new FloatImage(region, 3);
            TiledInference.Normalise(sums, weights, expected);
            for (int i = 0; i < expected.Pixels.Length; i++) expected.Pixels[i] = TransferFunctions.FromModel(expected.Pixels[i], transfer);
            var output = session.Allocate(region, 3);
            var encoding = transfer == InputTransfer.SceneLinear ? PlanarEncoding.ModelSceneLinear : PlanarEncoding.ModelDisplay;
            session.Primitives.NormaliseCells(gpuSums.Handle, gpuWeights.Handle, output, encoding);
            using var actual = session.Download(output);
            Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, ConformanceTolerance.For(backend, encoding));
        }
    }

    [Theory]
    [BackendRows(nameof(Backends), GpuBackends.OpenCl)]
    [BackendRows(nameof(Backends), GpuBackends.Cuda)]
    public void A_model_input_that_misses_a_cells_pixels_is_refused(string backend)
    {
        using var session = GpuBackends.Open(backend);
        var layout = Layout();
        var cell = layout.CellsFor(layout.ModelDefinition)[^1];
        // Half the definition: the last cell reads pixels the image does not hold.
        var d = layout.Definition;
        using var partial = PhotoCrops.Load("rocket", d.X1, d.Y1, d.Width / 2, d.Height / 2, 3);
        var tensor = session.Buffer(CpuPrimitives.PlanarByteSize(cell.Input, PlanarElement.Float32));
        var e = Assert.Throws<ArgumentException>(() =>
            session.Primitives.GatherCell(session.Upload(partial), d, cell.Input, tensor.Handle, PlanarElement.Float32));
        Assert.Contains("reads", e.Message);
    }

    [Theory]
    [BackendRows(nameof(Backends), GpuBackends.OpenCl)]
    [BackendRows(nameof(Backends), GpuBackends.Cuda)]
    public void A_blend_buffer_smaller_than_the_region_is_refused(string backend)
    {
        using var session = GpuBackends.Open(backend);
        var layout = Layout();
        var region = layout.ModelDefinition;
        var cell = layout.CellsFor(region)[0];
        var tensor = session.Buffer(CpuPrimitives.PlanarByteSize(layout.Enlarged(cell.Input), PlanarElement.Float32));
        var small = session.Buffer(region.Area * sizeof(float));  // one plane where the sums need three
        Assert.Throws<ArgumentException>(() => session.Primitives.AccumulateCell(tensor.Handle, PlanarElement.Float32,
            CellBlend.For(layout, cell, region)!, small.Handle, small.Handle, region));
    }

    public static TheoryData<string> Backends => GpuBackends.All;

    /// <summary>A ×2 layout with 24-pixel cores and an 8-pixel overlap over a 60 × 44 clip off the origin: 3 × 2 cells.</summary>
    internal static TileLayout Layout() => new(new PixelRect(5, -3, 65, 41), 2, 24, 8, null, null);

    /// <summary>Premultiplied values pushed above 1 (HDR), so the clipping to 0–1 is exercised.</summary>
    /// <summary>Values above 1, and a few a hostile host sends (NaN, ±inf), which must reach the model as 0 or 1 like on the CPU.</summary>
    private static FloatImage Hdr(FloatImage image)
    {
        var pixels = image.Pixels;
        int c = image.Channels;
        for (int i = 0; i < pixels.Length; i++)
            if (c == 3 || i % 4 != 3) pixels[i] *= 1.8f;
        float[] hostile = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        for (int k = 0; k < hostile.Length; k++) pixels[(37 + 101 * k) * c] = hostile[k];
        return image;
    }

    private static float[] ResultTensor(string photo, PixelRect area, PlanarElement element)
    {
        using var picture = PhotoCrops.Load(photo, area.X1, area.Y1, area.Width, area.Height, 3);
        var bytes = new byte[CpuPrimitives.PlanarByteSize(area, PlanarElement.Float32)];
        CpuPrimitives.ToPlanarRgb(picture, area, bytes, PlanarElement.Float32, topRowFirst: false);
        return AsElement(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), element);
    }

    /// <summary>The values as the element type holds them (fp16 rounds to nearest even).</summary>
    private static float[] AsElement(float[] values, PlanarElement element) =>
        element == PlanarElement.Float32 ? values : values.Select(v => (float)(Half)v).ToArray();

    private static byte[] Bytes(float[] values, PlanarElement element) => element == PlanarElement.Float32
        ? MemoryMarshal.AsBytes(values.AsSpan()).ToArray()
        : MemoryMarshal.AsBytes(values.Select(v => (Half)v).ToArray().AsSpan()).ToArray();

    private static float[] Floats(byte[] bytes, PlanarElement element) => element == PlanarElement.Float32
        ? MemoryMarshal.Cast<byte, float>(bytes).ToArray()
        : MemoryMarshal.Cast<byte, Half>(bytes).ToArray().Select(h => (float)h).ToArray();

    private static double MaxDifference(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double max = 0;
        for (int i = 0; i < expected.Length; i++) max = Math.Max(max, Math.Abs((double)expected[i] - actual[i]));
        return max;
    }

    /// <summary>A buffer full of a marker value, so Zero has something to clear.</summary>
    private static IDeviceBuffer Filled(GpuTestSession session, long bytes)
    {
        var buffer = session.Buffer(bytes);
        var marker = new float[bytes / sizeof(float)];
        Array.Fill(marker, -7f);
        session.Primitives.WriteBytes(MemoryMarshal.AsBytes(marker.AsSpan()), buffer.Handle);
        return buffer;
    }
}
