using Enhance.Effects.Gpu.OpenCl;
using Xunit;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>The GPU backends the conformance suite runs: OpenCL always (pocl in CI), CUDA where a driver and device exist.</summary>
public static class GpuBackends
{
    public const string OpenCl = "OpenCL";
    public const string Cuda = "CUDA";

    public static TheoryData<string> All => new() { OpenCl, Cuda };

    /// <summary>A session on the named backend, or null (with the reason) when this machine has no such GPU.</summary>
    public static GpuTestSession? Open(string backend, out string reason)
    {
        reason = "";
        switch (backend)
        {
            case OpenCl:
                var host = new OpenClTestHost();
                return new GpuTestSession(new OpenClPrimitives(OpenClDevice.FromHostQueue(host.Queue)), host);
            case Cuda:
                var cuda = CudaTestHost.TryCreate(out reason);
                return cuda is null ? null : new GpuTestSession(cuda.Primitives, cuda);
            default:
                throw new ArgumentException(backend);
        }
    }
}
