namespace Enhance.Effects.Upscale;

/// <summary>
/// Finds the CUDA libraries ONNX Runtime's CUDA provider loads but does not carry, where users have them:
/// on the loader's path (LD_LIBRARY_PATH, ldconfig), under <c>CUDA_PATH</c> or <c>CUDA_HOME</c>, in the
/// <c>nvidia/*/lib</c> folders of a Python environment (NVIDIA's pip packages: the one
/// <c>ENHANCE_CUDA_PYTHON</c> names, else the active conda or virtual environment), and in the usual install
/// prefixes. Pure: the file system and the loader come in as functions, so the lookup is tested without a GPU.
/// </summary>
public static class CudaLibraryLookup
{
    /// <summary>Names a Python environment (its root or its site-packages) whose NVIDIA pip packages hold the libraries.</summary>
    public const string PythonEnvironmentVariable = "ENHANCE_CUDA_PYTHON";

    /// <summary>
    /// What the CUDA provider of ONNX Runtime 1.32 needs (CUDA 13, cuDNN 9), in the order they are loaded:
    /// each after the ones it depends on, so the provider's own dlopen finds them already in the process.
    /// </summary>
    public static readonly IReadOnlyList<string> Required =
        ["libcudart.so.13", "libcublasLt.so.13", "libcublas.so.13", "libcurand.so.10", "libcudnn.so.9"];

    /// <summary>The folders to look in, in order (after the loader's own path), without duplicates.</summary>
    public static IReadOnlyList<string> Folders(Func<string, string?> environment, Func<string, IEnumerable<string>> subfolders)
    {
        var folders = new List<string>();
        foreach (var variable in new[] { "CUDA_PATH", "CUDA_HOME" })
            if (environment(variable) is { Length: > 0 } root)
                folders.AddRange([Path.Combine(root, "lib64"), Path.Combine(root, "lib")]);
        foreach (var variable in new[] { PythonEnvironmentVariable, "CONDA_PREFIX", "VIRTUAL_ENV" })
            if (environment(variable) is { Length: > 0 } python)
                folders.AddRange(NvidiaPipFolders(python, subfolders));
        folders.Add("/usr/local/cuda/lib64");
        folders.AddRange(subfolders("/usr/local").Where(d => Path.GetFileName(d).StartsWith("cuda-13", StringComparison.Ordinal))
                                                  .Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "lib64")));
        folders.AddRange(["/opt/cuda/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib64"]);
        return folders.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// <c>site-packages/nvidia/*/lib</c> of a Python environment given as its root (lib/python3.*/site-packages
    /// below it) or as a site-packages folder itself.
    /// </summary>
    private static IEnumerable<string> NvidiaPipFolders(string python, Func<string, IEnumerable<string>> subfolders)
    {
        var sitePackages = new List<string> { python };
        sitePackages.AddRange(subfolders(Path.Combine(python, "lib"))
            .Where(d => Path.GetFileName(d).StartsWith("python3", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "site-packages")));
        return sitePackages.SelectMany(sp => subfolders(Path.Combine(sp, "nvidia")).Order(StringComparer.Ordinal))
                           .Select(package => Path.Combine(package, "lib"));
    }

    /// <summary>
    /// Where each required library is: "" when the loader finds it by name, else the first folder that has
    /// the file. A library found nowhere is listed in <see cref="CudaLibraryReport.Missing"/>.
    /// </summary>
    public static CudaLibraryReport Find(IReadOnlyList<string> folders, Func<string, bool> fileExists, Func<string, bool> loaderFinds)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var library in Required)
        {
            if (loaderFinds(library)) { found[library] = ""; continue; }
            var folder = folders.FirstOrDefault(f => fileExists(Path.Combine(f, library)));
            if (folder is null) missing.Add(library);
            else found[library] = Path.Combine(folder, library);
        }
        return new CudaLibraryReport(found, missing, folders);
    }
}

/// <summary>The outcome of a <see cref="CudaLibraryLookup.Find"/>: each library's path ("" = the loader's own), what is missing, where it looked.</summary>
public sealed record CudaLibraryReport(IReadOnlyDictionary<string, string> Found, IReadOnlyList<string> Missing, IReadOnlyList<string> Searched)
{
    public bool Complete => Missing.Count == 0;

    /// <summary>One sentence for the user: what is missing, where we looked, what to do.</summary>
    public string Explain() => Complete
        ? "The CUDA libraries ONNX Runtime needs were found."
        : $"ONNX Runtime's CUDA provider needs {string.Join(", ", Missing)}, which {(Missing.Count == 1 ? "was" : "were")} not found " +
          $"on the loader's path nor in {string.Join(", ", Searched)}; install CUDA 13 and cuDNN 9 (or NVIDIA's pip packages and set " +
          $"{CudaLibraryLookup.PythonEnvironmentVariable} to that Python environment) — until then the model runs on the CPU.";
}
