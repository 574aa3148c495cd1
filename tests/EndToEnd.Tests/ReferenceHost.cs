using System.Diagnostics;
using Enhance.TestSupport;

namespace Enhance.EndToEnd.Tests;

/// <summary>The outcome of one ofxhost run.</summary>
public sealed record HostRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Log => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>
/// Runs the reference OFX host (native/host, built by CMake) against the INSTALLED bundle: test.sh
/// stages `cmake --install` into build/stage, and the host finds the bundle the way real hosts do,
/// through OFX_PLUGIN_PATH.
/// </summary>
public static class ReferenceHost
{
    public static string Executable =>
        Environment.GetEnvironmentVariable("ENHANCE_OFXHOST") is { Length: > 0 } p ? p : Path.Combine(RepoPaths.BuildDir, "native", "host", "ofxhost");

    /// <summary>Where the installed Enhance.ofx.bundle lies (the staged install of test.sh).</summary>
    public static string InstalledPluginDir =>
        Environment.GetEnvironmentVariable("ENHANCE_OFX_PLUGIN_PATH") is { Length: > 0 } p ? p : Path.Combine(RepoPaths.BuildDir, "stage", "usr", "OFX", "Plugins");

    public static HostRun Run(params string[] arguments) => Run(InstalledPluginDir, arguments);

    /// <summary>A run with extra environment variables (e.g. ENHANCE_GPU_STATS=1).</summary>
    public static HostRun RunWith(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Run(InstalledPluginDir, arguments, environment);

    public static HostRun Run(string pluginPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(pluginPath, arguments, TimeSpan.FromMinutes(10), environment);

    /// <summary>
    /// A run that must end within <paramref name="limit"/>: a hang is killed (the whole process
    /// tree) and reported as a <see cref="TimeoutException"/> naming the command.
    /// </summary>
    public static HostRun Run(string pluginPath, IEnumerable<string> arguments, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        if (!File.Exists(Executable))
            throw new FileNotFoundException($"The reference host is not built at {Executable}; run ./test.sh (or cmake --build build).");
        if (!Directory.Exists(Path.Combine(pluginPath, "Enhance.ofx.bundle")))
            throw new DirectoryNotFoundException($"No installed Enhance.ofx.bundle in {pluginPath}; run ./test.sh (it stages cmake --install into build/stage).");
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["OFX_PLUGIN_PATH"] = pluginPath;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ofxhost ran for more than {limit.TotalSeconds:0} s (a hang): " + string.Join(' ', arguments));
        }
        return new HostRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A fresh folder for a test's outputs, under build/test-output (kept for inspection).</summary>
    public static string OutputFolder(string testName)
    {
        var dir = Path.Combine(RepoPaths.BuildDir, "test-output", testName);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
