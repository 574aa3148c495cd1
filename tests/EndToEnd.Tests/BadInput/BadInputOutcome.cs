using Enhance.Effects.Imaging;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// The two outcomes issue 17 allows for hostile input, and nothing else: the render succeeds with
/// a whole, finite picture of the size the node promises, or it is refused with a sentence a
/// colourist can act on. Never a signal, never a hang, never NaN, an empty file or a wrong size with exit 0.
/// </summary>
public static class BadInputOutcome
{
    /// <summary>Longest a case may run before it counts as a hang (a case takes 1–3 s; the machine may be busy).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Renders through the installed bundle to a float TIFF, within <see cref="Limit"/>.</summary>
    public static HostRun Render(string output, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ReferenceHost.Run(ReferenceHost.InstalledPluginDir, ["render", .. arguments, "--output", output, "--output-format", "float"], Limit, environment);

    /// <summary>A case's own fresh output folder.</summary>
    public static string Folder(string suite, string caseName) => ReferenceHost.OutputFolder(Path.Combine("bad-input", suite, caseName));

    /// <summary>Exit 0 and an output of <paramref name="width"/>×<paramref name="height"/> whose every sample (alpha included) is finite.</summary>
    public static void AssertRendered(HostRun run, string output, int width, int height)
    {
        AssertNoSignal(run);
        Assert.True(run.ExitCode == 0, "expected a render:\n" + run.Log);
        Assert.True(File.Exists(output) && new FileInfo(output).Length > 0, "exit 0 but no output file:\n" + run.Log);
        using var image = ImageFiles.Load(output, 4);
        Assert.True((image.Width, image.Height) == (width, height),
            $"exit 0 but the output is {image.Width}×{image.Height}, not the promised {width}×{height}:\n{run.Log}");
        var samples = image.Pixels;
        for (int i = 0; i < samples.Length; i++)
            if (!float.IsFinite(samples[i]))
                Assert.Fail($"exit 0 but sample {i} (pixel {i / 4 % width},{i / 4 / width}, channel {i % 4}) is {samples[i]}:\n{run.Log}");
    }

    /// <summary>
    /// A plug-in error (exit 2) whose [ofx ERROR] line holds every one of <paramref name="words"/>,
    /// reads as a sentence (no exception type, no stack trace, no "report this") and left no output file.
    /// </summary>
    public static void AssertRefused(HostRun run, string output, params string[] words)
    {
        AssertNoSignal(run);
        Assert.True(run.ExitCode == 2, "expected a refusal by the plug-in (exit 2):\n" + run.Log);
        var errors = run.StandardError.Split('\n').Where(l => l.StartsWith("[ofx ERROR]")).ToList();
        Assert.True(errors.Count > 0, "refused without an [ofx ERROR] message:\n" + run.Log);
        string message = string.Join('\n', errors);
        foreach (var word in words)
            Assert.True(message.Contains(word, StringComparison.OrdinalIgnoreCase), $"the message does not say '{word}':\n{message}");
        // Exception types, stack traces, "report this", argument names and ONNX Runtime's raw
        // error text are for developers, not for the person at the grading panel.
        foreach (var jargon in new[] { "Exception", "   at ", "report this", "(Parameter '", "[ErrorCode:", "onnxruntime::" })
            Assert.False(message.Contains(jargon), $"the message is not a sentence for a user ('{jargon}'):\n{message}");
        Assert.False(File.Exists(output), "a refused render still wrote " + output);
    }

    /// <summary>.NET reports a process killed by signal N as exit 128 + N.</summary>
    public static void AssertNoSignal(HostRun run) =>
        Assert.True(run.ExitCode is >= 0 and < 128, "ofxhost died of a signal (or worse):\n" + run.Log);

    /// <summary>Same size and the same bits in every sample (NaN compared by its bits, so nothing slips through).</summary>
    public static void AssertBitIdentical(FloatImage expected, FloatImage actual, string what)
    {
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (actual.Width, actual.Height, actual.Channels));
        var a = expected.Pixels;
        var b = actual.Pixels;
        for (int i = 0; i < a.Length; i++)
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i]))
                Assert.Fail($"{what}: sample {i} differs ({a[i]:R} untiled, {b[i]:R} tiled)");
    }

    /// <summary>
    /// Cases that fail today are kept out of the theories so CI stays green (each is listed in
    /// tests/BadInput/README.md); ENHANCE_BAD_INPUT_OPEN=1 runs them too, to check a fix.
    /// </summary>
    public static bool IncludeOpenCases => Environment.GetEnvironmentVariable("ENHANCE_BAD_INPUT_OPEN") == "1";
}
