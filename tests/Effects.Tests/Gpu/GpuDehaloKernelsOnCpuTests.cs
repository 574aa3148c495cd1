using Enhance.Effects.Dehalo;
using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The CUDA Dehalo kernels' C# bodies (<see cref="CudaDehaloKernels"/>) on ILGPU's CPU accelerator, run
/// from the very launch list <see cref="CudaDehalo"/> executes (<see cref="DehaloGpuPlan"/>), against
/// <see cref="DehaloProcessor.Process"/> on a haloed photo: within 1e-4. Only PTX generation and the
/// driver calls are left to a machine with a GPU (the PTX itself is checked in CudaLayerTests).
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class GpuDehaloKernelsOnCpuTests : IDisposable
{
    private const double Tolerance = 1e-4;
    private readonly ITestOutputHelper _log;
    private readonly Context _context = Context.Create(b => b.CPU());
    private readonly CPUAccelerator _accelerator;

    public GpuDehaloKernelsOnCpuTests(ITestOutputHelper log)
    {
        _log = log;
        _accelerator = _context.CreateCPUAccelerator(0);
    }

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in GpuDehaloCases.All) data.Add(name, 4);
        data.Add(GpuDehaloCases.Default, 3);
        data.Add(GpuDehaloCases.NoProtection, 1);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dehalo_kernels_match_the_CPU_processor(string name, int channels)
    {
        var settings = GpuDehaloCases.Settings(name);
        // Smaller than the OpenCL cases: the emulator runs each work item as a CPU thread step.
        var (clip, window) = GpuDehaloCases.Clip(name, channels, 90, 70);
        using var clipImage = clip;
        using var source = GpuDehaloCases.SourceFor(clip, window, settings);
        using var expected = new FloatImage(window, channels);
        DehaloProcessor.Process(source, clip.Bounds, expected, settings);

        var plan = DehaloGpuPlan.Create(new DeviceImage(1, source.Bounds, channels), clip.Bounds, new DeviceImage(1, window, channels), settings);
        var buffers = new List<MemoryBuffer>();
        try
        {
            foreach (var (spec, b) in plan.Buffers.Select((spec, b) => (spec, b)))
            {
                buffers.Add(b switch
                {
                    DehaloGpuPlan.SourceBuffer => _accelerator.Allocate1D(source.Pixels.ToArray()),
                    _ when spec.Ints is { } ints => _accelerator.Allocate1D(ints),
                    _ when spec.Floats is { } floats => _accelerator.Allocate1D(floats),
                    _ => _accelerator.Allocate1D(Enumerable.Repeat(-7f, (int)spec.Elements).ToArray()),
                });
            }
            foreach (var launch in plan.Launches) Run(launch, buffers);
            using var actual = new FloatImage(window, channels);
            ((MemoryBuffer1D<float, Stride1D.Dense>)buffers[DehaloGpuPlan.DestinationBuffer]).GetAsArray1D().AsSpan(0, actual.Pixels.Length).CopyTo(actual.Pixels);

            double difference = QualityMetrics.MaxAbsoluteDifference(expected, actual);
            _log.WriteLine($"CUDA kernels on the CPU emulator, {name} ({channels} ch): max abs {difference:E2}");
            Assert.InRange(difference, 0, Tolerance);
        }
        finally
        {
            foreach (var b in buffers) b.Dispose();
        }
    }

    /// <summary>Launches like CudaPrimitives (blocks covering the range; threads past it return), 8 × 2 threads a block.</summary>
    private void Run(DehaloLaunch launch, List<MemoryBuffer> buffers)
    {
        var kernel = _accelerator.LoadKernel(PtxCompiler.KernelMethod(CudaDehalo.KernelName(launch.Kernel)));
        var values = launch.Arguments.Select(a => a.Kind switch
        {
            DehaloArgumentKind.Buffer => buffers[a.Int] switch
            {
                MemoryBuffer1D<int, Stride1D.Dense> ints => (object)(ArrayView<int>)ints.View,
                var floats => (ArrayView<float>)((MemoryBuffer1D<float, Stride1D.Dense>)floats).View,
            },
            DehaloArgumentKind.Int => a.Int,
            _ => a.Float,
        }).ToArray();
        var config = new KernelConfig(new Index3D((launch.Width + 7) / 8, (launch.Height + 1) / 2, 1), new Index3D(8, 2, 1));
        kernel.Launch(_accelerator.DefaultStream, config, values);
        _accelerator.Synchronize();
    }

    public void Dispose()
    {
        _accelerator.Dispose();
        _context.Dispose();
    }
}
