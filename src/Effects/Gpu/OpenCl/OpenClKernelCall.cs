namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>
/// One launch of one kernel: arguments set in declaration order, then <see cref="Enqueue"/> on the
/// host's queue. The kernel object is released right after enqueueing (the queued command keeps
/// what it needs), so nothing waits for the GPU.
/// </summary>
internal ref struct OpenClKernelCall
{
    private readonly OpenClDevice _device;
    private readonly string _name;
    private nint _kernel;
    private uint _index;

    public OpenClKernelCall(OpenClDevice device, nint kernel, string name)
    {
        _device = device;
        _kernel = kernel;
        _name = name;
    }

    public OpenClKernelCall Mem(nint buffer) => Set(buffer);
    public OpenClKernelCall Int(int value) => Set(value);
    public OpenClKernelCall Float(float value) => Set(value);

    private unsafe OpenClKernelCall Set<T>(T value) where T : unmanaged
    {
        int error = _device.Api.SetKernelArg(_kernel, _index, (nuint)sizeof(T), &value);
        if (error != 0)
        {
            Release();
            throw new OpenClException($"clSetKernelArg({_name}, #{_index})", error);
        }
        _index++;
        return this;
    }

    /// <summary>Enqueues a 2-D (or 3-D) range (no local size: the driver picks; sizes need not be multiples).</summary>
    public unsafe void Enqueue(long width, long height, long depth = 1)
    {
        try
        {
            if (width <= 0 || height <= 0 || depth <= 0) return;
            nuint* global = stackalloc nuint[3] { (nuint)width, (nuint)height, (nuint)depth };
            OpenClException.Check(_device.Api.EnqueueNdrangeKernel(_device.Queue, _kernel, depth > 1 ? 3u : 2u, null, global, null, 0, null, null), $"clEnqueueNDRangeKernel({_name})");
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (_kernel != 0) _device.Api.ReleaseKernel(_kernel);
        _kernel = 0;
    }
}
