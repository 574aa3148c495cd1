using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.OpenCl;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// The GPU backends the conformance suite runs: OpenCL always (pocl in CI), CUDA where a driver and
/// device exist. Theories list their rows per backend with <see cref="BackendRowsAttribute"/>, which
/// skips the CUDA rows (with the reason) on a machine without CUDA.
/// </summary>
public static class GpuBackends
{
    public const string OpenCl = "OpenCL";
    public const string Cuda = "CUDA";

    public static TheoryData<string> All => new() { OpenCl, Cuda };

    /// <summary>
    /// A session on the named backend. Throws (so the row fails) where it cannot open: a row that was
    /// not skipped by <see cref="BackendRowsAttribute"/> must run.
    /// </summary>
    public static GpuTestSession Open(string backend)
    {
        switch (backend)
        {
            case OpenCl:
                var host = new OpenClTestHost();
                // Every launch is also held to the CUDA module's signature of the kernel (one source, two backends).
                return new GpuTestSession(new GpuPrimitives(new PtxCheckedKernelDevice(OpenClDevice.FromHostQueue(host.Queue))), host);
            case Cuda:
                var cuda = CudaTestHost.TryCreate(out var reason)
                           ?? throw new InvalidOperationException($"a CUDA row ran on a machine without CUDA: {reason}");
                return new GpuTestSession(cuda.Primitives, cuda);
            default:
                throw new ArgumentException(backend);
        }
    }
}
