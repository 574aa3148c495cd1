using Enhance.Effects.Imaging;
using System.Buffers;
using System.Runtime.InteropServices;
using Enhance.Effects.Upscale;

namespace Enhance.Effects.Gpu;

/// <summary>
/// The model on the CPU session around device tensors: each cell's input tensor is read to the host,
/// run, and the result written back. Used where ONNX Runtime cannot read our device memory (OpenCL,
/// or CUDA without its CUDA provider). It copies tensor bytes — float32 planes of one cell, not
/// frames — and the transfers are counted on the primitives (ENHANCE_GPU_STATS shows them). The CPU
/// session converts to float16 itself for fp16 models, exactly as on the CPU path, so results match it.
/// </summary>
public sealed class StagingModelRunner(IGpuPrimitives gpu, SuperResolutionModel model) : IDeviceModelRunner
{
    public PlanarElement Element => PlanarElement.Float32;

    public string? SlowPath => "runs the model on the CPU, copying each cell's tensors between device and host";

    public void Run(nint input, int height, int width, nint output)
    {
        var shape = new ModelTensorShape(height, width, model.Scale, Element);
        int inCount = checked((int)shape.InputElements), outCount = checked((int)shape.OutputElements);
        float[] planes = ArrayPool<float>.Shared.Rent(inCount);
        float[] result = ArrayPool<float>.Shared.Rent(outCount);
        try
        {
            // ReadBytes waits for the queue/stream, so the gather kernel's tensor is complete.
            gpu.ReadBytes(input, MemoryMarshal.AsBytes(planes.AsSpan(0, inCount)));
            model.Run(planes.AsSpan(0, inCount), height, width, result.AsSpan(0, outCount));
            gpu.WriteBytes(MemoryMarshal.AsBytes(result.AsSpan(0, outCount)), output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(planes);
            ArrayPool<float>.Shared.Return(result);
        }
    }
}
