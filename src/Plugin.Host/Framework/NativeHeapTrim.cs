using System.Runtime.InteropServices;

namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// Hands the memory that glibc's malloc holds free back to the system, every
/// <see cref="RendersPerTrim"/> renders and whenever the host ends a sequence or asks us to purge.
///
/// Why: over thousands of small renders the host process's RSS grew by tens of KB per frame while
/// nothing was retained — the managed heap stayed under 1 MB and the bytes in use in the malloc
/// arenas stayed flat (bench/soak-memory.sh). What grew was free space inside the arenas: the host's
/// per-frame images and the .NET runtime's threads allocate and free there, the freed chunks are
/// fragmented, and glibc returns a heap's memory only from its top, so RSS crept up to hundreds of
/// MB. malloc_trim(0) releases every free page inside the arenas (madvise), whatever lies above it.
/// It only gives back memory that is already free, so it is safe in someone else's process; it
/// costs well under a millisecond against a render. Without glibc (musl, macOS) it does nothing.
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
            MallocTrim(0);
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
