using Enhance.Effects.Gpu.OpenCl;
using Silk.NET.OpenCL;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// Plays the OFX host for OpenCL tests: its own context and in-order queue on the first OpenCL
/// device (pocl's CPU device in CI: apt install pocl-opencl-icd ocl-icd-libopencl1). The code under
/// test only ever sees the queue handle, as it would in Resolve.
/// </summary>
public sealed class OpenClTestHost : IDisposable
{
    public OpenClTestHost()
    {
        Api = OpenClRuntime.TryGet(out var reason)
              ?? throw new InvalidOperationException($"OpenCL tests need an OpenCL runtime (CI: apt install pocl-opencl-icd ocl-icd-libopencl1): {reason}");
        unsafe
        {
            uint platformCount = 0;
            Check(Api.GetPlatformIDs(0, null, &platformCount), "clGetPlatformIDs");
            if (platformCount == 0) throw new InvalidOperationException("No OpenCL platform; install pocl-opencl-icd.");
            var platforms = new nint[platformCount];
            fixed (nint* p = platforms) Check(Api.GetPlatformIDs(platformCount, p, null), "clGetPlatformIDs");
            nint device = 0;
            foreach (var platform in platforms)
            {
                uint n = 0;
                if (Api.GetDeviceIDs(platform, DeviceType.All, 1, &device, &n) == 0 && n > 0) break;
                device = 0;
            }
            if (device == 0) throw new InvalidOperationException("No OpenCL device; install pocl-opencl-icd.");
            Device = device;
            int error;
            Context = Api.CreateContext(null, 1, &device, null, null, &error);
            Check(error, "clCreateContext");
            Queue = Api.CreateCommandQueue(Context, device, CommandQueueProperties.None, &error);
            Check(error, "clCreateCommandQueue");
        }
    }

    public CL Api { get; }
    public nint Device { get; }
    public nint Context { get; }

    /// <summary>The "host's" queue handed to the plug-in.</summary>
    public nint Queue { get; }

    private static void Check(int error, string what)
    {
        if (error != 0) throw new InvalidOperationException($"{what} failed with {error}.");
    }

    public void Dispose()
    {
        Api.Finish(Queue);
        Api.ReleaseCommandQueue(Queue);
        Api.ReleaseContext(Context);
    }
}
