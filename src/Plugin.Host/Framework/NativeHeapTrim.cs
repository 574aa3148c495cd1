using System.Runtime.InteropServices;

namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// Hands the memory that glibc's malloc holds free back to the system, every
/// <see cref="RendersPerTrim"/> renders and whenever the host ends a sequence or asks us to purge.
///
/// Why: over thousands of small renders the host process's RSS grew by up to ~50 KB per frame
/// while nothing was retained — the managed heap stayed near 1 MB and the bytes in use in the malloc
/// arenas stayed flat (bench/soak-memory.sh). What grew was free space inside the arenas: the chunks
/// freed each frame (the host's images among them) end up fragmented, and glibc gives a heap's
/// memory back only from its top, so the free pages stayed resident (to 300+ MB). How much depends on
/// thread timing; it was seen with our runtime's threads in the process, never with the host's C
/// test plug-in alone. malloc_trim(0) releases every whole free page inside every arena (madvise),
/// whatever lies above it. It only gives back memory that is already free, so it is safe in someone
/// else's process, and it is cheap (0.2 ms for a 180 MB fragmented heap). Without glibc it does nothing.
/// </summary>
public static partial class NativeHeapTrim
{
    /// <summary>Often enough that a long render of small frames stays flat, rare enough to cost nothing.</summary>
    public const int RendersPerTrim = 64;

    private static int s_renders;
    private static int s_trims;
    private static int s_unavailable;

    /// <summary>How many times the heap was trimmed (for tests and diagnostics).</summary>
    public static int TrimCount => Volatile.Read(ref s_trims);

    /// <summary>Counts a finished render; every <see cref="RendersPerTrim"/>th one trims.</summary>
    public static void AfterRender()
    {
        if (Interlocked.Increment(ref s_renders) % RendersPerTrim == 0) Trim();
    }

    /// <summary>Releases free malloc memory now. Returns false where there is no glibc to ask.</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux() || Volatile.Read(ref s_unavailable) != 0) return false;
        try
        {
            _ = MallocTrim(0); // 1 if memory was returned to the system, 0 if there was none to return: both fine
            Interlocked.Increment(ref s_trims);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            Volatile.Write(ref s_unavailable, 1); // not glibc: nothing to trim, never ask again
            return false;
        }
    }

    // "libc.so.6", not "libc": on Debian-like systems libc.so is a linker script that dlopen rejects.
    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
