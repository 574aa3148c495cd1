using System.Diagnostics;
using Enhance.TestSupport;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// The bad-input corpus of issue 17, generated once per test run by tests/BadInput/make_corpus.py
/// into build/bad-input-corpus (never committed): broken ONNX models and pictures with values a
/// float pipeline can meet. The fuzzed and truncated models start from a model of the installed
/// bundle, so they are damaged copies of a real network.
/// </summary>
public static class BadInputCorpus
{
    private static readonly Lazy<string> LazyFolder = new(Generate);

    /// <summary>The generated corpus (generating it on first use).</summary>
    public static string Folder => LazyFolder.Value;

    public static string Model(string name) => Path.Combine(Folder, "models", name);

    public static string Image(string name) => Path.Combine(Folder, "images", name);

    /// <summary>The files the generator says it wrote ("models/x.onnx", "images/x.pfm").</summary>
    public static IReadOnlyList<string> Listing() =>
        File.ReadAllLines(Path.Combine(Folder, "corpus.txt")).Where(l => l.Length > 0).ToList();

    /// <summary>The bundled model the damaged copies start from (small: 344 kB).</summary>
    public static string BundledModel => Path.Combine(ReferenceHost.InstalledPluginDir, "Enhance.ofx.bundle", "Contents", "Resources", "models", "enhance-faithful-x2.onnx");

    private static string Generate()
    {
        string folder = Path.Combine(RepoPaths.BuildDir, "bad-input-corpus");
        string script = Path.Combine(RepoPaths.Root, "tests", "BadInput", "make_corpus.py");
        // Debian's python3-onnx lives in the system interpreter, not in a pyenv/venv python on PATH.
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { script, folder, BundledModel }) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("/usr/bin/python3 did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        string output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"make_corpus.py failed (exit {process.ExitCode}; tools/install-prerequisites.sh installs python3-onnx, python3-numpy, openimageio-tools):\n{output}");
        return folder;
    }
}
