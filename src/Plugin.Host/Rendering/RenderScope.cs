using System.Diagnostics;
using Enhance.Effects.Imaging;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;

namespace Enhance.Plugin.Host.Rendering;

/// <summary>
/// The images of one render of a one-input node: the output image, the source image, the render
/// window and the source's definition in pixels at the render scale — fetched and checked once,
/// with the user-facing messages for what can go wrong. Nodes read the source region they need,
/// process float images, and write the window back.
/// </summary>
public sealed class RenderScope : IDisposable
{
    private readonly long _started = Stopwatch.GetTimestamp();

    private RenderScope(string nodeName, OfxImage output, OfxImage source, PixelRect window, PixelRect sourceDefinition,
        GpuRenderScope? gpu)
    {
        Gpu = gpu;
        NodeName = nodeName;
        Output = output;
        Source = source;
        Window = window;
        SourceDefinition = sourceDefinition;
    }

    public string NodeName { get; }
    public OfxImage Output { get; }
    public OfxImage Source { get; }
    public PixelRect Window { get; }
    public PixelRect SourceDefinition { get; }
    public int Channels => Output.ChannelCount;

    /// <summary>Set when the host enabled CUDA or OpenCL for this render: the images are device memory.</summary>
    public GpuRenderScope? Gpu { get; }

    /// <param name="inputRegionFor">
    /// The source region the node will read for this render window, given a source definition.
    /// When the host's source image does not cover it (a host that gives less than the RoI asked
    /// for), the definition shrinks to the image the host gave, so the node clamps at its edges
    /// instead of failing; a conforming host never sees the difference.
    /// </param>
    public static RenderScope Open(ImageEffectHandle effect, RenderArguments args, string nodeName,
        Func<PixelRect, PixelRect>? inputRegionFor = null, string sourceClipName = OfxNames.ImageEffectSimpleSourceClipName)
    {
        var sourceClip = effect.GetClip(sourceClipName);
        var outputClip = effect.GetClip(OfxNames.ImageEffectOutputClipName);
        var output = outputClip.GetImage(args.Time)
            ?? throw new OfxException(OfxStatus.Failed, "no output image", $"{nodeName}: the host gave no output image to render into.");
        try
        {
            HostImageConverter.EnsureSupported(output, nodeName);
            var source = sourceClip.GetImage(args.Time)
                ?? throw new OfxException(OfxStatus.Failed, "no source image", $"{nodeName}: the {sourceClipName} input has no image at frame {args.Time}; connect a clip.");
            try
            {
                HostImageConverter.EnsureSupported(source, nodeName);
                if (source.ChannelCount != output.ChannelCount)
                    throw new OfxException(OfxStatus.ErrImageFormat, "component mismatch",
                        $"{nodeName}: the input is {source.ComponentsName} but the output is {output.ComponentsName}; the host must give both the same components.");
                var window = HostImageConverter.ToPixelRect(args.RenderWindow);
                var definition = CanonicalCoordinates.ToPixels(sourceClip.GetRegionOfDefinition(args.Time), args.RenderScale, sourceClip.PixelAspectRatio);
                var given = HostImageConverter.ToPixelRect(source.Bounds);
                if (inputRegionFor is not null && !given.Contains(inputRegionFor(definition)))
                    definition = definition.Intersect(given);
                var gpu = GpuRenderScope.Open(args, output, source, nodeName);
                return new RenderScope(nodeName, output, source, window, definition, gpu);
            }
            catch
            {
                source.Dispose();
                throw;
            }
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>The source pixels of <paramref name="region"/> (clipped to what the host gave) as floats.</summary>
    public FloatImage ReadSource(PixelRect region) => Gpu?.ReadSource(region) ?? HostImageConverter.Read(Source, region);

    /// <summary>Any image of this render read whole as floats (from the device on a GPU render).</summary>
    public FloatImage ReadWhole(OfxImage image) =>
        Gpu?.ReadWhole(image) ?? HostImageConverter.Read(image, HostImageConverter.ToPixelRect(image.Bounds));

    /// <summary>A float image for the render window, to be filled and written back.</summary>
    public FloatImage CreateResult() => new(Window, Channels);

    public void WriteResult(FloatImage result)
    {
        if (Gpu is not null) Gpu.WriteResult(result, Window);
        else HostImageConverter.Write(result, Output, Window);
    }

    /// <summary>
    /// Ends the render: a GPU render waits for its device work where the OFX contract requires it
    /// (CUDA without a host stream), and ENHANCE_GPU_STATS=1 reports the render (<see cref="RenderStatistics"/>).
    /// </summary>
    public void Dispose()
    {
        try
        {
            Gpu?.Complete(waitForDevice: RenderStatistics.Enabled);
            if (RenderStatistics.Enabled) RenderStatistics.Report(NodeName, Gpu, _started);
        }
        finally
        {
            Source.Dispose();
            Output.Dispose();
        }
    }
}
