using System.Runtime.InteropServices;
using Enhance.Plugin.Host.Framework;
using Xunit;

namespace Enhance.Plugin.Tests;

/// <summary>
/// NativeHeapTrim must really hand fragmented free malloc memory back to the system: this builds
/// the pattern that made a host's RSS creep over thousands of renders (blocks freed between small
/// live ones, so no heap can shrink from its top) and checks that RSS falls when it trims.
/// </summary>
public sealed unsafe class NativeHeapTrimTests
{
    private const int Blocks = 2000, BlockBytes = 60_000, PinBytes = 64; // 60 KB: below malloc's mmap threshold

    [Fact]
    public void TrimReturnsFreeMemoryTrappedBetweenLiveAllocations()
    {
        Assert.True(OperatingSystem.IsLinux(), "the plug-in's Linux build relies on glibc's malloc_trim");
        var blocks = new nint[Blocks];
        var pins = new nint[Blocks];
        try
        {
            for (int i = 0; i < Blocks; i++)
            {
                blocks[i] = (nint)NativeMemory.Alloc(BlockBytes);
                new Span<byte>((void*)blocks[i], BlockBytes).Fill(1); // resident, not just reserved
                pins[i] = (nint)NativeMemory.Alloc(PinBytes);
            }
            for (int i = 0; i < Blocks; i++) NativeMemory.Free((void*)blocks[i]);
            long trapped = ResidentBytes();
            Assert.True(NativeHeapTrim.Trim(), "malloc_trim was not found in libc.so.6");
            long released = trapped - ResidentBytes();
            // ~14 whole pages per freed block are free between two pins: ~110 MB. Ask for half.
            Assert.True(released > Blocks * (long)BlockBytes / 2,
                $"trim released {released / 1048576.0:F1} MB of the {Blocks * (long)BlockBytes / 1048576.0:F1} MB freed between live blocks");
        }
        finally
        {
            foreach (var p in pins) NativeMemory.Free((void*)p);
        }
    }

    [Fact]
    public void EveryRendersPerTrimthRenderTrims()
    {
        int before = NativeHeapTrim.TrimCount;
        for (int i = 0; i < NativeHeapTrim.RendersPerTrim * 3; i++) NativeHeapTrim.AfterRender();
        // Other tests may trim concurrently, so at least three more, not exactly three.
        Assert.True(NativeHeapTrim.TrimCount - before >= 3, $"{NativeHeapTrim.TrimCount - before} trims in {NativeHeapTrim.RendersPerTrim * 3} renders");
    }

    private static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        throw new InvalidOperationException("/proc/self/status has no VmRSS");
    }
}
