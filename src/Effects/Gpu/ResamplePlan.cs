using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;

namespace Enhance.Effects.Gpu;

/// <summary>
/// What a GPU resample needs, computed on the CPU with the CPU resampler's own weight tables
/// (<see cref="ResampleWeights"/>), so the kernels only multiply and add: the same taps, the same
/// weights, summed in the same order. The intermediate holds the source rows the vertical pass
/// reads, each output-width long.
/// </summary>
internal sealed class ResamplePlan
{
    private ResamplePlan(ResampleWeights horizontal, ResampleWeights vertical, int channels)
    {
        Horizontal = horizontal;
        Vertical = vertical;
        TempFirstRow = vertical.SourceStart;
        TempRows = vertical.SourceEnd - vertical.SourceStart;
        TempStride = horizontal.Count * channels;
    }

    public ResampleWeights Horizontal { get; }
    public ResampleWeights Vertical { get; }

    /// <summary>Canvas row of the intermediate's first row.</summary>
    public int TempFirstRow { get; }
    public int TempRows { get; }

    /// <summary>Floats per intermediate row.</summary>
    public int TempStride { get; }

    public long TempBytes => (long)TempRows * TempStride * sizeof(float);

    public static ResamplePlan Create(DeviceImage source, PixelRect sourceDefinition, DeviceImage destination, double scaleX, double scaleY)
    {
        source.Validate(nameof(source));
        destination.Validate(nameof(destination));
        if (source.Channels != destination.Channels)
            throw new ArgumentException($"Source has {source.Channels} channels, destination {destination.Channels}.", nameof(destination));
        if (sourceDefinition.IsEmpty)
            throw new ArgumentException($"The source definition {sourceDefinition} is empty.", nameof(sourceDefinition));
        var output = destination.Bounds;
        var wx = ResampleWeights.Create(output.X1, output.X2, scaleX, sourceDefinition.X1, sourceDefinition.X2);
        var wy = ResampleWeights.Create(output.Y1, output.Y2, scaleY, sourceDefinition.Y1, sourceDefinition.Y2);
        var required = new PixelRect(wx.SourceStart, wy.SourceStart, wx.SourceEnd, wy.SourceEnd);
        if (!source.Bounds.Contains(required))
            throw new ArgumentException($"The source covers {source.Bounds} but rendering {output} needs {required}.", nameof(source));
        return new ResamplePlan(wx, wy, source.Channels);
    }
}
