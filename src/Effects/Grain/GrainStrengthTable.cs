namespace Enhance.Effects.Grain;

/// <summary>
/// Grain standard deviation per channel as a function of working-space intensity, tabulated once per
/// render so the per-pixel work is a lookup and a lerp. Built from the hand-set amount × channel ×
/// tonal response, or from a matched profile's bands × amount × channel trims.
/// </summary>
internal sealed class GrainStrengthTable
{
    /// <summary>Table rows, spaced evenly over intensity 0–1.</summary>
    internal const int Entries = 1024;
    private readonly float[] _table = new float[Entries * 3];
    private readonly float[] _rows = new float[Entries * 8];

    private GrainStrengthTable(Func<double, int, double> strength)
    {
        for (int i = 0; i < Entries; i++)
        {
            double intensity = (double)i / (Entries - 1);
            for (int c = 0; c < 3; c++) _table[i * 3 + c] = (float)strength(intensity, c);
        }
        for (int i = 0; i < Entries - 1; i++)
            for (int c = 0; c < 3; c++)
            {
                _rows[i * 8 + c] = _table[i * 3 + c];
                // The same float subtraction Lookup does, done once: the lerp's result is unchanged.
                _rows[i * 8 + 4 + c] = _table[i * 3 + 3 + c] - _table[i * 3 + c];
            }
    }

    /// <summary>
    /// The table for the vector combine, one 8-float row per entry: R, G, B, 0, then the steps to the
    /// next entry ΔR, ΔG, ΔB, 0. One 256-bit load per pixel fetches all it needs, and eight such rows
    /// transpose into planes, which is cheaper than six gathers.
    /// </summary>
    internal ReadOnlySpan<float> Rows => _rows;

    public static GrainStrengthTable For(GrainSettings settings, GrainProfile? matched) =>
        new((intensity, c) => Strength(settings, matched, intensity, c));

    /// <summary>The exact (untabulated) strength the table samples.</summary>
    public static double Strength(GrainSettings settings, GrainProfile? matched, double intensity, int c)
    {
        double channel = c switch { 0 => settings.Red, 1 => settings.Green, _ => settings.Blue };
        return matched is null
            ? settings.Amount * channel * settings.Response.Weight(intensity)
            : settings.MatchAmount * channel * matched.StrengthAt(intensity, c);
    }

    /// <summary>Strengths of R, G and B at an intensity (clamped to 0–1; the table's ends hold beyond).</summary>
    public void Lookup(float intensity, out float red, out float green, out float blue)
    {
        float t = float.IsNaN(intensity) ? 0f : Math.Clamp(intensity, 0f, 1f) * (Entries - 1);
        int i = Math.Min((int)t, Entries - 2);
        float f = t - i;
        int k = i * 3;
        red = _table[k] + f * (_table[k + 3] - _table[k]);
        green = _table[k + 1] + f * (_table[k + 4] - _table[k + 1]);
        blue = _table[k + 2] + f * (_table[k + 5] - _table[k + 2]);
    }
}
