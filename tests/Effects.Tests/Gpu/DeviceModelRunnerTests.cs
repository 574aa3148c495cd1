using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// Which runner serves a device render's model, and the tensor sizes the runners bind or copy. The
/// ONNX Runtime CUDA runner itself needs a GPU and the CUDA provider (absent here), so what can be
/// checked without them is its selection and the shapes and byte lengths it hands to ONNX Runtime.
/// </summary>
public sealed class DeviceModelRunnerTests
{
    private static readonly DeviceModelFacts Eligible = new(GpuBackend.Cuda, true, ExecutionProvider.Cuda, SuperResolutionModel.CudaDeviceOrdinal, true);

    [Fact]
    public void Onnx_runtime_binds_the_device_tensors_only_when_everything_lines_up()
    {
        Assert.Equal(DeviceModelRunnerKind.OrtCuda, DeviceModelRunners.Decide(Eligible).Kind);
    }

    public static TheoryData<string, string> Ineligible => new()
    {
        { "opencl", "OpenCL" },
        { "no-provider", "not available" },
        { "cpu-session", "CPU provider" },
        { "other-device", "device 1" },
        { "own-context", "primary context" },
    };

    [Theory]
    [MemberData(nameof(Ineligible))]
    public void Anything_else_stages_the_tensors_and_says_why(string which, string reasonPart)
    {
        var facts = which switch
        {
            "opencl" => Eligible with { Backend = GpuBackend.OpenCl },
            "no-provider" => Eligible with { CudaProviderAvailable = false },
            "cpu-session" => Eligible with { SessionProvider = ExecutionProvider.Cpu },
            "other-device" => Eligible with { HostDevice = 1 },
            "own-context" => Eligible with { HostContextIsPrimary = false },
            _ => throw new ArgumentException(which),
        };
        var (kind, reason) = DeviceModelRunners.Decide(facts);
        Assert.Equal(DeviceModelRunnerKind.Staging, kind);
        Assert.Contains(reasonPart, reason);
    }

    [Theory]
    [InlineData(40, 56, 2, PlanarElement.Float32, 26_880, 107_520)]
    [InlineData(40, 56, 4, PlanarElement.Float16, 13_440, 215_040)]
    [InlineData(1, 1, 3, PlanarElement.Float32, 12, 108)]
    public void Tensor_shapes_and_byte_lengths_follow_NCHW(int height, int width, int scale, PlanarElement element, long inputBytes, long outputBytes)
    {
        var shape = new ModelTensorShape(height, width, scale, element);
        Assert.Equal([1L, 3, height, width], shape.InputShape);
        Assert.Equal([1L, 3, height * scale, width * scale], shape.OutputShape);
        Assert.Equal(inputBytes, shape.InputBytes);
        Assert.Equal(outputBytes, shape.OutputBytes);
        // What CreateTensorValueWithData is told must be the product of the shape and the element size.
        Assert.Equal(shape.InputShape.Aggregate(1L, (a, b) => a * b) * element.ByteSize(), shape.InputBytes);
        Assert.Equal(shape.OutputShape.Aggregate(1L, (a, b) => a * b) * element.ByteSize(), shape.OutputBytes);
    }

    [Fact]
    public void The_CPU_build_of_ONNX_Runtime_here_has_no_CUDA_provider_so_nothing_is_bound()
    {
        // The package restored here is the CPU build: the probe must say so rather than fail later in a render.
        Assert.False(ExecutionProviderSelector.IsCudaAvailable);
        Assert.Equal(ExecutionProvider.Cpu, ExecutionProviderSelector.Resolve(ExecutionProvider.Auto));
    }
}
