using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The same cases on the CPU reference and on each GPU backend (OpenCL on pocl always; CUDA where
/// this machine has it), on crops of real photographs: every GPU result must match the CPU within
/// 1e-4 (max abs difference), and must write every pixel it owns (buffers start filled with −7).
/// On a machine without CUDA the CUDA rows are skipped with the reason (<see cref="BackendRowsAttribute"/>).
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuConformanceTests
{

    public static TheoryData<string> Backends => GpuBackends.All;

    public static TheoryData<string, double, double, int> ResampleCases => new()
    {
        { GpuBackends.OpenCl, 2.0, 2.0, 4 },
        { GpuBackends.OpenCl, 2.5, 2.5, 4 },
        { GpuBackends.OpenCl, 3.7, 1.3, 3 },
        { GpuBackends.OpenCl, 0.5, 0.5, 4 },
        { GpuBackends.OpenCl, 0.37, 0.8, 1 },
        { GpuBackends.Cuda, 2.0, 2.0, 4 },
        { GpuBackends.Cuda, 3.7, 1.3, 3 },
        { GpuBackends.Cuda, 0.37, 0.8, 1 },
    };

    [Theory]
    [BackendRows(nameof(ResampleCases), GpuBackends.OpenCl)]
    [BackendRows(nameof(ResampleCases), GpuBackends.Cuda)]
    public void Resample_matches_the_CPU_resampler_on_a_photo(string backend, double scaleX, double scaleY, int channels)
    {
        using var session = GpuBackends.Open(backend);
        // Source bounds off the origin and a definition equal to them: edge clamping is exercised on all four sides.
        using var source = PhotoCrops.Load("astronaut", 17, -9, 96, 80, channels);
        var definition = source.Bounds;
        var output = new PixelRect((int)Math.Floor(definition.X1 * scaleX), (int)Math.Floor(definition.Y1 * scaleY),
                                   (int)Math.Ceiling(definition.X2 * scaleX), (int)Math.Ceiling(definition.Y2 * scaleY));
        using var expected = new FloatImage(output, channels);
        LanczosResampler.Resample(source, definition, expected, scaleX, scaleY);

        var gpuSource = session.Upload(source);
        var gpuOutput = session.Allocate(output, channels);
        session.Primitives.Resample(gpuSource, definition, gpuOutput, scaleX, scaleY);
        using var actual = session.Download(gpuOutput);

        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, ConformanceTolerance.Exact(backend));
    }

    [Theory]
    [BackendRows(nameof(Backends), GpuBackends.OpenCl)]
    [BackendRows(nameof(Backends), GpuBackends.Cuda)]
    public void Resample_of_a_tile_from_a_partial_source_matches_the_CPU(string backend)
    {
        using var session = GpuBackends.Open(backend);
        using var full = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("coffee", 0, 0, 120, 90));
        var definition = full.Bounds;
        const double scale = 2.0;
        var tile = new PixelRect(50, 40, 170, 121);
        var required = LanczosResampler.RequiredSourceRegion(tile, scale, scale, definition);
        using var partial = new FloatImage(required, 4);
        partial.CopyFrom(full);
        using var expected = new FloatImage(tile, 4);
        LanczosResampler.Resample(full, definition, expected, scale, scale);

        var gpuSource = session.Upload(partial);
        var gpuTile = session.Allocate(tile, 4);
        session.Primitives.Resample(gpuSource, definition, gpuTile, scale, scale);
        using var actual = session.Download(gpuTile);

        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, ConformanceTolerance.Exact(backend));
    }

    [Fact]
    public void Concurrent_renders_on_one_host_queue_each_match_the_CPU()
    {
        // Hosts render several frames at once; each render makes its own kernel objects, so
        // arguments set on one thread never leak into another's launch.
        using var host = new OpenClTestHost();
        var photos = new[] { "astronaut", "coffee", "chelsea", "rocket" };
        var differences = new double[photos.Length];
        Parallel.For(0, photos.Length, new ParallelOptions { MaxDegreeOfParallelism = photos.Length }, i =>
        {
            var primitives = new GpuPrimitives(Enhance.Effects.Gpu.OpenCl.OpenClDevice.FromHostQueue(host.Queue));
            using var session = new GpuTestSession(primitives, null);
            using var source = PhotoCrops.Load(photos[i], 0, 0, 64, 48);
            var output = PixelRect.FromSize(128, 96);
            using var expected = new FloatImage(output, 4);
            LanczosResampler.Resample(source, source.Bounds, expected, 2, 2);
            var gpuOutput = session.Allocate(output, 4);
            session.Primitives.Resample(session.Upload(source), source.Bounds, gpuOutput, 2, 2);
            using var actual = session.Download(gpuOutput);
            differences[i] = QualityMetrics.MaxAbsoluteDifference(expected, actual);
        });
        Assert.All(differences, d => Assert.InRange(d, 0, ConformanceTolerance.Exact(GpuBackends.OpenCl)));
    }

    [Theory]
    [BackendRows(nameof(Backends), GpuBackends.OpenCl)]
    [BackendRows(nameof(Backends), GpuBackends.Cuda)]
    public void Resample_rejects_a_source_that_misses_the_required_region(string backend)
    {
        using var session = GpuBackends.Open(backend);
        using var source = PhotoCrops.Load("chelsea", 0, 0, 40, 40);
        var gpuSource = session.Upload(source);
        var gpuOutput = session.Allocate(PixelRect.FromSize(80, 80), 4);
        var e = Assert.Throws<ArgumentException>(() =>
            session.Primitives.Resample(gpuSource, PixelRect.FromSize(60, 60), gpuOutput, 2, 2));
        Assert.Contains("needs", e.Message);
    }

    [Theory]
    [BackendRows(nameof(Backends), GpuBackends.OpenCl)]
    [BackendRows(nameof(Backends), GpuBackends.Cuda)]
    public void A_buffer_smaller_than_its_image_is_refused_before_any_launch(string backend)
    {
        using var session = GpuBackends.Open(backend);
        using var source = PhotoCrops.Load("chelsea", 0, 0, 32, 32);
        var gpuSource = session.Upload(source);
        // A destination that claims twice the rows its memory holds: the kernel would write past the end.
        var small = session.Buffer(32L * 32 * 4 * sizeof(float));
        var lying = new DeviceImage(small.Handle, PixelRect.FromSize(32, 64), 4);
        var e = Assert.Throws<ArgumentException>(() => session.Primitives.Copy(gpuSource, lying));
        Assert.Contains("needs", e.Message);
    }

    [Theory]
    [BackendRows(nameof(Backends), GpuBackends.OpenCl)]
    [BackendRows(nameof(Backends), GpuBackends.Cuda)]
    public void Copy_moves_exactly_the_overlap(string backend)
    {
        using var session = GpuBackends.Open(backend);
        using var source = PhotoCrops.Load("rocket", -10, 5, 70, 50);
        var gpuSource = session.Upload(source);
        var destinationBounds = new PixelRect(20, -3, 100, 40);
        var gpuDestination = session.Allocate(destinationBounds, 4, fill: 0.25f);
        session.Primitives.Copy(gpuSource, gpuDestination);
        using var actual = session.Download(gpuDestination);

        using var expected = new FloatImage(destinationBounds, 4);
        expected.Pixels.Fill(0.25f);
        expected.CopyFrom(source);
        Assert.Equal(0, QualityMetrics.MaxAbsoluteDifference(expected, actual));
    }

    public static TheoryData<string, float, float, int> DetailCases => new()
    {
        { GpuBackends.OpenCl, 0f, float.PositiveInfinity, 4 },
        { GpuBackends.OpenCl, 1f, float.PositiveInfinity, 4 },
        { GpuBackends.OpenCl, 1.7f, 0.05f, 4 },
        { GpuBackends.OpenCl, 0.4f, 0f, 3 },
        { GpuBackends.OpenCl, 2f, 0.1f, 3 },
        { GpuBackends.Cuda, 1.7f, 0.05f, 4 },
        { GpuBackends.Cuda, 1f, float.PositiveInfinity, 3 },
    };

    [Theory]
    [BackendRows(nameof(DetailCases), GpuBackends.OpenCl)]
    [BackendRows(nameof(DetailCases), GpuBackends.Cuda)]
    public void Adding_model_detail_matches_the_Upscale_effect(string backend, float strength, float limit, int channels)
    {
        using var session = GpuBackends.Open(backend);
        // The classical picture (with a soft alpha edge), and a "model" and "reference" that differ
        // the way a model's picture differs from Lanczos: the same place, one a shifted crop of it.
        using var classical = PhotoCrops.Load("brick", 5, 6, 85, 64, channels);
        if (channels == 4) PhotoCrops.WithAlphaRamp(classical);
        using var model = PhotoCrops.Load("brick", 5, 6, 85, 64, 3);
        using var wider = PhotoCrops.Load("brick", 0, 0, 90, 70, 3);
        using var reference = new FloatImage(model.Bounds, 3);
        for (int r = 0; r < reference.Height; r++)   // the same picture two pixels right, one down
            wider.Row(r + 1, 2, 2 + reference.Width).CopyTo(reference.Row(reference.Bounds.Y1 + r));
        using var expected = classical.Clone();
        CpuPrimitives.AddDetail(expected, model, reference, strength, limit);

        var gpuDestination = session.Upload(classical);
        session.Primitives.AddDetail(gpuDestination, session.Upload(model), session.Upload(reference), strength, limit);
        using var actual = session.Download(gpuDestination);

        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, ConformanceTolerance.Exact(backend));
        if (strength == 0 || limit == 0)
            Assert.Equal(0, QualityMetrics.MaxAbsoluteDifference(classical, actual));
        else
            Assert.True(QualityMetrics.MaxAbsoluteDifference(classical, actual) > 1e-3, "the detail must change the picture");
    }

    public static TheoryData<string, PlanarElement, bool, int, PlanarEncoding> PlanarCases => new()
    {
        { GpuBackends.OpenCl, PlanarElement.Float32, false, 4, PlanarEncoding.AsIs },
        { GpuBackends.OpenCl, PlanarElement.Float32, true, 3, PlanarEncoding.ModelDisplay },
        { GpuBackends.OpenCl, PlanarElement.Float16, true, 4, PlanarEncoding.ModelSceneLinear },
        { GpuBackends.OpenCl, PlanarElement.Float32, true, 4, PlanarEncoding.ModelSceneLinear },
        { GpuBackends.OpenCl, PlanarElement.Float16, false, 1, PlanarEncoding.AsIs },
        { GpuBackends.Cuda, PlanarElement.Float32, true, 4, PlanarEncoding.ModelSceneLinear },
        { GpuBackends.Cuda, PlanarElement.Float16, true, 4, PlanarEncoding.ModelDisplay },
    };

    [Theory]
    [BackendRows(nameof(PlanarCases), GpuBackends.OpenCl)]
    [BackendRows(nameof(PlanarCases), GpuBackends.Cuda)]
    public void Interleaved_to_planar_matches_the_CPU(string backend, PlanarElement element, bool topRowFirst, int channels, PlanarEncoding encoding)
    {
        using var session = GpuBackends.Open(backend);
        using var source = PhotoCrops.Load("motorcycle_left", -4, 7, 77, 61, channels);
        if (channels == 4) PhotoCrops.WithAlphaRamp(source);
        if (encoding != PlanarEncoding.AsIs) source.Pixels[5] = 1.7f;   // an HDR value the model must see clipped
        var area = new PixelRect(0, 10, 70, 60);
        long bytes = CpuPrimitives.PlanarByteSize(area, element);
        var expected = new byte[bytes];
        CpuPrimitives.ToPlanarRgb(source, area, expected, element, topRowFirst, encoding);

        var gpuSource = session.Upload(source);
        var planar = session.Buffer(bytes);
        session.Primitives.ToPlanarRgb(gpuSource, area, planar.Handle, element, topRowFirst, encoding);
        var actual = session.ReadBytes(planar, bytes);

        Assert.InRange(MaxPlanarDifference(expected, actual, element), 0, ConformanceTolerance.For(backend, encoding));
    }

    [Theory]
    [BackendRows(nameof(PlanarCases), GpuBackends.OpenCl)]
    [BackendRows(nameof(PlanarCases), GpuBackends.Cuda)]
    public void Planar_to_interleaved_matches_the_CPU_and_keeps_alpha(string backend, PlanarElement element, bool topRowFirst, int channels, PlanarEncoding encoding)
    {
        using var session = GpuBackends.Open(backend);
        if (channels == 1) channels = 3; // planar RGB needs a colour destination
        using var picture = PhotoCrops.Load("GreenMeadow", 0, 0, 64, 48, channels);
        var area = picture.Bounds;
        var planarBytes = new byte[CpuPrimitives.PlanarByteSize(area, element)];
        CpuPrimitives.ToPlanarRgb(picture, area, planarBytes, element, topRowFirst);
        // The destination starts as another photo, so its alpha (and anything outside the area) must survive.
        using var before = PhotoCrops.WithAlphaRamp(PhotoCrops.Load("YellowFlower", -3, -2, 70, 52, 4));
        using var destinationCpu = channels == 4 ? before.Clone() : PhotoCrops.Load("YellowFlower", -3, -2, 70, 52, 3);
        using var expected = destinationCpu.Clone();
        CpuPrimitives.FromPlanarRgb(planarBytes, element, area, expected, topRowFirst, encoding);

        var planar = session.Buffer(planarBytes.Length);
        session.Primitives.WriteBytes(planarBytes, planar.Handle);
        var gpuDestination = session.Upload(destinationCpu);
        session.Primitives.FromPlanarRgb(planar.Handle, element, area, gpuDestination, topRowFirst, encoding);
        using var actual = session.Download(gpuDestination);

        Assert.InRange(QualityMetrics.MaxAbsoluteDifference(expected, actual), 0, ConformanceTolerance.For(backend, encoding));
        if (channels == 4)
            for (int y = area.Y1; y < area.Y2; y += 7)
                for (int x = area.X1; x < area.X2; x += 5)
                    Assert.Equal(before.At(x, y, 3), actual.At(x, y, 3));
    }

    private static double MaxPlanarDifference(byte[] a, byte[] b, PlanarElement element)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0;
        if (element == PlanarElement.Float32)
        {
            var fa = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(a);
            var fb = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(b);
            for (int i = 0; i < fa.Length; i++) max = Math.Max(max, Math.Abs(fa[i] - fb[i]));
        }
        else
        {
            var ha = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(a);
            var hb = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(b);
            for (int i = 0; i < ha.Length; i++) max = Math.Max(max, Math.Abs((float)ha[i] - (float)hb[i]));
        }
        return max;
    }
}
