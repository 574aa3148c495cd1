using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Tests.Upscale;
using Enhance.Effects.Upscale;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The device-side twin of the CPU path's model output check (<see cref="ModelOutputCheck"/>, kernel
/// enhance_check_model_output): a result tensor left on the device by ONNX Runtime's CUDA provider is refused
/// for exactly what the CPU refuses — NaN, infinities, values beyond ±OutputLimit — and passes otherwise.
/// </summary>
[Collection(GpuTestCollection.Name)]
public sealed class ModelOutputCheckTests
{
    private const float Limit = SuperResolutionModel.OutputLimit;

    public static TheoryData<string, PlanarElement, float, int> Cases()
    {
        var data = new TheoryData<string, PlanarElement, float, int>();
        foreach (var backend in new[] { GpuBackends.OpenCl, GpuBackends.Cuda })
            foreach (var element in new[] { PlanarElement.Float32, PlanarElement.Float16 })
            {
                data.Add(backend, element, 0.5f, 0);             // a picture value
                data.Add(backend, element, -Limit, 0);           // the limits themselves pass, as on the CPU
                data.Add(backend, element, Limit, 0);
                data.Add(backend, element, float.NaN, 1);
                data.Add(backend, element, float.NegativeInfinity, 1);
                data.Add(backend, element, 40f, 2);              // finite, far out of range
            }
        return data;
    }

    [Theory]
    [BackendRows(nameof(Cases), GpuBackends.OpenCl)]
    [BackendRows(nameof(Cases), GpuBackends.Cuda)]
    public void One_bad_value_among_good_ones_is_flagged_as_the_CPU_would(string backend, PlanarElement element, float bad, int expectedFlags)
    {
        using var session = GpuBackends.Open(backend);
        var device = Assert.IsType<GpuPrimitives>(session.Primitives).Device;
        const int count = 3 * 37 * 29;
        var values = Enumerable.Range(0, count).Select(i => (i % 97) / 96f).ToArray();
        values[count - 5] = bad;   // near the end: the last work items are checked too
        var tensor = session.Buffer(count * (element == PlanarElement.Float16 ? 2 : 4));
        session.Primitives.WriteBytes(Encode(values, element), tensor.Handle);

        Assert.Equal(expectedFlags, ModelOutputCheck.Flags(device, tensor.Handle, element, count));
    }

    [Theory]
    [BackendRows(nameof(Backends), GpuBackends.OpenCl)]
    [BackendRows(nameof(Backends), GpuBackends.Cuda)]
    public void A_refused_result_names_the_model_as_the_CPU_check_does(string backend)
    {
        using var session = GpuBackends.Open(backend);
        var device = Assert.IsType<GpuPrimitives>(session.Primitives).Device;
        using var model = SuperResolutionModel.Load(UpscaleFixtures.X2, ExecutionProvider.Cpu);
        var tensor = session.Buffer(16);
        session.Primitives.WriteBytes(Encode([0.1f, float.NaN, 0.2f, 0.3f], PlanarElement.Float32), tensor.Handle);

        var refusal = Assert.Throws<ModelLoadException>(() => ModelOutputCheck.Run(device, tensor.Handle, PlanarElement.Float32, 4, model));
        Assert.Contains("sharpen_x2.onnx", refusal.Message);
        Assert.Contains("NaN or infinite", refusal.Message);
    }

    public static TheoryData<string> Backends => GpuBackends.All;

    private static byte[] Encode(float[] values, PlanarElement element) => element == PlanarElement.Float16
        ? values.SelectMany(v => BitConverter.GetBytes((Half)v)).ToArray()
        : values.SelectMany(BitConverter.GetBytes).ToArray();
}
