namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// Which kernels a CUDA render runs: the single source (Gpu/Kernels compiled to PTX at build time, the
/// default) or the ILGPU twins of the previous design, chosen with <c>ENHANCE_CUDA_KERNELS=ilgpu</c>. The
/// ILGPU path stays until a GPU run proves the single source gives its results (tools/gpu-check.sh runs both);
/// then it, Cuda/*Kernels.cs and ILGPU go.
/// </summary>
public static class CudaKernelChoice
{
    public const string EnvironmentVariable = "ENHANCE_CUDA_KERNELS";

    private static readonly Lazy<CudaKernelSource> Chosen = new(() => Parse(Environment.GetEnvironmentVariable(EnvironmentVariable)));

    public static CudaKernelSource Current => Chosen.Value;

    /// <summary>"ilgpu" (any case) selects ILGPU; anything else, or nothing, the single source.</summary>
    public static CudaKernelSource Parse(string? value) =>
        string.Equals(value?.Trim(), "ilgpu", StringComparison.OrdinalIgnoreCase) ? CudaKernelSource.Ilgpu : CudaKernelSource.SingleSource;
}
