using System.Text.RegularExpressions;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// The kernels a PTX module defines and the parameter types each declares, read from its text
/// (<c>.visible .entry name( .param .u64 …, .param .u32 … )</c>). The CUDA launch packs arguments by
/// these types, and a test holds every launch we make to them — a wrong count or an int passed where
/// a float is declared fails there, not on a user's GPU.
/// </summary>
public static partial class PtxEntries
{
    /// <summary>Every entry's name, in module order.</summary>
    public static IReadOnlyList<string> Names(string ptx) => Parse(ptx).Keys.ToArray();

    /// <summary>Every entry with its parameter types (<c>u64</c> for a pointer, <c>u32</c>, <c>f32</c>…).</summary>
    public static IReadOnlyDictionary<string, string[]> Parse(string ptx)
    {
        var entries = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Match entry in Entry().Matches(ptx))
        {
            var types = Parameter().Matches(entry.Groups["params"].Value).Select(m => m.Groups["type"].Value).ToArray();
            entries[entry.Groups["name"].Value] = types;
        }
        return entries;
    }

    [GeneratedRegex(@"\.entry\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?<params>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Entry();

    [GeneratedRegex(@"\.param\s+\.(?<type>[a-z0-9]+)\s+[A-Za-z_]", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
