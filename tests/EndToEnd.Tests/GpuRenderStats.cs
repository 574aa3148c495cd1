using System.Globalization;
using System.Text.RegularExpressions;

namespace Enhance.EndToEnd.Tests;

/// <summary>One "[Enhance] stats:" line the plug-in prints per render with ENHANCE_GPU_STATS=1.</summary>
public sealed partial record GpuRenderStats(string Node, string Backend, double Milliseconds, long BytesToHost, long BytesToDevice)
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["ENHANCE_GPU_STATS"] = "1" };

    /// <summary>Every stats line of a run's stderr, in order.</summary>
    public static IReadOnlyList<GpuRenderStats> Parse(string standardError) =>
        Line().Matches(standardError).Select(m => new GpuRenderStats(
            m.Groups["node"].Value, m.Groups["backend"].Value,
            double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture),
            long.Parse(m.Groups["host"].Value, CultureInfo.InvariantCulture),
            long.Parse(m.Groups["device"].Value, CultureInfo.InvariantCulture))).ToList();

    [GeneratedRegex(@"\[Enhance\] stats: node=(?<node>.+?) backend=(?<backend>\S+) ms=(?<ms>[0-9.]+) bytes-to-host=(?<host>\d+) bytes-to-device=(?<device>\d+)")]
    private static partial Regex Line();
}
