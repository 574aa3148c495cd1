using Enhance.Effects.Imaging;

namespace Enhance.Effects.Dehalo;

/// <summary>
/// Moving between the host's interleaved RGB/RGBA pixels and the luma plane Dehalo works on.
/// Halos are a brightness artefact, so the detection and limiting run on luma (Rec.709 weights). The
/// luma correction d is then added equally to R, G and B: that leaves the colour differences B − Y and
/// R − Y (Cb, Cr) exactly as they were, so hue and saturation do not shift and HDR values stay unclamped.
/// Premultiplied RGBA: luma comes from straight colour, and adding d to straight colour then premultiplying
/// again is the same as adding d · alpha to the premultiplied value, which needs no division on the way out.
/// </summary>
internal static class LumaTransfer
{
    public const float Kr = 0.2126f, Kg = 0.7152f, Kb = 0.0722f;

    /// <summary>
    /// Fills <paramref name="luma"/> over its whole bounds. Pixels outside <paramref name="definition"/> are
    /// edge-extended (the nearest pixel of the clip), so a tile at the border sees what an untiled render sees.
    /// </summary>
    public static void Extract(FloatImage source, PixelRect definition, FloatImage luma)
    {
        var area = luma.Bounds;
        int channels = source.Channels;
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var src = source.Row(Math.Clamp(y, definition.Y1, definition.Y2 - 1));
                var dst = luma.Row(y);
                int first = source.Bounds.X1;
                for (int x = area.X1, i = 0; x < area.X2; x++, i++)
                {
                    int o = (Math.Clamp(x, definition.X1, definition.X2 - 1) - first) * channels;
                    dst[i] = LumaOf(src, o, channels);
                }
            }
        });
    }

    private static float LumaOf(ReadOnlySpan<float> row, int o, int channels)
    {
        if (channels == 1) return row[o];
        float y = Kr * row[o] + Kg * row[o + 1] + Kb * row[o + 2];
        if (channels == 4)
        {
            float a = row[o + 3];
            y *= a > Premultiplication.TransparentAlpha ? 1f / a : 0f;
        }
        return y;
    }

    /// <summary>
    /// Writes destination.Bounds: the source plus <paramref name="delta"/> on every colour channel (Result),
    /// the grey <paramref name="mask"/> (HaloMask), or 0.5 − delta, what was removed around mid grey
    /// (RemovedDetail). Views are premultiplied by the source alpha so they stay valid images; alpha is
    /// copied untouched in every mode.
    /// </summary>
    public static void Write(FloatImage source, PixelRect definition, FloatImage delta, FloatImage mask, DehaloOutput output,
        FloatImage destination)
    {
        var area = destination.Bounds;
        int channels = destination.Channels;
        RowBands.For(area.Y1, area.Y2, area.Width, (y1, y2) =>
        {
            for (int y = y1; y < y2; y++)
            {
                var src = source.Row(Math.Clamp(y, definition.Y1, definition.Y2 - 1));
                var dst = destination.Row(y);
                var d = delta.Row(y, area.X1, area.X2);
                var m = mask.Row(y, area.X1, area.X2);
                int first = source.Bounds.X1;
                for (int x = area.X1, i = 0; x < area.X2; x++, i++)
                {
                    int o = (Math.Clamp(x, definition.X1, definition.X2 - 1) - first) * channels;
                    int t = i * channels;
                    float alpha = channels == 4 ? src[o + 3] : 1f;
                    int colour = channels == 4 ? 3 : channels;
                    switch (output)
                    {
                        case DehaloOutput.Result:
                            float add = d[i] * alpha;
                            for (int c = 0; c < colour; c++) dst[t + c] = src[o + c] + add;
                            break;
                        case DehaloOutput.HaloMask:
                            for (int c = 0; c < colour; c++) dst[t + c] = m[i] * alpha;
                            break;
                        default:
                            for (int c = 0; c < colour; c++) dst[t + c] = (0.5f - d[i]) * alpha;
                            break;
                    }
                    if (channels == 4) dst[t + 3] = alpha;
                }
            }
        });
    }
}
