namespace Enhance.Effects.Gpu;

internal enum KernelArgumentKind
{
    Buffer,
    Int,
    Float,
}

/// <summary>One kernel argument as the OpenCL C declares it: a <c>__global</c> pointer, an <c>int</c> or a <c>float</c>.</summary>
public readonly struct KernelArgument
{
    private KernelArgument(KernelArgumentKind kind, nint buffer, int integer, float real)
    {
        Kind = kind;
        Buffer = buffer;
        Int = integer;
        Float = real;
    }

    internal KernelArgumentKind Kind { get; }

    /// <summary>cl_mem or CUdeviceptr.</summary>
    public nint Buffer { get; }

    public int Int { get; }

    public float Float { get; }

    public bool IsBuffer => Kind == KernelArgumentKind.Buffer;
    public bool IsInt => Kind == KernelArgumentKind.Int;
    public bool IsFloat => Kind == KernelArgumentKind.Float;

    public static KernelArgument OfBuffer(nint handle) => new(KernelArgumentKind.Buffer, handle, 0, 0f);
    public static KernelArgument Of(int value) => new(KernelArgumentKind.Int, 0, value, 0f);
    public static KernelArgument Of(float value) => new(KernelArgumentKind.Float, 0, 0, value);

    public override string ToString() => Kind switch
    {
        KernelArgumentKind.Buffer => $"buffer 0x{Buffer:x}",
        KernelArgumentKind.Int => $"int {Int}",
        _ => $"float {Float}",
    };
}

/// <summary>
/// One launch being put together: arguments in the order the kernel declares them, then
/// <see cref="Enqueue"/>. A value on the stack (no allocation per launch); the device does the rest.
/// </summary>
internal struct KernelCall
{
    public const int MaxArguments = 32;

    private readonly IKernelDevice _device;
    private readonly string _kernel;
    private Arguments _arguments;
    private int _count;

    public KernelCall(IKernelDevice device, string kernel)
    {
        _device = device;
        _kernel = kernel;
    }

    public readonly KernelCall Mem(nint buffer) => With(KernelArgument.OfBuffer(buffer));
    public readonly KernelCall Int(int value) => With(KernelArgument.Of(value));
    public readonly KernelCall Float(float value) => With(KernelArgument.Of(value));

    public readonly KernelCall With(KernelArgument argument)
    {
        if (_count == MaxArguments)
            throw new InvalidOperationException($"{_kernel}: more than {MaxArguments} kernel arguments.");
        var next = this;
        next._arguments[next._count++] = argument;
        return next;
    }

    /// <summary>Enqueues over width × height (× depth) work items; an empty range enqueues nothing.</summary>
    public readonly void Enqueue(long width, long height, long depth = 1)
    {
        if (width <= 0 || height <= 0 || depth <= 0) return;
        ReadOnlySpan<KernelArgument> all = _arguments;
        _device.Launch(_kernel, all[.._count], width, height, depth);
    }

    [System.Runtime.CompilerServices.InlineArray(MaxArguments)]
    private struct Arguments
    {
        private KernelArgument _first;
    }
}

internal static class KernelDeviceExtensions
{
    /// <summary>Starts a launch of one of our kernels (Gpu/Kernels/*.cl) on this device.</summary>
    public static KernelCall Kernel(this IKernelDevice device, string name) => new(device, name);
}
