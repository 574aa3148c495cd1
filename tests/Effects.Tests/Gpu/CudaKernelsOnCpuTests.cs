using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Effects.Upscale;
using Enhance.TestSupport;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The CUDA kernels' C# bodies run on ILGPU's CPU accelerator (a GPU emulator: grids, blocks,
/// Grid.GlobalIndex), launched with the argument lists CudaPrimitives/CudaGrain pass, and compared
/// with the CPU effects on real photos. No GPU is needed, so this checks the kernels' indexing and
/// arithmetic on every machine; only PTX code generation and the driver calls are left to a GPU run.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class CudaKernelsOnCpuTests : IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly Context _context = Context.Create(b => b.CPU());
    private readonly CPUAccelerator _accelerator;
    private readonly List<IDisposable> _buffers = [];

    public CudaKernelsOnCpuTests() => _accelerator = _context.CreateCPUAccelerator(0);

    [Theory]
    [InlineData(2.0, 2.0, 4)]
    [InlineData(0.45, 1.7, 3)]
    public void Resample_kernels_match_the_CPU_resampler(double scaleX, double scaleY, int channels)
    {
        using var source = PhotoCrops.Load("astronaut", 7, -3, 60, 50, channels);
        var definition = source.Bounds;
        var output = new PixelRect(10, -4, 10 + (int)(60 * scaleX) - 5, -4 + (int)(50 * scaleY) - 3);
        using var expected = new FloatImage(output, channels);
        LanczosResampler.Resample(source, definition, expected, scaleX, scaleY);

        var plan = ResamplePlan.Create(new DeviceImage(1, source.Bounds, channels), definition, new DeviceImage(1, output, channels), scaleX, scaleY);
        var src = Buffer(source.Pixels.ToArray());
        var temp = Buffer(new float[plan.TempRows * plan.TempStride]);
        var dst = Buffer(new float[output.Area * channels]);
        Run(nameof(CudaKernels.ResampleHorizontal), output.Width * channels, plan.TempRows,
            src, source.Bounds.X1, source.Bounds.Y1, source.Stride, channels,
            temp, plan.TempFirstRow, plan.TempRows, output.Width,
            Buffer(plan.Horizontal.FirstSource), Buffer(plan.Horizontal.Weights), plan.Horizontal.TapCount);
        Run(nameof(CudaKernels.ResampleVertical), output.Width * channels, output.Height,
            temp, plan.TempFirstRow, plan.TempStride, dst, output.Width * channels, output.Width * channels, output.Height,
            Buffer(plan.Vertical.FirstSource), Buffer(plan.Vertical.Weights), plan.Vertical.TapCount);

        using var actual = Read(dst, output, channels);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);
    }

    [Fact]
    public void Detail_kernel_matches_the_Upscale_blend()
    {
        using var classical = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("coffee", 0, 0, 64, 40));
        using var model = PhotoCrops.Load("coffee", 0, 0, 64, 40, 3);
        using var reference = PhotoCrops.Load("chelsea", 0, 0, 64, 40, 3);
        using var expected = classical.Clone();
        CpuPrimitives.AddDetail(expected, model, reference, 1.3f, 0.06f);
        var dst = Buffer(classical.Pixels.ToArray());
        Run(nameof(CudaKernels.AddDetail), 64, 40, dst, 4, Buffer(model.Pixels.ToArray()), Buffer(reference.Pixels.ToArray()), 64, 40, 1.3f, 0.06f);
        using var actual = Read(dst, classical.Bounds, 4);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);
    }

    [Fact]
    public void Planar_kernel_with_scene_linear_encoding_matches_the_CPU()
    {
        using var source = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("rocket", 0, 0, 50, 30));
        var area = new PixelRect(3, 2, 47, 29);
        var expectedBytes = new byte[CpuPrimitives.PlanarByteSize(area, PlanarElement.Float32)];
        CpuPrimitives.ToPlanarRgb(source, area, expectedBytes, PlanarElement.Float32, true, PlanarEncoding.ModelSceneLinear);
        var expected = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(expectedBytes).ToArray();
        var planar = Buffer(new float[expected.Length]);
        Run(nameof(CudaKernels.ToPlanarFloat), area.Width, area.Height,
            Buffer(source.Pixels.ToArray()), 0, 0, source.Stride, 4, area.X1, area.Y1, area.Width, area.Height, 1, planar, (int)PlanarEncoding.ModelSceneLinear);
        var actual = planar.GetAsArray1D();
        Assert.InRange(expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max(), 0, Tolerance);
    }

    [Theory]
    [InlineData(GrainSpace.Linear, false)]
    [InlineData(GrainSpace.Log, true)]
    public void Grain_kernels_match_the_grain_renderer(GrainSpace space, bool monochrome)
    {
        var settings = new GrainSettings { Space = space, Monochrome = monochrome, Amount = 0.06, Saturation = 0.7 };
        using var source = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("Wood", 0, 0, 70, 50));
        var window = new PixelRect(4, 6, 66, 47);
        using var expected = new FloatImage(window, 4);
        GrainRenderer.Apply(source, expected, settings, null, 3.0, 720, 1.0);

        var plan = GrainGpuPlan.Create(settings, null, 3.0, 720, 1.0);
        int w = window.Width, h = window.Height, fieldCount = plan.Streams.Length, rows = h + plan.Taps.Length - 1;
        var taps = Buffer(plan.Taps);
        var filtered = Buffer(new float[fieldCount * rows * w]);
        var fields = Buffer(new float[fieldCount * w * h]);
        var dst = Buffer(new float[window.Area * 4]);
        Run(nameof(CudaGrainKernels.GrainHorizontal), w, rows, fieldCount,
            Buffer(plan.Streams), taps, plan.Taps.Length, window.X1, window.Y1, w, rows, GrainGpuPlan.NoiseScale, filtered);
        Run(nameof(CudaGrainKernels.GrainVertical), w, h, fieldCount, filtered, taps, plan.Taps.Length, w, h, fields);
        Run(nameof(CudaGrainKernels.GrainCombine), w, h,
            Buffer(source.Pixels.ToArray()), 0, 0, source.Stride, dst, window.X1, window.Y1, 4,
            fields, fieldCount, w, h, Buffer(plan.Table), plan.LogSpace ? 1 : 0, 0,
            plan.Saturation, plan.MixNormaliser, GrainGpuPlan.LogOfToe, GrainGpuPlan.LogRange, GrainGpuPlan.SlopeAtBlack);

        using var actual = Read(dst, window, 4);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);
    }

    [Fact]
    public void Straight_rgb_kernel_matches_the_Upscale_renderer()
    {
        using var source = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("coffee", -4, 2, 64, 40));
        var region = new PixelRect(0, 5, 55, 40);
        using var expected = GpuModelPrimitivesTests.ModelInput(source, region, InputTransfer.SceneLinear);
        var dst = Buffer(new float[region.Area * 3]);
        Run(nameof(CudaModelKernels.StraightRgb), region.Width, region.Height,
            Buffer(source.Pixels.ToArray()), source.Bounds.X1, source.Bounds.Y1, source.Stride, 4,
            dst, region.X1, region.Y1, region.Width, region.Height, (int)PlanarEncoding.ModelSceneLinear);
        using var actual = Read(dst, region, 3);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gather_kernels_match_the_tiled_inference_at_the_clip_edge(bool half)
    {
        var layout = GpuModelPrimitivesTests.Layout();
        var d = layout.Definition;
        using var modelInput = PhotoCrops.Load("astronaut", d.X1, d.Y1, d.Width, d.Height, 3);
        var input = layout.CellsFor(layout.ModelDefinition)[^1].Input;
        var expected = new float[3 * input.Area];
        TiledInference.Gather(modelInput, InputTransfer.Display, d, input, expected);
        object[] args = [Buffer(modelInput.Pixels.ToArray()), d.X1, d.Y1, modelInput.Stride, d.X1, d.Y1, d.X2, d.Y2,
                         input.X1, input.Y1, input.Width, input.Height];
        float[] actual;
        if (half)
        {
            var planar = Buffer(new ILGPU.Half[expected.Length]);
            Run(nameof(CudaModelKernels.GatherCellHalf), input.Width, input.Height, [.. args, planar]);
            actual = planar.GetAsArray1D().Select(h => (float)h).ToArray();
            expected = expected.Select(v => (float)(System.Half)v).ToArray();
        }
        else
        {
            var planar = Buffer(new float[expected.Length]);
            Run(nameof(CudaModelKernels.GatherCellFloat), input.Width, input.Height, [.. args, planar]);
            actual = planar.GetAsArray1D();
        }
        // ILGPU's CPU emulation of float → half does not round to nearest even (PTX's cvt.rn.f16.f32
        // does; the OpenCL conformance test checks the rounding exactly): allow one fp16 step at 0–1.
        Assert.InRange(expected.Zip(actual, (a, b) => Math.Abs(a - b)).Max(), 0, half ? 1.0 / 2048 : Tolerance);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Blend_kernels_match_the_tiled_inference(bool half)
    {
        var layout = GpuModelPrimitivesTests.Layout();
        var region = new PixelRect(37, 5, 121, 71);
        int area = (int)region.Area;
        var sums = new float[3 * area];
        var weights = new float[area];
        var gpuSums = Buffer(new float[3 * area]);
        var gpuWeights = Buffer(new float[area]);
        string[] photos = ["chelsea", "rocket", "coffee", "astronaut"];
        var cells = layout.CellsFor(region);
        for (int i = 0; i < cells.Count; i++)
        {
            var res = layout.Enlarged(cells[i].Input);
            using var picture = PhotoCrops.Load(photos[i % photos.Length], res.X1, res.Y1, res.Width, res.Height, 3);
            var bytes = new byte[CpuPrimitives.PlanarByteSize(res, PlanarElement.Float32)];
            CpuPrimitives.ToPlanarRgb(picture, res, bytes, PlanarElement.Float32, topRowFirst: false);
            var result = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
            // An fp16 model's result: the CPU blends the halves' exact float values.
            if (half) result = result.Select(v => (float)(System.Half)v).ToArray();
            TiledInference.AccumulateCell(layout, cells[i], result, region, sums, weights, new float[res.Width]);
            var blend = CellBlend.For(layout, cells[i], region)!;
            // The same fp16 bit patterns on both sides (ILGPU.Half is the 16-bit IEEE layout too).
            object tensor = half
                ? Buffer(System.Runtime.InteropServices.MemoryMarshal.Cast<System.Half, ILGPU.Half>(result.Select(v => (System.Half)v).ToArray()).ToArray())
                : Buffer(result);
            Run(half ? nameof(CudaModelKernels.AccumulateCellHalf) : nameof(CudaModelKernels.AccumulateCellFloat), blend.Reach.Width, blend.Reach.Height,
                tensor, res.X1, res.Y1, res.Width, (int)res.Area,
                blend.Reach.X1, blend.Reach.Y1, blend.Reach.Width, blend.Reach.Height, Buffer(blend.RowWeights), Buffer(blend.ColumnWeights),
                gpuSums, gpuWeights, region.X1, region.Y1, region.Width, area);
        }
        using var expected = new FloatImage(region, 3);
        TiledInference.Normalise(sums, weights, expected);
        for (int i = 0; i < expected.Pixels.Length; i++) expected.Pixels[i] = TransferFunctions.FromModel(expected.Pixels[i], InputTransfer.SceneLinear);
        var dst = Buffer(new float[3 * area]);
        Run(nameof(CudaModelKernels.NormaliseCells), region.Width, region.Height,
            gpuSums, gpuWeights, dst, region.Width, region.Height, (int)PlanarEncoding.ModelSceneLinear);
        using var actual = Read(dst, region, 3);
        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, Tolerance);
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Buffer<T>(T[] data) where T : unmanaged
    {
        var buffer = _accelerator.Allocate1D(data);
        _buffers.Add(buffer);
        return buffer;
    }

    private void Run(string kernel, long width, long height, params object[] args) => Run(kernel, width, height, 1, args);

    /// <summary>
    /// Launches like CudaPrimitives (enough blocks to cover the range, threads past it return early),
    /// with 8 × 2 blocks: the CPU accelerator allows 16 threads a group, and the kernels depend only on the global index.
    /// </summary>
    private void Run(string kernel, long width, long height, long depth, params object[] args)
    {
        var launched = _accelerator.LoadKernel(PtxCompiler.KernelMethod(kernel));
        var config = new KernelConfig(new Index3D((int)((width + 7) / 8), (int)((height + 1) / 2), (int)depth), new Index3D(8, 2, 1));
        var values = args.Select(a => a switch
        {
            MemoryBuffer1D<float, Stride1D.Dense> f => (object)(ArrayView<float>)f.View,
            MemoryBuffer1D<int, Stride1D.Dense> i => (ArrayView<int>)i.View,
            MemoryBuffer1D<uint, Stride1D.Dense> u => (ArrayView<uint>)u.View,
            MemoryBuffer1D<ILGPU.Half, Stride1D.Dense> h => (ArrayView<ILGPU.Half>)h.View,
            _ => a,
        }).ToArray();
        launched.Launch(_accelerator.DefaultStream, config, values);
        _accelerator.Synchronize();
    }

    private static FloatImage Read(MemoryBuffer1D<float, Stride1D.Dense> buffer, PixelRect bounds, int channels)
    {
        var image = new FloatImage(bounds, channels);
        buffer.GetAsArray1D().AsSpan(0, image.Pixels.Length).CopyTo(image.Pixels);
        return image;
    }

    public void Dispose()
    {
        foreach (var b in _buffers) b.Dispose();
        _accelerator.Dispose();
        _context.Dispose();
    }
}
