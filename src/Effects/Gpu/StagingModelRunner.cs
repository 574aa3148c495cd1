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
///
/// Since each cell's input is on the host anyway, the runs go through the CPU path's
/// <see cref="CellResultCache"/>: a result whose input equals one kept is served, not run again. With
/// <paramref name="keepResults"/> (temporal stability) every cell's result is kept within the Memory
/// budget, so the next frame's pass over this frame, its previous one, costs no network run in
/// sequential playback, as on the CPU (without it the device path ran the network twice a frame).
/// Each run holds its working memory in <see cref="ModelMemoryBudget"/>, as the CPU path's runs do,
/// so device renders and CPU renders share one Memory budget.
/// </summary>
/// <param name="memoryBudgetMiB">The render's Memory budget: kept results fit in what its runs and pictures leave.</param>
/// <param name="keepResults">Keep every cell's result (temporal mode: the next frame reads this one as its previous).</param>
public sealed class StagingModelRunner(IGpuPrimitives gpu, SuperResolutionModel model,
                                       int memoryBudgetMiB = UpscaleSettings.DefaultMemoryBudgetMiB, bool keepResults = false) : IDeviceModelRunner
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
            // Either our own result array, filled by the run, or a kept one (read-only, shared): the CPU path's cell step.
            var served = TiledInference.ServeOrRun(model, planes, height, width, result, keepResults, TiledInference.BudgetBytes(memoryBudgetMiB));
            gpu.WriteBytes(MemoryMarshal.AsBytes(served.AsSpan(0, outCount)), output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(planes);
            ArrayPool<float>.Shared.Return(result);
        }
    }
}
