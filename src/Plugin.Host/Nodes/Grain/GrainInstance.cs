using Enhance.Effects.Gpu;
using Enhance.Effects.Grain;
using Enhance.Effects.Imaging;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Rendering;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host.Nodes.Grain;

/// <summary>One Grain node: renders grain per window; measures the Original clip once per analysed range.</summary>
public sealed class GrainInstance(InstanceContext context) : ImageEffectInstance(context)
{
    private const string NodeName = "Enhance Grain";
    private const string OriginalKey = "original";

    // Estimates are per instance: they belong to whatever is wired into this node's Original input.
    private readonly GrainProfileCache _profiles = new();

    public override IReadOnlyDictionary<string, OfxRectD>? GetRegionsOfInterest(RegionsOfInterestArguments args)
    {
        var rois = new Dictionary<string, OfxRectD> { [OfxNames.ImageEffectSimpleSourceClipName] = args.RegionOfInterest };
        var original = Effect.GetClip(GrainPlugin.OriginalClip);
        // The estimate needs whole frames of the Original; without matching it is not read at all.
        if (original.IsConnected && Effect.Params.Get(GrainParams.MatchSource).GetBoolean(args.Time))
            rois[GrainPlugin.OriginalClip] = original.GetRegionOfDefinition(args.Time);
        else
            rois[GrainPlugin.OriginalClip] = new OfxRectD(0, 0, 0, 0);
        return rois;
    }

    public override void Render(RenderArguments args)
    {
        var s = GrainParams.Read(Effect.Params, args.Time);
        using var scope = RenderScope.Open(Effect, args, NodeName);
        if (scope.Channels == 1)
            throw new OfxException(OfxStatus.ErrImageFormat, "alpha-only input", $"{NodeName} needs an RGB or RGBA input, not an alpha-only one.");
        var matched = s.MatchSource ? MatchedProfile(s, args, scope) : null;
        if (matched is { IsEmpty: true })
            ShowWarning($"{NodeName}: Match original found no grain to measure in the Original input (a clean or flat plate, " +
                        "one too small to measure, or one with NaN values), so no grain is added. Check what is connected to Original, or turn Match original off and design the grain by hand.");
        else
            ClearWarning();
        // Grain size is relative to the full-resolution frame, whatever the render scale.
        var sourceRod = Effect.GetClip(OfxNames.ImageEffectSimpleSourceClipName).GetRegionOfDefinition(args.Time);
        int frameHeight = Math.Max(1, (int)Math.Round(sourceRod.Y2 - sourceRod.Y1));
        if (scope.Gpu is { } gpu)
        {
            gpu.RenderInto(scope.Window, output =>
                GpuGrain.Apply(gpu.Primitives, gpu.Source, output, s.Effect, matched, args.Time, frameHeight, args.RenderScale.Y));
            return;
        }
        using var input = scope.ReadSource(GrainRenderer.RequiredInputRegion(scope.Window));
        using var result = scope.CreateResult();
        GrainRenderer.Apply(input, result, s.Effect, matched, args.Time, frameHeight, args.RenderScale.Y);
        scope.WriteResult(result);
    }

    public override void InstanceChanged(InstanceChangedArguments args)
    {
        if (args.Name is GrainPlugin.OriginalClip or GrainParams.AnalysisFirst or GrainParams.AnalysisLast)
            _profiles.Invalidate(OriginalKey);
    }

    public override void PurgeCaches() => _profiles.Invalidate(OriginalKey);

    /// <summary>
    /// The Original's grain, measured over the analysis range (or the current frame) at this render
    /// scale, cached per range. Up to five frames spread over the range are pooled.
    /// </summary>
    private GrainProfile? MatchedProfile(GrainNodeSettings s, RenderArguments args, RenderScope scope)
    {
        var original = Effect.GetClip(GrainPlugin.OriginalClip);
        if (!original.IsConnected)
            throw new OfxException(OfxStatus.Failed, "match without original",
                $"{NodeName}: Match original is on but the Original input is not connected; connect the plate before enhancement, or turn matching off.");
        long first = s.AnalysisFirstFrame, last = s.AnalysisLastFrame;
        if (last <= first) first = last = (long)Math.Floor(args.Time + 1e-6);
        var rod = CanonicalCoordinates.ToPixels(original.GetRegionOfDefinition(first), args.RenderScale, original.PixelAspectRatio);
        var key = new GrainProfileKey(OriginalKey, first, last, s.Effect.Space, rod.Height);
        return _profiles.GetOrEstimate(key, k => Estimate(original, k, args.RenderScale, scope));
    }

    private static GrainProfile Estimate(Clip original, GrainProfileKey key, OfxPointD renderScale, RenderScope scope)
    {
        var frames = SampleFrames(key.FirstFrame, key.LastFrame, count: 5);
        var profiles = new List<GrainProfile>();
        foreach (var frame in frames)
        {
            using var image = original.GetImage(frame)
                ?? throw new OfxException(OfxStatus.Failed, "no original image", $"{NodeName}: the Original input has no image at frame {frame}.");
            HostImageConverter.EnsureSupported(image, NodeName);
            // On a GPU render the Original is device memory too.
            using var pixels = scope.ReadWhole(image);
            profiles.Add(GrainEstimator.Estimate(pixels, key.Space, key.FrameHeight));
        }
        return profiles.Count == 1 ? profiles[0] : GrainEstimator.Merge(profiles);
    }

    private static IReadOnlyList<double> SampleFrames(long first, long last, int count)
    {
        if (last <= first) return [first];
        long span = last - first;
        return Enumerable.Range(0, count).Select(i => (double)(first + span * i / (count - 1))).Distinct().ToList();
    }
}
