using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The model on ONNX Runtime's CUDA provider, reading and writing our device tensors in place
/// (IOBinding over the CUdeviceptrs): nothing is copied to the host. Chosen only when the host's
/// context is the device's primary context (see <see cref="DeviceModelRunners.Decide"/>).
/// Ordering: our kernels run on the host's stream and ONNX Runtime on its own, so the host's
/// stream is synchronised before the run (the input tensor is complete), and Run returns once the
/// provider's stream has finished (the output is complete) — what we enqueue next sees it.
/// ONNX Runtime may make the primary context current; the host's current context is restored after.
/// The result is checked on the device as the CPU path checks it (<see cref="ModelOutputCheck"/>) when our
/// kernels are the single source (<paramref name="kernels"/>); the ILGPU kernels have no such check.
/// Not exercised on a GPU yet (no GPU in CI); see src/Effects/Gpu/README.md.
/// </summary>
internal sealed class OrtCudaDeviceRunner(CudaStreamContext cuda, SuperResolutionModel model, int device, IKernelDevice? kernels) : IDeviceModelRunner
{
    public PlanarElement Element => model.IsFloat16 ? PlanarElement.Float16 : PlanarElement.Float32;

    public string? SlowPath => null;

    public void Run(nint input, int height, int width, nint output)
    {
        var shape = new ModelTensorShape(height, width, model.Scale, Element);
        var type = Element == PlanarElement.Float16 ? TensorElementType.Float16 : TensorElementType.Float;
        cuda.Driver.SynchronizeStream(cuda.Stream);
        try
        {
            using var memory = new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA, OrtAllocatorType.DeviceAllocator, device, OrtMemType.Default);
            using var inputValue = OrtValue.CreateTensorValueWithData(memory, type, shape.InputShape, input, shape.InputBytes);
            using var outputValue = OrtValue.CreateTensorValueWithData(memory, type, shape.OutputShape, output, shape.OutputBytes);
            using var binding = model.Session.CreateIoBinding();
            binding.BindInput(model.InputName, inputValue);
            binding.BindOutput(model.OutputName, outputValue);
            using var options = new RunOptions();
            model.Session.RunWithBinding(options, binding);
            binding.SynchronizeBoundOutputs();
        }
        catch (OnnxRuntimeException e)
        {
            throw new GpuRenderException($"ONNX Runtime could not run the model on the host's CUDA memory: {e.Message}", e);
        }
        finally
        {
            cuda.Driver.SetCurrentContext(cuda.Context);
        }
        if (kernels is not null)
            ModelOutputCheck.Run(kernels, output, Element, 3L * height * width * model.Scale * model.Scale, model);
    }
}

/// <summary>The host's CUDA render as the model runner needs it: the driver, the host's context (current on the render thread) and stream.</summary>
internal readonly record struct CudaStreamContext(CudaDriver Driver, nint Context, nint Stream);
