using Enhance.Effects.Gpu.Cuda;
using Enhance.Effects.Upscale;

namespace Enhance.Effects.Gpu;

/// <summary>Which runner serves a device render's model.</summary>
public enum DeviceModelRunnerKind
{
    /// <summary>ONNX Runtime's CUDA provider reads and writes our device tensors (IOBinding): no copy.</summary>
    OrtCuda,

    /// <summary>The CPU session between tensor copies (<see cref="StagingModelRunner"/>).</summary>
    Staging,
}

/// <summary>What decides the runner, gathered once per render (see <see cref="DeviceModelRunners.Decide"/>).</summary>
public readonly record struct DeviceModelFacts(
    GpuBackend Backend,
    bool CudaProviderAvailable,
    ExecutionProvider SessionProvider,
    int HostDevice,
    bool HostContextIsPrimary);

/// <summary>Chooses the model runner of a device render.</summary>
public static class DeviceModelRunners
{
    /// <summary>
    /// ONNX Runtime's CUDA provider only when all of these hold: the render is CUDA; the provider
    /// loads here and the model's session runs on it; the host's context is on the session's device;
    /// and it is that device's primary context — the provider works through the CUDA runtime, which
    /// uses the primary context, so memory of any other context is not addressable there. Otherwise
    /// the staging runner, with the reason.
    /// </summary>
    public static (DeviceModelRunnerKind Kind, string Reason) Decide(DeviceModelFacts facts)
    {
        if (facts.Backend != GpuBackend.Cuda)
            return (DeviceModelRunnerKind.Staging, "ONNX Runtime cannot read OpenCL buffers");
        if (!facts.CudaProviderAvailable)
            return (DeviceModelRunnerKind.Staging, "ONNX Runtime's CUDA provider (with the CUDA runtime and cuDNN) is not available here: " + ExecutionProviderSelector.CudaReason);
        if (facts.SessionProvider != ExecutionProvider.Cuda)
            return (DeviceModelRunnerKind.Staging, "the model was loaded on the CPU provider");
        if (facts.HostDevice != SuperResolutionModel.CudaDeviceOrdinal)
            return (DeviceModelRunnerKind.Staging, $"the host renders on CUDA device {facts.HostDevice}, the model's session on device {SuperResolutionModel.CudaDeviceOrdinal}");
        if (!facts.HostContextIsPrimary)
            return (DeviceModelRunnerKind.Staging, "the host's CUDA context is not the device's primary context, which ONNX Runtime uses");
        return (DeviceModelRunnerKind.OrtCuda, "ONNX Runtime's CUDA provider runs on the host's device memory");
    }

    /// <summary>The runner for <paramref name="model"/> on <paramref name="gpu"/>, and why it was chosen.</summary>
    /// <param name="memoryBudgetMiB">The render's Memory budget (the staging runner keeps cell results within it).</param>
    /// <param name="keepResults">Keep every cell's result for the next frame (temporal mode; the staging runner).</param>
    public static IDeviceModelRunner For(IGpuPrimitives gpu, SuperResolutionModel model, out string reason,
                                         int memoryBudgetMiB = UpscaleSettings.DefaultMemoryBudgetMiB, bool keepResults = false)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(model);
        var facts = new DeviceModelFacts(gpu.Backend, false, model.Provider, -1, false);
        var cuda = CudaStreamOf(gpu);
        if (cuda is not null && model.Provider == ExecutionProvider.Cuda && ExecutionProviderSelector.IsCudaAvailable)
        {
            int device = cuda.Value.Driver.CurrentDevice();
            facts = facts with { CudaProviderAvailable = true, HostDevice = device, HostContextIsPrimary = cuda.Value.Driver.IsPrimaryContext(cuda.Value.Context, device) };
        }
        var (kind, why) = Decide(facts);
        reason = why;
        return kind == DeviceModelRunnerKind.OrtCuda
            ? new OrtCudaDeviceRunner(cuda!.Value, model, facts.HostDevice, (gpu as GpuPrimitives)?.Device)
            : new StagingModelRunner(gpu, model, memoryBudgetMiB, keepResults);
    }

    /// <summary>The host's CUDA driver, context and stream behind CUDA primitives (either kernel source); null for OpenCL.</summary>
    private static CudaStreamContext? CudaStreamOf(IGpuPrimitives gpu) => gpu switch
    {
        GpuPrimitives { Device: CudaKernelDevice d } => new CudaStreamContext(d.Driver, d.Context, d.Stream),
        CudaPrimitives p => new CudaStreamContext(p.Driver, p.Context, p.Stream),
        _ => null,
    };
}
