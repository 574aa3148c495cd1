using System.Runtime.InteropServices;
using Silk.NET.OpenCL;

namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>
/// The host's OpenCL queue, with the context and device it belongs to (CL_QUEUE_CONTEXT,
/// CL_QUEUE_DEVICE) and our kernels built for that context. Everything we enqueue goes on the
/// host's queue, in order, so the host's own commands before and after ours see our results without
/// any synchronisation on our side. Cheap: make one per render from the queue handle in the render
/// arguments. It does not own the queue, context or buffers and releases nothing of the host's.
/// </summary>
public sealed class OpenClDevice : IKernelDevice
{
    private OpenClDevice(CL api, nint queue, nint context, nint device, OpenClProgram program)
    {
        Api = api;
        Queue = queue;
        Context = context;
        Device = device;
        Program = program;
    }

    public CL Api { get; }

    /// <summary>The host's cl_command_queue.</summary>
    public nint Queue { get; }

    /// <summary>The queue's cl_context.</summary>
    public nint Context { get; }

    /// <summary>The queue's cl_device_id.</summary>
    public nint Device { get; }

    /// <summary>Our kernels, built once per context and device (see <see cref="OpenClProgramCache"/>).</summary>
    internal OpenClProgram Program { get; }

    /// <summary>Wraps the host's queue; builds our program on first use in its context.</summary>
    public static unsafe OpenClDevice FromHostQueue(nint commandQueue)
    {
        if (commandQueue == 0) throw new ArgumentException("The host gave no OpenCL command queue.", nameof(commandQueue));
        var api = OpenClRuntime.Api;
        nint context = 0, device = 0;
        OpenClException.Check(api.GetCommandQueueInfo(commandQueue, CommandQueueInfo.Context, (nuint)sizeof(nint), &context, null), "clGetCommandQueueInfo(CL_QUEUE_CONTEXT)");
        OpenClException.Check(api.GetCommandQueueInfo(commandQueue, CommandQueueInfo.Device, (nuint)sizeof(nint), &device, null), "clGetCommandQueueInfo(CL_QUEUE_DEVICE)");
        var program = OpenClProgramCache.GetOrBuild(api, context, device);
        return new OpenClDevice(api, commandQueue, context, device, program);
    }

    public GpuBackend Backend => GpuBackend.OpenCl;

    /// <summary>Blocks until everything enqueued on the host's queue has finished (only for CPU staging and tests).</summary>
    public void Synchronize() => OpenClException.Check(Api.Finish(Queue), "clFinish");

    /// <summary>A temporary device buffer in the host's context, released when disposed.</summary>
    public unsafe IDeviceBuffer Allocate(long bytes) => OpenClBuffer.Create(this, bytes, null);

    /// <summary>A read-only device buffer initialised from <paramref name="data"/> when it is created (no queue command, so no wait).</summary>
    public unsafe IDeviceBuffer Upload<T>(ReadOnlySpan<T> data) where T : unmanaged
    {
        fixed (T* p = data)
            return OpenClBuffer.Create(this, (long)data.Length * sizeof(T), p);
    }

    public void Read(nint buffer, Span<byte> destination) => Read<byte>(buffer, 0, destination);

    public void Write(ReadOnlySpan<byte> source, nint buffer) => Write(buffer, 0, source);

    /// <summary>Blocking write of <paramref name="data"/> into <paramref name="buffer"/> at a byte offset.</summary>
    public unsafe void Write<T>(nint buffer, long byteOffset, ReadOnlySpan<T> data) where T : unmanaged
    {
        fixed (T* p = data)
            OpenClException.Check(Api.EnqueueWriteBuffer(Queue, buffer, true, (nuint)byteOffset, (nuint)((long)data.Length * sizeof(T)), p, 0, null, null), "clEnqueueWriteBuffer");
    }

    /// <summary>Blocking read from <paramref name="buffer"/> at a byte offset into <paramref name="data"/>.</summary>
    public unsafe void Read<T>(nint buffer, long byteOffset, Span<T> data) where T : unmanaged
    {
        fixed (T* p = data)
            OpenClException.Check(Api.EnqueueReadBuffer(Queue, buffer, true, (nuint)byteOffset, (nuint)((long)data.Length * sizeof(T)), p, 0, null, null), "clEnqueueReadBuffer");
    }

    /// <summary>Enqueues zero-filling the first <paramref name="bytes"/> of <paramref name="buffer"/>.</summary>
    public unsafe void Zero(nint buffer, long bytes)
    {
        float zero = 0;
        OpenClException.Check(Api.EnqueueFillBuffer(Queue, buffer, &zero, sizeof(float), 0, (nuint)bytes, 0, null, null), "clEnqueueFillBuffer");
    }

    /// <summary>Size in bytes of a cl_mem (to check a host buffer really holds the image it is said to).</summary>
    public unsafe long BytesFrom(nint buffer)
    {
        nuint size = 0;
        OpenClException.Check(Api.GetMemObjectInfo(buffer, MemInfo.Size, (nuint)sizeof(nuint), &size, null), "clGetMemObjectInfo(CL_MEM_SIZE)");
        return (long)size;
    }

    /// <summary>One launch: a fresh cl_kernel (it holds its arguments, so it is never shared between threads), arguments in order, enqueued.</summary>
    public void Launch(string kernel, ReadOnlySpan<KernelArgument> arguments, long width, long height, long depth)
    {
        var call = new OpenClKernelCall(this, Program.CreateKernel(kernel), kernel);
        foreach (var a in arguments)
            call = a.IsBuffer ? call.Mem(a.Buffer) : a.IsInt ? call.Int(a.Int) : call.Float(a.Float);
        call.Enqueue(width, height, depth);
    }
}
