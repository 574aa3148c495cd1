using System.Diagnostics;
using Enhance.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// Thousands of renders of Upscale → Grain through the installed bundle must not make the host
/// process grow: its RSS is read while it renders, once the runtime is warm (frame 300) and again
/// at frame 2000. bench/soak-memory.sh is the longer version, over more chains, with the numbers
/// behind the bound. Not timed: the frames are small so it takes seconds, and only memory is read.
/// </summary>
public sealed class MemorySoakTests(ITestOutputHelper output)
{
    private const string Upscale = "io.enhance.Upscale", Dehalo = "io.enhance.Dehalo", Grain = "io.enhance.Grain";
    private const int WarmFrames = 300, LastFrames = 2000;

    // Without NativeHeapTrim this chain's RSS crept by up to ~50 KB per frame (bench/soak-memory.sh;
    // how much depends on thread timing: 34 MB over these 1700 frames in one of three runs here); with
    // it, within ±5 MB. 24 MB also catches anything retaining a 80×50 float image (64 KB) per render.
    private const double AllowedGrowthMegabytes = 24;

    [Fact]
    public void HostMemoryStaysFlatOverThousandsOfUpscaleGrainRenders()
    {
        var dir = ReferenceHost.OutputFolder(nameof(HostMemoryStaysFlatOverThousandsOfUpscaleGrainRenders));
        string input = Path.Combine(dir, "rocket.png");
        using (var image = ImageFiles.Load(TestImages.Photo("rocket"), 3, 40)) ImageFiles.Save(image, input);
        string frames = Path.Combine(dir, "frames");
        Directory.CreateDirectory(frames);
        // Rendering goes on past the last sample, so the process is alive when it is read.
        string[] arguments = ["render", "--node", Upscale, "--param", $"{Upscale}.model=0", "--node", Grain,
            "--input", input, "--output", Path.Combine(frames, "f.####.tif"), "--frames", $"0-{LastFrames + 200}"];

        var start = new ProcessStartInfo(ReferenceHost.Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["OFX_PLUGIN_PATH"] = ReferenceHost.InstalledPluginDir;
        using var host = Process.Start(start)!;
        var stderr = host.StandardError.ReadToEndAsync();
        _ = host.StandardOutput.ReadToEndAsync();
        try
        {
            double warm = ResidentMegabytesAfter(host, frames, WarmFrames, stderr);
            double late = ResidentMegabytesAfter(host, frames, LastFrames, stderr);
            output.WriteLine($"RSS at frame {WarmFrames}: {warm:F1} MB, at frame {LastFrames}: {late:F1} MB");
            Assert.True(late - warm < AllowedGrowthMegabytes,
                $"RSS grew {late - warm:F1} MB ({(late - warm) * 1024 / (LastFrames - WarmFrames):F1} KB/frame) from frame {WarmFrames} ({warm:F1} MB) to {LastFrames} ({late:F1} MB)");
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            host.WaitForExit();
        }
    }

    /// <summary>The host's RSS once <paramref name="count"/> frames are written.</summary>
    private static double ResidentMegabytesAfter(Process host, string frames, int count, Task<string> stderr)
    {
        var deadline = Stopwatch.StartNew();
        while (Directory.GetFiles(frames).Length < count)
        {
            if (host.HasExited) Assert.Fail($"ofxhost ended (exit {host.ExitCode}) before frame {count}: {stderr.Result}");
            if (deadline.Elapsed > TimeSpan.FromMinutes(5)) Assert.Fail($"ofxhost wrote fewer than {count} frames in 5 minutes");
            Thread.Sleep(20);
        }
        foreach (var line in File.ReadLines($"/proc/{host.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        throw new InvalidOperationException($"/proc/{host.Id}/status has no VmRSS");
    }
}
