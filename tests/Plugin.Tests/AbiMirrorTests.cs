using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Interop;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Plugin.Tests;

/// <summary>
/// Proves the C# mirror of the OFX ABI (src/Plugin.OfxBridge) matches our one C declaration
/// (native/include/enhance/ofx_abi.h, shim_api.h): a C program, generated from the mirror's types
/// and the header's macros and compiled by the machine's C compiler, prints every struct size,
/// every field offset and every constant; each must equal what .NET computes.
/// </summary>
public sealed class AbiMirrorTests
{
    private static readonly Type[] MirroredStructs =
    [
        typeof(OfxHost), typeof(OfxPlugin), typeof(OfxPointI), typeof(OfxPointD), typeof(OfxRangeI), typeof(OfxRangeD),
        typeof(OfxRectI), typeof(OfxRectD), typeof(OfxPropertySuiteV1), typeof(OfxImageEffectSuiteV1),
        typeof(OfxParameterSuiteV1), typeof(OfxMemorySuiteV1), typeof(OfxMultiThreadSuiteV1), typeof(OfxMessageSuiteV1),
        typeof(OfxMessageSuiteV2), typeof(OfxProgressSuiteV1), typeof(OfxProgressSuiteV2), typeof(OfxTimeLineSuiteV1),
        typeof(EnhanceShimApi), typeof(EnhanceManagedApi),
    ];

    private static readonly Lazy<Dictionary<string, string>> Probe = new(RunProbe);

    [Fact]
    public void StructSizesMatchTheCCompiler()
    {
        foreach (var type in MirroredStructs)
            Assert.True(Probe.Value[$"size {type.Name}"] == Marshal.SizeOf(type).ToString(),
                $"sizeof({type.Name}): C says {Probe.Value[$"size {type.Name}"]}, C# says {Marshal.SizeOf(type)}");
    }

    [Fact]
    public void FieldOffsetsMatchTheCCompiler()
    {
        int checkedFields = 0;
        foreach (var type in MirroredStructs)
            foreach (var field in InstanceFields(type))
            {
                string key = $"offset {type.Name}.{CFieldName(type, field.Name)}";
                Assert.Equal(Probe.Value[key], Marshal.OffsetOf(type, field.Name).ToString());
                checkedFields++;
            }
        Assert.True(checkedFields >= 111, $"only {checkedFields} fields checked");
    }

    [Fact]
    public void EveryStringConstantOfTheHeaderIsMirroredWithTheSameValue()
    {
        var mirror = typeof(OfxNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var strings = Probe.Value.Where(kv => kv.Key.StartsWith("string ")).ToList();
        Assert.True(strings.Count > 200, $"only {strings.Count} string macros found in the header");
        foreach (var (key, value) in strings)
        {
            string macro = key["string ".Length..];
            string name = macro["kOfx".Length..];
            Assert.True(mirror.TryGetValue(name, out var mirrored), $"{macro} has no OfxNames.{name}");
            Assert.True(value == mirrored, $"{macro}: C \"{value}\", C# \"{mirrored}\"");
        }
        Assert.Equal(strings.Count, mirror.Count);
    }

    [Fact]
    public void StatusCodesAndVersionsMatch()
    {
        var statuses = typeof(OfxStatus).GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        var cStatuses = Probe.Value.Where(kv => kv.Key.StartsWith("int kOfxStat")).ToList();
        Assert.Equal(cStatuses.Count, statuses.Count);
        foreach (var (key, value) in cStatuses)
            Assert.Equal(value, statuses[key["int kOfxStat".Length..]].ToString());
        Assert.Equal(Probe.Value["int kOfxImageEffectPluginApiVersion"], OfxNames.ImageEffectPluginApiVersion.ToString());
        Assert.Equal(Probe.Value["int ENHANCE_SHIM_API_VERSION"], EnhanceShimApi.CurrentVersion.ToString());
        Assert.Equal(Probe.Value["int ENHANCE_MANAGED_API_VERSION"], EnhanceManagedApi.CurrentVersion.ToString());
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type t) =>
        t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).OrderBy(f => Marshal.OffsetOf(t, f.Name).ToInt64());

    /// <summary>C field names: camelCase in the OFX structs, snake_case in ours (shim_api.h).</summary>
    private static string CFieldName(Type type, string csharpName)
    {
        if (type.Name.StartsWith("Enhance"))
            return Regex.Replace(csharpName, "(?<!^)([A-Z])", "_$1").ToLowerInvariant();
        return char.ToLowerInvariant(csharpName[0]) + csharpName[1..];
    }

    private static Dictionary<string, string> RunProbe()
    {
        string include = Path.Combine(RepoPaths.Root, "native", "include");
        string header = File.ReadAllText(Path.Combine(include, "enhance", "ofx_abi.h")) + File.ReadAllText(Path.Combine(include, "enhance", "shim_api.h"));
        var c = new StringBuilder();
        c.AppendLine("#include <stdio.h>\n#include <stddef.h>\n#include \"enhance/ofx_abi.h\"\n#include \"enhance/shim_api.h\"\nint main(void) {");
        foreach (var type in MirroredStructs)
        {
            c.AppendLine($"  printf(\"size {type.Name}\\t%zu\\n\", sizeof({type.Name}));");
            foreach (var f in InstanceFields(type))
            {
                string cName = CFieldName(type, f.Name);
                c.AppendLine($"  printf(\"offset {type.Name}.{cName}\\t%zu\\n\", offsetof({type.Name}, {cName}));");
            }
        }
        foreach (Match m in Regex.Matches(header, @"#define\s+(kOfx\w+)\s+""", RegexOptions.Multiline))
            c.AppendLine($"  printf(\"string {m.Groups[1].Value}\\t%s\\n\", {m.Groups[1].Value});");
        foreach (Match m in Regex.Matches(header, @"#define\s+((?:kOfx|ENHANCE_)\w+)\s+(?:\(\(int\))?\d+", RegexOptions.Multiline))
            c.AppendLine($"  printf(\"int {m.Groups[1].Value}\\t%d\\n\", (int){m.Groups[1].Value});");
        c.AppendLine("  return 0;\n}");

        string dir = Directory.CreateTempSubdirectory("enhance-abi-probe").FullName;
        string source = Path.Combine(dir, "probe.c"), binary = Path.Combine(dir, "probe");
        File.WriteAllText(source, c.ToString());
        string compilerOutput = Run("cc", $"-std=c11 -Wall -Werror -I\"{include}\" -o \"{binary}\" \"{source}\"");
        if (!File.Exists(binary))
            throw new InvalidOperationException("The C mirror probe did not compile (a C# field with no C counterpart?):\n" + compilerOutput);
        var result = new Dictionary<string, string>();
        foreach (var line in Run(binary, "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            result[parts[0]] = parts[1];
        }
        Directory.Delete(dir, recursive: true);
        return result;
    }

    private static string Run(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
