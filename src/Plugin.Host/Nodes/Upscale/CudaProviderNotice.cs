namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>
/// When the Upscale node tells the user that its network runs on the CPU although the machine has an
/// NVIDIA GPU: ONNX Runtime's CUDA provider ships in the bundle, but it needs CUDA 13 and cuDNN 9, which a
/// user installs (<see cref="Enhance.Effects.Upscale.CudaLibraryLookup"/>). Said once (a persistent warning
/// that names the missing library and where it was looked for), and only where it matters: a model is in
/// use and an NVIDIA device is present. On a machine without NVIDIA the CPU is simply the way it runs.
/// </summary>
internal static class CudaProviderNotice
{
    public static string? For(string nodeName, bool modelInUse, bool nvidiaDevicePresent, bool cudaProviderUsable, string reason) =>
        modelInUse && nvidiaDevicePresent && !cudaProviderUsable ? $"{nodeName}: {reason}" : null;
}
