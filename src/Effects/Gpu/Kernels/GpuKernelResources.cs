using System.Text;

namespace Enhance.Effects.Gpu;

/// <summary>
/// The one kernel source, as the two backends take it (both embedded by GpuKernels.targets): the OpenCL C
/// text that OpenCL builds at run time for the host's device, and the PTX that clang compiled from that
/// same text for CUDA. Nothing else holds kernel code.
/// </summary>
public static class GpuKernelResources
{
    private const string Prefix = "Enhance.Effects.Gpu.Kernels.";

    private static readonly Lazy<string> Cl = new(() => Read("enhance-kernels.cl"));
    private static readonly Lazy<string> Ptx = new(() => Read("enhance-kernels.ptx"));

    /// <summary>Gpu/Kernels/*.cl joined in build order.</summary>
    public static string OpenClSource => Cl.Value;

    /// <summary>The same kernels as one PTX module (nvptx64, libclc's builtins linked in, no external calls).</summary>
    public static string CudaPtx => Ptx.Value;

    private static string Read(string file)
    {
        var assembly = typeof(GpuKernelResources).Assembly;
        using var stream = assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"The GPU kernels ({Prefix + file}) are not embedded in {assembly.GetName().Name} " +
                $"(it holds: {string.Join(", ", assembly.GetManifestResourceNames())}); the build's GpuKernels.targets did not run.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
