namespace Enhance.Effects.Upscale;

/// <summary>
/// A super-resolution model could not be used. <see cref="Exception.Message"/> is one sentence a
/// user can act on (it names the file and what is wrong with it: missing, not ONNX, wrong shape,
/// wrong channel count, unsupported operator set); the host shows it as the node's error.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string modelPath, string problem, Exception? inner = null)
        : base($"The model '{Path.GetFileName(modelPath)}' cannot be used: {problem}", inner)
    {
        ModelPath = modelPath;
        Problem = problem;
    }

    private ModelLoadException(string message, string modelPath, string problem, string advice, Exception inner)
        : base(message, inner)
    {
        ModelPath = modelPath;
        Problem = problem;
        Advice = advice;
    }

    /// <summary>
    /// ONNX Runtime itself could not start (its library missing or damaged in the bundle, or the
    /// process out of address space): no model would load, so the advice is not to pick another.
    /// </summary>
    public static ModelLoadException RuntimeUnavailable(string modelPath, Exception e)
    {
        var root = e;
        while (root.InnerException is not null) root = root.InnerException;
        string reason = root.Message.Split('\n', 2)[0].Trim();
        bool outOfMemory = root is OutOfMemoryException
            || reason.Contains("Cannot allocate memory", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("failed to map segment", StringComparison.OrdinalIgnoreCase);
        string problem = outOfMemory
            ? $"the host has too little memory or address space left to load ONNX Runtime ({reason})."
            : $"ONNX Runtime (libonnxruntime.so in the Enhance bundle) could not be loaded ({reason}).";
        string advice = outOfMemory
            ? "Raise the host's memory limit (ulimit -v) or close other work, or set Model to Classical."
            : "Reinstall Enhance.ofx.bundle; until then set Model to Classical.";
        return new ModelLoadException($"Upscale's network runtime is unavailable: {problem}", modelPath, problem, advice, e);
    }

    public string ModelPath { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it: one sentence.</summary>
    public string Advice { get; } = "Choose another model, or set Model to Classical.";
}
