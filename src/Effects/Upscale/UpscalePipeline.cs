using Enhance.Effects.Gpu;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Upscale;

/// <summary>
/// Upscale's one render pipeline, for every backend: which route a render takes
/// (<see cref="RouteFor"/>), the source pixels it reads (<see cref="InputRegion"/>), and that route run
/// on CPU images or on the host's device memory — the same steps in the same order either way, alpha
/// clamped to 0–1 last (Lanczos lobes overshoot it). The node reads its parameters and clips and hands
/// them here; the routes used to be put together in the node three times over (CPU, device classical,
/// device model), where they could drift apart.
/// </summary>
public sealed partial class UpscalePipeline
{
    public UpscalePipeline(UpscaleFit fit, UpscaleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Fit = fit;
        Settings = settings;
        Route = RouteFor(fit, settings);
    }

    public UpscaleFit Fit { get; }

    /// <summary>The render's settings; in place, the scale is the source scale (<see cref="UpscaleGeometry.WorkingScale"/>).</summary>
    public UpscaleSettings Settings { get; }

    public UpscaleRoute Route { get; }

    /// <summary>Whether the render reads the previous frame of the source (temporal stability with a model).</summary>
    public bool ReadsPreviousFrame => Settings.UsesTemporal;

    /// <summary>
    /// Why this render cannot run on <paramref name="gpu"/>, or null: temporal stability runs on the
    /// single-source kernels only (<see cref="GpuTemporalStability.Refusal"/>); the host is then told to
    /// render the frame again with CPU images (kOfxStatGPURenderFailed).
    /// </summary>
    public string? DeviceRefusal(IGpuPrimitives gpu) => ReadsPreviousFrame ? GpuTemporalStability.Refusal(gpu) : null;

    /// <summary>
    /// Model or not comes from the settings (<see cref="UpscaleSettings.UsesModel"/>: a model, not a
    /// draft, strength above 0); resize or in place from the fit.
    /// </summary>
    public static UpscaleRoute RouteFor(UpscaleFit fit, UpscaleSettings s) => (fit, s.UsesModel) switch
    {
        (UpscaleFit.Resize, false) => UpscaleRoute.Classical,
        (UpscaleFit.Resize, true) => UpscaleRoute.Model,
        (_, false) => UpscaleRoute.PassThrough,
        (_, true) => UpscaleRoute.ModelInPlace,
    };

    /// <summary>
    /// Renders that must be quick are classical whatever the Model says: draft quality (scrubbing)
    /// and render scales below 1 (thumbnails, proxies), where seconds of network work would show
    /// detail nobody sees at that size.
    /// </summary>
    public static bool IsQuickRender(double renderScaleX, double renderScaleY, bool draft) =>
        draft || renderScaleX < 1 || renderScaleY < 1;

    /// <summary>The source pixels a render of <paramref name="window"/> reads (what the node asks the host for).</summary>
    public PixelRect InputRegion(PixelRect window, PixelRect sourceDefinition) =>
        UpscaleGeometry.InputRegion(Fit, window, Settings, sourceDefinition);

    /// <summary>
    /// The bands a CPU render of <paramref name="window"/> is cut into so that each one's pictures fit the
    /// Memory budget's share (<see cref="UpscaleBands"/>); the window itself without a model.
    /// </summary>
    public IReadOnlyList<PixelRect> Bands(PixelRect window, PixelRect sourceDefinition, int channels) =>
        UpscaleBands.For(window, Settings, ModelDefinition(sourceDefinition), channels);

    /// <summary>Reserves a band's pictures from the process-wide budget until disposed (waits for room; nothing without a model).</summary>
    public IDisposable ReservePictures(PixelRect band, PixelRect sourceDefinition, int channels) =>
        UpscaleBands.ReservePictures(band, Settings, ModelDefinition(sourceDefinition), channels);

    /// <summary>What the model enlarges: the source, or in place the footprint the source scale stands for.</summary>
    private PixelRect ModelDefinition(PixelRect sourceDefinition) => Fit == UpscaleFit.Resize
        ? sourceDefinition
        : UpscaleGeometry.FootprintDefinition(sourceDefinition, Settings.ScaleX);
}
