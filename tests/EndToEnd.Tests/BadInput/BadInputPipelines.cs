namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>A node or chain of the bundle as ofxhost arguments, and how much larger than its input its output is.</summary>
public sealed record BadInputPipeline(string Name, string[] Nodes, int Enlargement)
{
    public override string ToString() => Name;
}

/// <summary>
/// The pipelines bad input goes through: each node alone (so one node cannot hide another's
/// failure by cleaning up for it) and the whole chain a colourist builds.
/// </summary>
public static class BadInputPipelines
{
    public const string Upscale = "io.enhance.Upscale", Dehalo = "io.enhance.Dehalo", Grain = "io.enhance.Grain";

    /// <summary>Lanczos only: the path drafts, thumbnails and Classical take.</summary>
    public static readonly BadInputPipeline UpscaleClassical = new("upscale-classical", ["--node", Upscale, "--param", $"{Upscale}.model=0"], 2);

    /// <summary>The default model (Faithful ×2) through ONNX Runtime.</summary>
    public static readonly BadInputPipeline UpscaleModel = new("upscale-model", ["--node", Upscale], 2);

    public static readonly BadInputPipeline DehaloAlone = new("dehalo", ["--node", Dehalo], 1);

    public static readonly BadInputPipeline GrainAlone = new("grain", ["--node", Grain], 1);

    public static readonly BadInputPipeline Chain = new("chain", ["--node", Upscale, "--node", Dehalo, "--node", Grain], 2);

    public static readonly BadInputPipeline[] All = [UpscaleClassical, UpscaleModel, DehaloAlone, GrainAlone, Chain];

    public static BadInputPipeline Named(string name) => All.Single(p => p.Name == name);
}
