namespace Enhance.Effects.Gpu;

/// <summary>What a backend provides to run a <see cref="DehaloGpuPlan"/>: its buffers and its kernel launches.</summary>
internal interface IDehaloPlanBackend
{
    /// <summary>A buffer of ours: the plan's table uploaded, or an uninitialised plane.</summary>
    IDeviceBuffer Create(DehaloBuffer spec);

    /// <summary>Enqueues one launch; <paramref name="handles"/> maps the plan's buffer numbers to device handles.</summary>
    void Launch(DehaloGpuPlan plan, DehaloLaunch launch, nint[] handles);
}

/// <summary>
/// Runs a plan's launches in order on one backend, creating each buffer of ours just before its first use and
/// releasing it right after its last (<see cref="DehaloGpuPlan.Schedule"/>). One loop for both backends, so
/// OpenCL and CUDA cannot differ in what they run, only in how a buffer is made and a kernel enqueued.
/// </summary>
internal static class DehaloPlanExecution
{
    public static void Run(DehaloGpuPlan plan, DeviceImage source, DeviceImage destination, IDehaloPlanBackend backend)
    {
        var handles = new nint[plan.Buffers.Count];
        var owned = new Dictionary<int, IDeviceBuffer>();
        try
        {
            handles[DehaloGpuPlan.SourceBuffer] = source.Handle;
            handles[DehaloGpuPlan.DestinationBuffer] = destination.Handle;
            for (int i = 0; i < plan.Launches.Count; i++)
            {
                var (create, release) = plan.Schedule[i];
                foreach (int b in create)
                {
                    var buffer = backend.Create(plan.Buffers[b]);
                    owned.Add(b, buffer);
                    handles[b] = buffer.Handle;
                }
                backend.Launch(plan, plan.Launches[i], handles);
                // Safe with kernels still queued: OpenCL defers the free until they finish, CUDA frees
                // stream-ordered (or through the driver's deferred free).
                foreach (int b in release)
                    if (owned.Remove(b, out var done)) done.Dispose();
            }
        }
        finally
        {
            foreach (var buffer in owned.Values) buffer.Dispose();
        }
    }
}
