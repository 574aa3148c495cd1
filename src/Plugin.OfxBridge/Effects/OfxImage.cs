using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.OfxBridge.Effects;

/// <summary>The bit depth of a host image.</summary>
public enum PixelDepth { None, Byte, Short, Half, Float }

/// <summary>The channels of a host image.</summary>
public enum PixelComponents { None, Rgba, Rgb, Alpha }

/// <summary>
/// An image the host handed us (clipGetImage). Bounds are in pixel coordinates at the render
/// scale; rows are <see cref="RowBytes"/> apart and may run downwards (negative row bytes). With a
/// GPU render, <see cref="Data"/> is a device pointer or cl_mem, not host memory. Disposing
/// releases the image back to the host.
/// </summary>
public sealed unsafe class OfxImage : IDisposable
{
    private readonly HostSuites _suites;
    private nint _handle;

    internal OfxImage(nint handle, HostSuites suites)
    {
        _handle = handle;
        _suites = suites;
        var p = new PropertySet(handle, suites);
        Data = p.GetPointer(OfxNames.ImagePropData);
        Bounds = p.GetRectI(OfxNames.ImagePropBounds);
        RowBytes = p.GetInt(OfxNames.ImagePropRowBytes);
        DepthName = p.TryGetString(OfxNames.ImageEffectPropPixelDepth) ?? OfxNames.BitDepthNone;
        ComponentsName = p.TryGetString(OfxNames.ImageEffectPropComponents) ?? OfxNames.ImageComponentNone;
        Premultiplication = p.TryGetString(OfxNames.ImageEffectPropPreMultiplication) ?? OfxNames.ImagePreMultiplied;
        RenderScale = p.TryGetPointD(OfxNames.ImageEffectPropRenderScale, new OfxPointD { X = 1, Y = 1 });
        PixelAspectRatio = p.TryGetDouble(OfxNames.ImagePropPixelAspectRatio, 1.0);
        Depth = ParseDepth(DepthName);
        Components = ParseComponents(ComponentsName);
    }

    public nint Data { get; }
    public OfxRectI Bounds { get; }
    public int RowBytes { get; }
    public string DepthName { get; }
    public string ComponentsName { get; }
    public PixelDepth Depth { get; }
    public PixelComponents Components { get; }
    public string Premultiplication { get; }
    public OfxPointD RenderScale { get; }
    public double PixelAspectRatio { get; }

    public int Width => Bounds.X2 - Bounds.X1;
    public int Height => Bounds.Y2 - Bounds.Y1;

    public int ChannelCount => Components switch
    {
        PixelComponents.Rgba => 4,
        PixelComponents.Rgb => 3,
        PixelComponents.Alpha => 1,
        _ => 0,
    };

    public int BytesPerChannel => Depth switch
    {
        PixelDepth.Byte => 1,
        PixelDepth.Short or PixelDepth.Half => 2,
        PixelDepth.Float => 4,
        _ => 0,
    };

    /// <summary>Address of the first pixel of row <paramref name="y"/> (pixel coordinates).</summary>
    public byte* RowAddress(int y) => (byte*)Data + (long)(y - Bounds.Y1) * RowBytes;

    public static PixelDepth ParseDepth(string name) => name switch
    {
        OfxNames.BitDepthByte => PixelDepth.Byte,
        OfxNames.BitDepthShort => PixelDepth.Short,
        OfxNames.BitDepthHalf => PixelDepth.Half,
        OfxNames.BitDepthFloat => PixelDepth.Float,
        _ => PixelDepth.None,
    };

    public static PixelComponents ParseComponents(string name) => name switch
    {
        OfxNames.ImageComponentRGBA => PixelComponents.Rgba,
        OfxNames.ImageComponentRGB => PixelComponents.Rgb,
        OfxNames.ImageComponentAlpha => PixelComponents.Alpha,
        _ => PixelComponents.None,
    };

    public void Dispose()
    {
        var h = Interlocked.Exchange(ref _handle, 0);
        if (h != 0) _suites.ImageEffect->ClipReleaseImage(h);
    }
}
