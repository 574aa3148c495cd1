using System.Numerics;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Upscale;

/// <summary>
/// Adds the model's detail to the classical result: output = base + α · strength · clamp(model − reference, ±limit),
/// where base is the classical upscale (premultiplied, in the destination), model and reference are
/// straight colour at the output size — the model's result and the classical upscale of exactly
/// what the model was shown — and α is the classical alpha. Because the reference is what the model
/// saw, strength 1 reproduces the model where it could see everything, and whatever it could not
/// (values above 1, below 0) stays classical. Multiplying by the classical alpha keeps detail away
/// from transparent pixels, so edges never darken.
/// </summary>
internal static class DetailBlend
{
    public static void Apply(FloatImage destination, FloatImage model, FloatImage reference, float strength, float limit)
    {
        var bounds = destination.Bounds;
        int width = bounds.Width, channels = destination.Channels;
        RowBands.For(bounds.Y1, bounds.Y2, width, (y1, y2) =>
        {
            var detail = new float[width * 3];
            for (int y = y1; y < y2; y++)
            {
                Residual(model.Row(y), reference.Row(y), detail, strength, limit);
                var row = destination.Row(y);
                if (channels == 3)
                {
                    Add(row, detail);
                    continue;
                }
                for (int x = 0; x < width; x++)
                {
                    // Lanczos rings alpha slightly outside 0–1; detail must not flip sign or grow there.
                    float alpha = Math.Clamp(row[x * 4 + 3], 0f, 1f);
                    row[x * 4] += alpha * detail[x * 3];
                    row[x * 4 + 1] += alpha * detail[x * 3 + 1];
                    row[x * 4 + 2] += alpha * detail[x * 3 + 2];
                }
            }
        });
    }

    /// <summary>detail = strength · clamp(model − reference, −limit, limit), vectorised.</summary>
    private static void Residual(ReadOnlySpan<float> model, ReadOnlySpan<float> reference, Span<float> detail, float strength, float limit)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = new Vector<float>(strength);
            var hi = new Vector<float>(limit);
            var lo = -hi;
            for (; i <= detail.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var d = new Vector<float>(model[i..]) - new Vector<float>(reference[i..]);
                (s * Vector.Min(Vector.Max(d, lo), hi)).CopyTo(detail[i..]);
            }
        }
        for (; i < detail.Length; i++)
            detail[i] = strength * Math.Clamp(model[i] - reference[i], -limit, limit);
    }

    private static void Add(Span<float> row, ReadOnlySpan<float> detail)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= row.Length - Vector<float>.Count; i += Vector<float>.Count)
                (new Vector<float>(row[i..]) + new Vector<float>(detail[i..])).CopyTo(row[i..]);
        for (; i < row.Length; i++) row[i] += detail[i];
    }
}
