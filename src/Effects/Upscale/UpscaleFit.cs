namespace Enhance.Effects.Upscale;

/// <summary>How an Upscale render fits the host's frames (the node's Mode, with Auto already resolved by host and page).</summary>
public enum UpscaleFit
{
    /// <summary>The output is the source enlarged by the scale (output definition = input × scale).</summary>
    Resize,

    /// <summary>The host already enlarged the clip by the source scale: same size out, detail rebuilt in the frame.</summary>
    InPlace,
}
