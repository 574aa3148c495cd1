namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// Packs kernel parameters the way ILGPU's PTX declares them: an ArrayView as a 16-byte
/// {device pointer, element count} pair, scalars as themselves. Values live in caller-provided
/// stack memory (which does not move) so cuLaunchKernel can be handed pointers to them.
/// </summary>
internal unsafe ref struct CudaKernelArguments
{
    public const int MaxArguments = 24;
    public const int StorageBytes = MaxArguments * 16;

    private readonly Span<byte> _storage;
    private readonly Span<nint> _pointers;
    private int _used;
    private int _count;

    public CudaKernelArguments(Span<byte> storage, Span<nint> pointers)
    {
        _storage = storage;
        _pointers = pointers;
    }

    public int Count => _count;

    /// <summary>The parameter pointer array for cuLaunchKernel.</summary>
    public Span<nint> Pointers => _pointers[.._count];

    public CudaKernelArguments View(nint devicePointer, long elements)
    {
        Put(new ViewArgument((ulong)devicePointer, elements));
        return this;
    }

    public CudaKernelArguments Int(int value)
    {
        Put(value);
        return this;
    }

    public CudaKernelArguments Float(float value)
    {
        Put(value);
        return this;
    }

    private void Put<T>(T value) where T : unmanaged
    {
        if (_count == MaxArguments || _used + sizeof(T) > _storage.Length)
            throw new InvalidOperationException("Too many kernel arguments for the argument block.");
        // Every slot 8-byte aligned: the driver reads each parameter through its own pointer.
        var slot = _storage.Slice(_used, sizeof(T));
        System.Runtime.InteropServices.MemoryMarshal.Write(slot, in value);
        fixed (byte* p = slot) _pointers[_count] = (nint)p;
        _used += (sizeof(T) + 7) & ~7;
        _count++;
    }

    /// <summary>ILGPU's ArrayView parameter layout in PTX: .param .align 8 .b8 [16] = {ptr, length}.</summary>
    private readonly record struct ViewArgument(ulong Pointer, long Length);
}
