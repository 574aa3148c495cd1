namespace Enhance.Effects.Upscale;

/// <summary>What one Upscale render does, whatever the backend (<see cref="UpscalePipeline.RouteFor"/> decides).</summary>
public enum UpscaleRoute
{
    /// <summary>Resize without a model: Lanczos-3 from the source to the output size.</summary>
    Classical,

    /// <summary>
    /// In place without a model: the host's frame as it is. The host already scaled the clip, and a
    /// Lanczos round trip through the footprint would only blur it.
    /// </summary>
    PassThrough,

    /// <summary>Resize with a model: its detail over the Lanczos upscale of the source.</summary>
    Model,

    /// <summary>
    /// In place with a model: the model runs on the footprint the source scale stands for, and its
    /// detail (its result minus the Lanczos upscale of what it saw) goes on top of the host's frame.
    /// </summary>
    ModelInPlace,
}
