using Enhance.Effects.Imaging;
using Enhance.Effects.Upscale;

namespace Enhance.Effects.Gpu;

/// <summary>
/// The CPU path refuses a model result with NaN, infinite or far out-of-range values
/// (<see cref="SuperResolutionModel"/>'s output check). A runner that leaves the result in device memory
/// (ONNX Runtime's CUDA provider) never shows it to that check, so this one runs on the device
/// (<c>enhance_check_model_output</c>) and reads back a single int: the render waits for it, as it
/// already waits for the provider's run.
/// </summary>
internal static class ModelOutputCheck
{
    /// <summary>Throws the model's refusal (<see cref="ModelLoadException"/>) if the result tensor holds a value it must not.</summary>
    public static void Run(IKernelDevice device, nint tensor, PlanarElement element, long count, SuperResolutionModel model)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(model);
        int problems = Flags(device, tensor, element, count);
        if (problems != 0) throw model.OutputFault(nonFinite: (problems & 1) != 0);
    }

    /// <summary>Bit 1: a NaN or infinite value; bit 2: a finite value beyond ±<see cref="SuperResolutionModel.OutputLimit"/>.</summary>
    internal static int Flags(IKernelDevice device, nint tensor, PlanarElement element, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        long bytes = count * (element == PlanarElement.Float16 ? 2 : 4);
        if (device.BytesFrom(tensor) < bytes)
            throw new ArgumentException($"The tensor holds {device.BytesFrom(tensor)} bytes; {count} values need {bytes}.", nameof(tensor));
        using var flag = device.Upload<int>([0]);
        device.Kernel("enhance_check_model_output")
            .Mem(tensor).Int(element == PlanarElement.Float16 ? 1 : 0).Int(checked((int)count)).Float(SuperResolutionModel.OutputLimit).Mem(flag.Handle)
            .Enqueue(count, 1);
        Span<byte> result = stackalloc byte[sizeof(int)];
        device.Read(flag.Handle, result);
        return BitConverter.ToInt32(result);
    }
}
