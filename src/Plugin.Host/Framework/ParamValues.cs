namespace Enhance.Plugin.Host.Framework;

/// <summary>
/// Parameter values as a node may use them, whatever the host sends: a host hands back anything a
/// project file or a script stored (scale 0, NaN, 10000), so every node reads its numbers through
/// here and keeps them inside their declared ranges.
/// </summary>
public static class ParamValues
{
    /// <summary><paramref name="value"/> clamped to [min, max] (infinities included); NaN gives <paramref name="fallback"/>.</summary>
    public static double InRange(double value, double min, double max, double fallback) =>
        double.IsNaN(value) ? fallback : Math.Clamp(value, min, max);
}
