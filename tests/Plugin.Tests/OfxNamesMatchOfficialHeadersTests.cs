using System.Text.RegularExpressions;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Plugin.Tests;

/// <summary>
/// The plug-in, the shim and the reference host all take their OFX name strings from
/// native/include/enhance/ofx_abi.h, so a misspelt name agrees with itself everywhere and no
/// round trip can catch it (two did slip through: the multiple-clip-depths and project
/// pixel-aspect names). This checks every name in the header against the official headers'
/// strings, recorded in ofx_official_names.txt from OFX_Release_1.5.1.
/// </summary>
public sealed partial class OfxNamesMatchOfficialHeadersTests
{
    private static string Include => Path.Combine(RepoPaths.Root, "native", "include", "enhance");

    [Fact]
    public void EveryNameInOurHeaderIsAnOfficialNameWithItsOfficialString()
    {
        string header = File.ReadAllText(Path.Combine(Include, "ofx_abi.h"));
        var official = File.ReadAllLines(Path.Combine(Include, "ofx_official_names.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToDictionary(f => f[0], f => f[1]);
        // Names no official header defines: the extensions section (Resolve, Natron, Nuke), and the
        // RoI and frame-range property prefixes that ofxImageEffect.h documents in prose only.
        int extensions = header.IndexOf("host extensions we read", StringComparison.Ordinal);
        Assert.True(extensions > 0, "ofx_abi.h has lost its host-extensions section.");
        var wrong = new List<string>();
        int count = 0;
        foreach (Match m in Define().Matches(header))
        {
            string name = m.Groups[1].Value, value = m.Groups[2].Value;
            if (m.Index > extensions || name is "kOfxImageClipPropRoI" or "kOfxImageClipPropFrameRange") continue;
            count++;
            if (!official.TryGetValue(name, out var expected)) wrong.Add($"{name} is not an official OFX name");
            else if (expected != value) wrong.Add($"{name} is \"{value}\"; the official string is \"{expected}\"");
        }
        Assert.True(count > 200, $"only {count} names were read from ofx_abi.h");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void TheOfficialStringsOfTheTwoNamesThatWereWrong()
    {
        string header = File.ReadAllText(Path.Combine(Include, "ofx_abi.h"));
        Assert.Contains("#define kOfxImageEffectPropSupportsMultipleClipDepths \"OfxImageEffectPropMultipleClipDepths\"", header);
        Assert.Contains("#define kOfxImageEffectPropProjectPixelAspectRatio \"OfxImageEffectPropPixelAspectRatio\"", header);
    }

    [GeneratedRegex("#define\\s+(k\\w+)\\s+\"([^\"]*)\"")]
    private static partial Regex Define();
}
