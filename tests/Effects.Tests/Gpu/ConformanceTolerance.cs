using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;
using Enhance.Effects.Gpu.Cuda;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// How close a GPU result must be to the CPU code's, in tiers, so a tolerance never hides a missing stage:
/// <list type="bullet">
/// <item><see cref="Exact"/>: the kernel does the CPU's float operations in the CPU's order (FP contraction off,
/// IEEE division and square root; clang emits every PTX add and mul with .rn, so the JIT cannot fuse them):
/// bit for bit. Copy, resample, detail blend, planar packing, straight RGB for display, every Dehalo stage,
/// Grain in linear space.</item>
/// <item><see cref="LibraryFunction"/>: a math library function stands in the arithmetic (pow for sRGB, log2 and
/// exp2 for Grain's log space), and .NET's differs from the device's in the last bits. OpenCL C allows pow
/// 16 ulp; at values up to 1 that is 1.9e-6. Measured on pocl: at most 1.8e-7.</item>
/// </list>
/// The ILGPU kernels (ENHANCE_CUDA_KERNELS=ilgpu, kept until the single source is proven) were written to the
/// former single bound of 1e-4 (their PTX lets the JIT fuse, their pow is ex2/lg2.approx), and keep it.
/// </summary>
internal static class ConformanceTolerance
{
    private const double Ilgpu = 1e-4;

    public static double Exact(string backend) => IsIlgpu(backend) ? Ilgpu : 0;

    public static double LibraryFunction(string backend) => IsIlgpu(backend) ? Ilgpu : 2e-6;

    /// <summary>The tier of a planar or model encoding: sRGB (scene-linear input) goes through pow.</summary>
    public static double For(string backend, PlanarEncoding encoding) =>
        encoding == PlanarEncoding.ModelSceneLinear ? LibraryFunction(backend) : Exact(backend);

    /// <summary>
    /// Whether the backend's kernels read the host's samples through FiniteSamples' rule (finite_sample). The
    /// ILGPU kernels predate it: their rows compare with the CPU code on the raw samples, as before.
    /// </summary>
    public static bool ReadsHostSamplesAsTheCpuNode(string backend) => !IsIlgpu(backend);

    private static bool IsIlgpu(string backend) => backend == GpuBackends.Cuda && CudaKernelChoice.Current == CudaKernelSource.Ilgpu;
}
