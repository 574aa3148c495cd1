using Enhance.Effects.Gpu;
using Enhance.Effects.Gpu.Cuda;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// An OpenCL device (pocl in CI) that holds every launch to the CUDA module's declaration of the same
/// kernel before running it: the same name, as many arguments, a pointer where the PTX takes .u64, an int
/// where it takes .u32 and a float where it takes .f32. The conformance suite runs the single kernel source
/// through it, so a launch that would go wrong on CUDA fails here, on a machine without a GPU.
/// </summary>
internal sealed class PtxCheckedKernelDevice(IKernelDevice inner) : IKernelDevice
{
    private static readonly Lazy<IReadOnlyDictionary<string, string[]>> Entries = new(() => PtxEntries.Parse(GpuKernelResources.CudaPtx));

    public GpuBackend Backend => inner.Backend;

    public IDeviceBuffer Allocate(long bytes) => inner.Allocate(bytes);

    public IDeviceBuffer Upload<T>(ReadOnlySpan<T> data) where T : unmanaged => inner.Upload(data);

    public void Launch(string kernel, ReadOnlySpan<KernelArgument> arguments, long width, long height, long depth)
    {
        Check(kernel, arguments);
        inner.Launch(kernel, arguments, width, height, depth);
    }

    public static void Check(string kernel, ReadOnlySpan<KernelArgument> arguments)
    {
        if (!Entries.Value.TryGetValue(kernel, out var declared))
            throw new InvalidOperationException($"{kernel} is launched but the CUDA module has no such entry.");
        if (declared.Length != arguments.Length)
            throw new InvalidOperationException($"{kernel} is launched with {arguments.Length} arguments; its PTX declares {declared.Length}.");
        for (int i = 0; i < arguments.Length; i++)
        {
            var a = arguments[i];
            string expected = a.IsBuffer ? "u64" : a.IsInt ? "u32" : "f32";
            if (declared[i] != expected)
                throw new InvalidOperationException($"{kernel} argument {i} is {a} but its PTX parameter is .{declared[i]}.");
        }
    }

    public void Zero(nint buffer, long bytes) => inner.Zero(buffer, bytes);
    public long BytesFrom(nint buffer) => inner.BytesFrom(buffer);
    public void Read(nint buffer, Span<byte> destination) => inner.Read(buffer, destination);
    public void Write(ReadOnlySpan<byte> source, nint buffer) => inner.Write(source, buffer);
    public void Synchronize() => inner.Synchronize();
}
