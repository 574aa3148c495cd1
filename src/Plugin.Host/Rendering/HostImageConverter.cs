using Enhance.Effects.Imaging;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;

namespace Enhance.Plugin.Host.Rendering;

/// <summary>
/// Moves pixels between the host's images (8-bit, 16-bit or float; RGBA, RGB or Alpha; any row
/// stride, including negative) and the float images the effects work on. Integer depths map to
/// 0–1; float is read as finite samples (<see cref="FiniteSamples"/>: NaN as 0, at most ±65504);
/// writing back rounds and clamps to the integer range, float passes through unclamped.
/// </summary>
public static unsafe class HostImageConverter
{
    /// <summary>The depths the converter handles; nodes declare these and reject others with a message.</summary>
    public static readonly string[] SupportedDepths = [OfxNames.BitDepthByte, OfxNames.BitDepthShort, OfxNames.BitDepthFloat];

    /// <summary>Throws an <see cref="OfxException"/> with a sentence for the user when the image's format is not one we handle.</summary>
    public static void EnsureSupported(OfxImage image, string nodeName)
    {
        if (image.Depth is not (PixelDepth.Byte or PixelDepth.Short or PixelDepth.Float))
            throw new OfxException(OfxStatus.ErrImageFormat, $"unsupported pixel depth {image.DepthName}",
                $"{nodeName} cannot process {DescribeDepth(image.DepthName)} images; set the clip or project to 8-bit, 16-bit or 32-bit float.");
        if (image.ChannelCount == 0)
            throw new OfxException(OfxStatus.ErrImageFormat, $"unsupported components {image.ComponentsName}",
                $"{nodeName} cannot process {image.ComponentsName} images; use RGBA, RGB or Alpha.");
    }

    /// <summary>Copies <paramref name="region"/> ∩ the image's bounds into a new float image.</summary>
    public static FloatImage Read(OfxImage image, PixelRect region)
    {
        var bounds = ToPixelRect(image.Bounds).Intersect(region);
        if (bounds.IsEmpty)
            throw new OfxException(OfxStatus.Failed, $"the host's image {image.Bounds} does not cover {region}");
        var result = new FloatImage(bounds, image.ChannelCount);
        int n = bounds.Width * image.ChannelCount;
        int bpp = image.BytesPerChannel * image.ChannelCount;
        for (int y = bounds.Y1; y < bounds.Y2; y++)
        {
            byte* src = image.RowAddress(y) + (long)(bounds.X1 - image.Bounds.X1) * bpp;
            var dst = result.Row(y);
            switch (image.Depth)
            {
                case PixelDepth.Float:
                    FiniteSamples.Copy(new ReadOnlySpan<float>(src, n), dst); // NaN, inf and 1e30 stop here
                    break;
                case PixelDepth.Short:
                    ConvertFromShort(new ReadOnlySpan<ushort>(src, n), dst);
                    break;
                case PixelDepth.Byte:
                    ConvertFromByte(new ReadOnlySpan<byte>(src, n), dst);
                    break;
                default:
                    throw new OfxException(OfxStatus.ErrImageFormat, $"unsupported pixel depth {image.DepthName}");
            }
        }
        return result;
    }

    /// <summary>Writes <paramref name="window"/> of <paramref name="source"/> into the host image (same channel count).</summary>
    public static void Write(FloatImage source, OfxImage image, PixelRect window)
    {
        if (source.Channels != image.ChannelCount)
            throw new OfxException(OfxStatus.ErrImageFormat, $"channel count mismatch: {source.Channels} vs {image.ChannelCount}");
        var area = window.Intersect(ToPixelRect(image.Bounds)).Intersect(source.Bounds);
        if (area.IsEmpty) return;
        int n = area.Width * image.ChannelCount;
        int bpp = image.BytesPerChannel * image.ChannelCount;
        for (int y = area.Y1; y < area.Y2; y++)
        {
            byte* dst = image.RowAddress(y) + (long)(area.X1 - image.Bounds.X1) * bpp;
            var src = source.Row(y, area.X1, area.X2);
            switch (image.Depth)
            {
                case PixelDepth.Float:
                    src.CopyTo(new Span<float>(dst, n));
                    break;
                case PixelDepth.Short:
                    ConvertToShort(src, new Span<ushort>(dst, n));
                    break;
                case PixelDepth.Byte:
                    ConvertToByte(src, new Span<byte>(dst, n));
                    break;
                default:
                    throw new OfxException(OfxStatus.ErrImageFormat, $"unsupported pixel depth {image.DepthName}");
            }
        }
    }

    public static PixelRect ToPixelRect(OfxBridge.Interop.OfxRectI r) => new(r.X1, r.Y1, r.X2, r.Y2);

    private static void ConvertFromByte(ReadOnlySpan<byte> src, Span<float> dst)
    {
        const float scale = 1f / 255f;
        for (int i = 0; i < src.Length; i++) dst[i] = src[i] * scale;
    }

    private static void ConvertFromShort(ReadOnlySpan<ushort> src, Span<float> dst)
    {
        const float scale = 1f / 65535f;
        for (int i = 0; i < src.Length; i++) dst[i] = src[i] * scale;
    }

    private static void ConvertToByte(ReadOnlySpan<float> src, Span<byte> dst)
    {
        for (int i = 0; i < src.Length; i++)
        {
            float v = src[i] * 255f + 0.5f;
            dst[i] = v <= 0f ? (byte)0 : v >= 255f ? (byte)255 : (byte)v; // NaN falls to 0
        }
    }

    private static void ConvertToShort(ReadOnlySpan<float> src, Span<ushort> dst)
    {
        for (int i = 0; i < src.Length; i++)
        {
            float v = src[i] * 65535f + 0.5f;
            dst[i] = v <= 0f ? (ushort)0 : v >= 65535f ? (ushort)65535 : (ushort)v;
        }
    }

    private static string DescribeDepth(string depth) => depth switch
    {
        OfxNames.BitDepthHalf => "16-bit half float",
        _ => depth,
    };
}
