using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Imaging;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>One Upscale node on a clip: answers the geometry actions and renders.</summary>
public sealed class UpscaleInstance(InstanceContext context) : ImageEffectInstance(context)
{
    private const string NodeName = "Enhance Upscale";

    private UpscaleNodeSettings ReadSettings(double time) => UpscaleParams.Read(Effect.Params, time);

    private UpscaleMode ModeOf(UpscaleNodeSettings s) => UpscaleParams.Resolve(s.Mode, Host, Context.ResolvePage);

    public override OfxRectD? GetRegionOfDefinition(RegionOfDefinitionArguments args)
    {
        var s = ReadSettings(args.Time);
        if (ModeOf(s) != UpscaleMode.Resize) return null; // same size as the input: the host's default
        var source = Effect.GetClip(UpscalePlugin.SourceClip);
        if (!source.IsConnected) return null;
        return CanonicalCoordinates.Scale(source.GetRegionOfDefinition(args.Time), s.Scale, s.Scale);
    }

    public override IReadOnlyDictionary<string, OfxRectD>? GetRegionsOfInterest(RegionsOfInterestArguments args)
    {
        var s = ReadSettings(args.Time);
        var source = Effect.GetClip(UpscalePlugin.SourceClip);
        var rs = args.RenderScale;
        var window = CanonicalCoordinates.ToPixels(args.RegionOfInterest, rs);
        var sourceDefinition = CanonicalCoordinates.ToPixels(source.GetRegionOfDefinition(args.Time), rs);
        var needed = ModeOf(s) == UpscaleMode.Resize
            ? UpscaleGeometry.ResizeInputRegion(window, s.Scale, sourceDefinition)
            : UpscaleGeometry.InPlaceRegions(window, s.SourceScale, sourceDefinition).Input;
        return new Dictionary<string, OfxRectD> { [UpscalePlugin.SourceClip] = CanonicalCoordinates.ToCanonical(needed, rs) };
    }

    public override void Render(RenderArguments args)
    {
        var s = ReadSettings(args.Time);
        var mode = ModeOf(s);
        var sourceClip = Effect.GetClip(UpscalePlugin.SourceClip);
        var outputClip = Effect.GetClip(UpscalePlugin.OutputClip);
        var window = HostImageConverter.ToPixelRect(args.RenderWindow);
        var sourceDefinition = CanonicalCoordinates.ToPixels(sourceClip.GetRegionOfDefinition(args.Time), args.RenderScale);

        using var output = outputClip.GetImage(args.Time)
            ?? throw new OfxException(OfxStatus.Failed, "no output image", $"{NodeName}: the host gave no output image to render into.");
        HostImageConverter.EnsureSupported(output, NodeName);
        using var sourceImage = sourceClip.GetImage(args.Time);
        if (sourceImage is null)
            throw new OfxException(OfxStatus.Failed, "no source image", $"{NodeName}: the Source input has no image at frame {args.Time}; connect a clip.");
        HostImageConverter.EnsureSupported(sourceImage, NodeName);
        if (sourceImage.ChannelCount != output.ChannelCount)
            throw new OfxException(OfxStatus.ErrImageFormat, "component mismatch",
                $"{NodeName}: the input is {sourceImage.ComponentsName} but the output is {output.ComponentsName}; the host must give both the same components.");

        using var result = new FloatImage(window, output.ChannelCount);
        if (mode == UpscaleMode.Resize)
        {
            var needed = UpscaleGeometry.ResizeInputRegion(window, s.Scale, sourceDefinition);
            using var input = HostImageConverter.Read(sourceImage, needed);
            LanczosResampler.Resample(input, sourceDefinition, result, s.Scale, s.Scale);
        }
        else
        {
            var (footprintRegion, needed) = UpscaleGeometry.InPlaceRegions(window, s.SourceScale, sourceDefinition);
            var footprintDefinition = UpscaleGeometry.FootprintDefinition(sourceDefinition, s.SourceScale);
            using var input = HostImageConverter.Read(sourceImage, needed);
            using var footprint = new FloatImage(footprintRegion, output.ChannelCount);
            LanczosResampler.Resample(input, sourceDefinition, footprint, 1 / s.SourceScale, 1 / s.SourceScale);
            LanczosResampler.Resample(footprint, footprintDefinition, result, s.SourceScale, s.SourceScale);
        }
        ClampAlpha(result);
        HostImageConverter.Write(result, output, window);
    }

    /// <summary>Lanczos lobes overshoot; alpha outside 0–1 has no meaning for compositing.</summary>
    private static void ClampAlpha(FloatImage image)
    {
        if (image.Channels is not (1 or 4)) return;
        int step = image.Channels, offset = image.Channels - 1;
        var pixels = image.Pixels;
        for (int i = offset; i < pixels.Length; i += step)
            pixels[i] = Math.Clamp(pixels[i], 0f, 1f);
    }
}
