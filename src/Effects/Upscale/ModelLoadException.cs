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

    public string ModelPath { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }
}
