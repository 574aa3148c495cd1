using Enhance.Effects.Upscale;
using Xunit;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// Where the CUDA provider's libraries are looked for, on a made-up file system: the loader first, then
/// CUDA_PATH / CUDA_HOME, the NVIDIA pip packages of a Python environment, the usual prefixes — and a
/// sentence that names what is missing and where it looked.
/// </summary>
public sealed class CudaLibraryLookupTests
{
    private static Func<string, IEnumerable<string>> Tree(params string[] folders) => parent =>
        folders.Where(f => Path.GetDirectoryName(f) == parent.TrimEnd('/')).ToArray();

    [Fact]
    public void CUDA_PATH_and_CUDA_HOME_come_first_then_the_Python_environment_then_the_usual_prefixes()
    {
        var environment = new Dictionary<string, string>
        {
            ["CUDA_PATH"] = "/opt/cuda-a",
            ["CUDA_HOME"] = "/opt/cuda-b",
            [CudaLibraryLookup.PythonEnvironmentVariable] = "/srv/venv",
        };
        var tree = Tree("/srv/venv/lib/python3.12", "/srv/venv/lib/python3.12/site-packages/nvidia/cudnn",
                        "/srv/venv/lib/python3.12/site-packages/nvidia/cublas", "/usr/local/cuda-13.0", "/usr/local/cuda-12.4");
        var folders = CudaLibraryLookup.Folders(v => environment.GetValueOrDefault(v), tree);
        Assert.Equal(
        [
            "/opt/cuda-a/lib64", "/opt/cuda-a/lib", "/opt/cuda-b/lib64", "/opt/cuda-b/lib",
            "/srv/venv/lib/python3.12/site-packages/nvidia/cublas/lib", "/srv/venv/lib/python3.12/site-packages/nvidia/cudnn/lib",
            "/usr/local/cuda/lib64", "/usr/local/cuda-13.0/lib64", "/opt/cuda/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib64",
        ], folders);   // CUDA 12 is not what ONNX Runtime 1.32 needs, so /usr/local/cuda-12.4 is not searched
    }

    [Fact]
    public void A_site_packages_folder_may_be_named_directly()
    {
        var environment = new Dictionary<string, string> { [CudaLibraryLookup.PythonEnvironmentVariable] = "/usr/lib/python3/dist-packages" };
        var folders = CudaLibraryLookup.Folders(v => environment.GetValueOrDefault(v), Tree("/usr/lib/python3/dist-packages/nvidia/cuda_runtime"));
        Assert.Contains("/usr/lib/python3/dist-packages/nvidia/cuda_runtime/lib", folders);
    }

    [Fact]
    public void The_loader_wins_then_the_first_folder_holding_the_file()
    {
        string[] folders = ["/a", "/b"];
        var files = new HashSet<string> { "/b/libcudart.so.13", "/a/libcublasLt.so.13", "/b/libcublasLt.so.13", "/b/libcublas.so.13", "/a/libcurand.so.10" };
        var report = CudaLibraryLookup.Find(folders, files.Contains, library => library == "libcudnn.so.9");
        Assert.True(report.Complete);
        Assert.Equal("/b/libcudart.so.13", report.Found["libcudart.so.13"]);
        Assert.Equal("/a/libcublasLt.so.13", report.Found["libcublasLt.so.13"]);
        Assert.Equal("", report.Found["libcudnn.so.9"]);   // the loader's own path
    }

    [Fact]
    public void What_is_missing_is_named_with_where_it_was_looked_for()
    {
        string[] folders = ["/usr/local/cuda/lib64", "/srv/venv/nvidia/cudnn/lib"];
        var files = new HashSet<string> { "/usr/local/cuda/lib64/libcudart.so.13", "/usr/local/cuda/lib64/libcublasLt.so.13", "/usr/local/cuda/lib64/libcublas.so.13", "/usr/local/cuda/lib64/libcurand.so.10" };
        var report = CudaLibraryLookup.Find(folders, files.Contains, _ => false);
        Assert.False(report.Complete);
        Assert.Equal(["libcudnn.so.9"], report.Missing);
        string sentence = report.Explain();
        Assert.Contains("libcudnn.so.9", sentence);
        Assert.Contains("/srv/venv/nvidia/cudnn/lib", sentence);
        Assert.Contains(CudaLibraryLookup.PythonEnvironmentVariable, sentence);
        Assert.Contains("CPU", sentence);
    }

    [Fact]
    public void The_required_libraries_are_those_of_CUDA_13_and_cuDNN_9_runtime_first()
    {
        Assert.Equal("libcudart.so.13", CudaLibraryLookup.Required[0]);
        Assert.Contains("libcublasLt.so.13", CudaLibraryLookup.Required);
        Assert.Contains("libcurand.so.10", CudaLibraryLookup.Required);
        Assert.Equal("libcudnn.so.9", CudaLibraryLookup.Required[^1]);
    }

    [Fact]
    public void This_machine_says_why_its_model_runs_where_it_does()
    {
        // The ONNX Runtime we ship has the CUDA provider compiled in, so without CUDA the reason is a missing
        // library, named, with where it was looked for — never a bare "not available".
        Assert.Contains("CUDAExecutionProvider", Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetAvailableProviders());
        string reason = ExecutionProviderSelector.CudaReason;
        if (ExecutionProviderSelector.IsCudaAvailable) return;
        Assert.Matches(@"lib(cudart|cublasLt|cublas|curand|cudnn)\.so\.\d+", reason);
        Assert.Contains("/usr/local/cuda/lib64", reason);
        Assert.Contains("CPU", reason);
    }
}
