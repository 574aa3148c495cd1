using System.Text;
using Silk.NET.OpenCL;

namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>
/// Our OpenCL C kernels (Gpu/Kernels/*.cl joined at build time, one program) built for one context
/// and device. Kernel objects are made per launch: a cl_kernel holds its arguments, so sharing one
/// between render threads would race in clSetKernelArg, while creating one is cheap next to a frame.
/// </summary>
internal sealed class OpenClProgram : IDisposable
{
    private readonly CL _api;
    private nint _program;

    private OpenClProgram(CL api, nint program, nint context, nint device)
    {
        _api = api;
        _program = program;
        Context = context;
        Device = device;
    }

    public nint Context { get; }
    public nint Device { get; }

    /// <summary>The kernel source (Gpu/Kernels/*.cl joined in the order GpuKernels.targets gives), as embedded in the assembly.</summary>
    public static string Source { get; } = GpuKernelResources.OpenClSource;

    public static unsafe OpenClProgram Build(CL api, nint context, nint device)
    {
        var bytes = Encoding.UTF8.GetBytes(Source);
        int error;
        nint program;
        fixed (byte* src = bytes)
        {
            byte* strings = src;
            nuint length = (nuint)bytes.Length;
            program = api.CreateProgramWithSource(context, 1, &strings, &length, &error);
        }
        OpenClException.Check(error, "clCreateProgramWithSource");
        // No -cl-std and no fast-math: the kernels are OpenCL C 1.1 compatible and must keep IEEE results.
        var options = "\0"u8;
        fixed (byte* opt = options)
            error = api.BuildProgram(program, 1, &device, opt, null, null);
        if (error != 0)
        {
            string log = BuildLog(api, program, device);
            api.ReleaseProgram(program);
            throw new OpenClException("clBuildProgram", error, "Build log: " + log);
        }
        return new OpenClProgram(api, program, context, device);
    }

    public unsafe nint CreateKernel(string name)
    {
        var program = _program != 0 ? _program : throw new ObjectDisposedException(nameof(OpenClProgram));
        var bytes = Encoding.ASCII.GetBytes(name + "\0");
        int error;
        nint kernel;
        fixed (byte* n = bytes)
            kernel = _api.CreateKernel(program, n, &error);
        OpenClException.Check(error, $"clCreateKernel({name})");
        return kernel;
    }

    private static unsafe string BuildLog(CL api, nint program, nint device)
    {
        nuint size = 0;
        api.GetProgramBuildInfo(program, device, ProgramBuildInfo.BuildLog, 0, null, &size);
        if (size == 0) return "(empty)";
        var log = new byte[(int)size];
        fixed (byte* p = log)
            api.GetProgramBuildInfo(program, device, ProgramBuildInfo.BuildLog, size, p, null);
        return Encoding.UTF8.GetString(log).TrimEnd('\0', '\n');
    }

    public void Dispose()
    {
        var program = Interlocked.Exchange(ref _program, 0);
        if (program != 0) _api.ReleaseProgram(program);
    }
}
