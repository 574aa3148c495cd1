using System.Diagnostics;
using System.Globalization;

namespace Enhance.Plugin.Host.Rendering;

/// <summary>
/// With ENHANCE_GPU_STATS=1, one line per render on stderr:
/// <c>[Enhance] stats: node=… backend=CPU|OpenCL|CUDA ms=… bytes-to-host=… bytes-to-device=…</c>.
/// The milliseconds run from the start of the render to its end, with the device's work waited for
/// (so GPU figures are not just enqueue times); the bytes are the frame data copied between host
/// and device memory (<see cref="Effects.Gpu.GpuTransferCounter"/>), 0 for a CPU render. Meant for
/// benchmarks (tools/gpu-check.sh) and for seeing a slow path at a glance; off by default, because
/// waiting for the device costs a GPU render its overlap with the host's next work.
/// </summary>
public static class RenderStatistics
{
    public const string EnvironmentVariable = "ENHANCE_GPU_STATS";

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    public static void Report(string nodeName, GpuRenderScope? gpu, long startedTimestamp)
    {
        double ms = Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds;
        long toHost = gpu?.Primitives.Transfers.BytesToHost ?? 0, toDevice = gpu?.Primitives.Transfers.BytesToDevice ?? 0;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"[Enhance] stats: node={nodeName} backend={gpu?.BackendName ?? "CPU"} ms={ms:F2} bytes-to-host={toHost} bytes-to-device={toDevice}"));
    }
}
