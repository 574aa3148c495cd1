using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Enhance.Effects.Upscale;

/// <summary>Where ONNX Runtime runs a model.</summary>
public enum ExecutionProvider
{
    /// <summary>CUDA when it can run here, otherwise the CPU.</summary>
    Auto,
    Cpu,
    Cuda,
}

/// <summary>
/// Chooses the execution provider at run time. The plug-in ships one build; whether CUDA works
/// depends on the user's machine (an ONNX Runtime build with the CUDA provider, and the CUDA
/// runtime and cuDNN libraries it loads), so it is probed, once, rather than assumed.
/// </summary>
public static class ExecutionProviderSelector
{
    private const string CudaProviderName = "CUDAExecutionProvider";

    // The CUDA provider dlopens these; without them, appending it fails or, worse, fails at the first run.
    private static readonly string[] CudaRuntimeLibraries =
        OperatingSystem.IsWindows() ? ["cudart64_12.dll", "cudnn64_9.dll"] : ["libcudart.so.12", "libcudnn.so.9"];

    private static readonly Lazy<bool> LazyCudaAvailable = new(ProbeCuda);

    /// <summary>Whether the CUDA provider is compiled into the loaded ONNX Runtime and its native libraries load.</summary>
    public static bool IsCudaAvailable => LazyCudaAvailable.Value;

    /// <summary>The provider a request resolves to here: Auto and Cuda fall back to the CPU when CUDA cannot run.</summary>
    public static ExecutionProvider Resolve(ExecutionProvider requested) =>
        requested == ExecutionProvider.Cpu || !IsCudaAvailable ? ExecutionProvider.Cpu : ExecutionProvider.Cuda;

    private static bool ProbeCuda()
    {
        try
        {
            if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProviderName))
                return false;
            foreach (var library in CudaRuntimeLibraries)
            {
                if (!NativeLibrary.TryLoad(library, out var handle))
                    return false;
                NativeLibrary.Free(handle);
            }
            return true;
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or BadImageFormatException
                                       or TypeInitializationException or EntryPointNotFoundException)
        {
            return false; // no runtime at all: the model load says why (ModelLoadException.RuntimeUnavailable)
        }
    }
}
