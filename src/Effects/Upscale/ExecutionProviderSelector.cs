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
/// runtime, cuBLAS, cuRAND and cuDNN libraries it loads, found by <see cref="CudaLibraryLookup"/>),
/// so it is probed, once, rather than assumed.
/// </summary>
public static class ExecutionProviderSelector
{
    private const string CudaProviderName = "CUDAExecutionProvider";

    private static readonly Lazy<(bool Available, string Reason)> LazyCuda = new(ProbeCuda);

    /// <summary>Whether the CUDA provider is compiled into the loaded ONNX Runtime and the CUDA libraries it needs were found and loaded.</summary>
    public static bool IsCudaAvailable => LazyCuda.Value.Available;

    /// <summary>Why the model does not run on CUDA here, in a sentence for the user (or that it does).</summary>
    public static string CudaReason => LazyCuda.Value.Reason;

    /// <summary>The provider a request resolves to here: Auto and Cuda fall back to the CPU when CUDA cannot run.</summary>
    public static ExecutionProvider Resolve(ExecutionProvider requested) =>
        requested == ExecutionProvider.Cpu || !IsCudaAvailable ? ExecutionProvider.Cpu : ExecutionProvider.Cuda;

    private static (bool, string) ProbeCuda()
    {
        try
        {
            if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProviderName))
                return (false, "The ONNX Runtime in this bundle has no CUDA provider; the model runs on the CPU.");
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or BadImageFormatException
                                       or TypeInitializationException or EntryPointNotFoundException)
        {
            return (false, "ONNX Runtime did not load; the model load says why."); // ModelLoadException.RuntimeUnavailable
        }
        var folders = CudaLibraryLookup.Folders(Environment.GetEnvironmentVariable, Subfolders);
        var report = CudaLibraryLookup.Find(folders, File.Exists, LoaderFinds);
        if (!report.Complete) return (false, report.Explain());
        // Loaded by full path, in dependency order, before the provider asks for them by name: the dynamic
        // loader then hands it these (a library already in the process satisfies a dlopen of its soname).
        foreach (var library in CudaLibraryLookup.Required)
        {
            string path = report.Found[library];
            if (path.Length == 0) continue;
            if (!NativeLibrary.TryLoad(path, out _))
                return (false, $"{path} was found but did not load (a damaged or mismatched CUDA install); the model runs on the CPU.");
            // cuDNN 9 opens its engine libraries (libcudnn_*.so.9) by name when first used: load them from the same folder.
            if (library == "libcudnn.so.9")
                foreach (var part in Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "libcudnn_*.so.9").Order(StringComparer.Ordinal))
                    NativeLibrary.TryLoad(part, out _);
        }
        return (true, "ONNX Runtime's CUDA provider and its CUDA libraries are available.");
    }

    private static bool LoaderFinds(string library)
    {
        if (!NativeLibrary.TryLoad(library, out var handle)) return false;
        NativeLibrary.Free(handle);
        return true;
    }

    private static IEnumerable<string> Subfolders(string folder)
    {
        try
        {
            return Directory.Exists(folder) ? Directory.GetDirectories(folder) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
