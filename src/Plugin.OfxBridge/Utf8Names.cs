using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;

namespace Enhance.Plugin.OfxBridge;

/// <summary>
/// Null-terminated UTF-8 copies of the names passed to the host (property, param, clip, suite
/// names). Names are a small, fixed set, so each is converted once and kept for the life of the
/// process: no allocation on the render path.
/// </summary>
public static unsafe class Utf8Names
{
    private static readonly ConcurrentDictionary<string, nint> Cache = new(StringComparer.Ordinal);

    public static byte* Get(string name) => (byte*)Cache.GetOrAdd(name, static n =>
    {
        int count = Encoding.UTF8.GetByteCount(n);
        byte* p = (byte*)NativeMemory.Alloc((nuint)count + 1);
        Encoding.UTF8.GetBytes(n, new Span<byte>(p, count));
        p[count] = 0;
        return (nint)p;
    });

    /// <summary>Reads a null-terminated UTF-8 string from the host (null pointer gives null).</summary>
    public static string? Read(byte* p) => p == null ? null : Marshal.PtrToStringUTF8((nint)p);
}

/// <summary>A temporary null-terminated UTF-8 copy of a value string, freed on dispose.</summary>
public unsafe ref struct Utf8Value
{
    private byte* _pointer;

    public Utf8Value(string? value)
    {
        value ??= string.Empty;
        int count = Encoding.UTF8.GetByteCount(value);
        _pointer = (byte*)NativeMemory.Alloc((nuint)count + 1);
        Encoding.UTF8.GetBytes(value, new Span<byte>(_pointer, count));
        _pointer[count] = 0;
    }

    public readonly byte* Pointer => _pointer;

    public void Dispose()
    {
        if (_pointer != null) NativeMemory.Free(_pointer);
        _pointer = null;
    }
}
