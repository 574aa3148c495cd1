using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.OfxBridge.Effects;

/// <summary>A clip of an effect instance: its connection state, formats, region of definition and images.</summary>
public readonly unsafe struct Clip
{
    private readonly HostSuites _suites;

    public Clip(nint handle, string name, PropertySet properties, HostSuites suites)
    {
        Handle = handle;
        Name = name;
        Properties = properties;
        _suites = suites;
    }

    public nint Handle { get; }
    public string Name { get; }
    public PropertySet Properties { get; }

    public bool IsConnected => Properties.TryGetInt(OfxNames.ImageClipPropConnected, 0) != 0;

    public string PixelDepth => Properties.TryGetString(OfxNames.ImageEffectPropPixelDepth) ?? OfxNames.BitDepthNone;

    public string Components => Properties.TryGetString(OfxNames.ImageEffectPropComponents) ?? OfxNames.ImageComponentNone;

    /// <summary>
    /// Width over height of one pixel of this clip (768/720 for PAL DV, 2 for anamorphic): the
    /// host's canonical coordinates are pixels times this. A host that does not say, or says
    /// nonsense, gets square pixels.
    /// </summary>
    public double PixelAspectRatio
    {
        get
        {
            double aspect = Properties.TryGetDouble(OfxNames.ImagePropPixelAspectRatio, 1.0); // clips carry it under the image property name (OFX spec)
            return double.IsFinite(aspect) && aspect > 0 ? aspect : 1.0;
        }
    }

    public OfxRectD GetRegionOfDefinition(double time)
    {
        OfxRectD rod;
        OfxException.ThrowIfFailed(_suites.ImageEffect->ClipGetRegionOfDefinition(Handle, time, &rod), $"Getting the region of definition of clip '{Name}'");
        return rod;
    }

    /// <summary>
    /// Fetches the clip's image at <paramref name="time"/>, optionally only a region (canonical
    /// coordinates). Returns null when the host has no image (an unconnected optional clip, or a
    /// frame outside the clip). Dispose the image to release it.
    /// </summary>
    public OfxImage? GetImage(double time, OfxRectD? region = null)
    {
        nint image;
        int status;
        if (region is OfxRectD r)
            status = _suites.ImageEffect->ClipGetImage(Handle, time, &r, &image);
        else
            status = _suites.ImageEffect->ClipGetImage(Handle, time, null, &image);
        if (status != OfxStatus.OK || image == 0)
            return null;
        return new OfxImage(image, _suites);
    }
}
