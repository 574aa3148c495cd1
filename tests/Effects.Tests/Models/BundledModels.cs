using System.Text.Json;
using Enhance.TestSupport;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// The models tools/models/build-models.sh writes into build/models (RepoPaths.BuildDir/models),
/// read through the models.json it writes. A missing folder is a set-up error: the tests fail and
/// say how to build it rather than skipping, so a CI run without models cannot pass silently.
/// </summary>
public static class BundledModels
{
    public sealed record Entry(string Name, string File, int Scale, string Kind, string Licence, bool Preferred, IReadOnlyList<string> LicenceFiles);

    public static string Folder => Path.Combine(RepoPaths.BuildDir, "models");

    /// <summary>Where build-models.sh keeps the unpacked npm packages (and the upstream binary).</summary>
    public static string PackageCache =>
        Environment.GetEnvironmentVariable("ENHANCE_MODELS_CACHE") is { Length: > 0 } dir ? dir : Path.Combine(RepoPaths.Root, ".cache", "models");

    private static readonly Lazy<(string DefaultKind, IReadOnlyList<Entry> Entries)> Manifest = new(Load);

    public static IReadOnlyList<Entry> All => Manifest.Value.Entries;

    public static string DefaultKind => Manifest.Value.DefaultKind;

    public static Entry Get(string name) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"{name} is not in {Folder}/models.json.");

    public static string PathOf(string name) => Path.Combine(Folder, Get(name).File);

    private static (string, IReadOnlyList<Entry>) Load()
    {
        var manifest = Path.Combine(Folder, "models.json");
        if (!System.IO.File.Exists(manifest))
            throw new FileNotFoundException(
                $"{manifest} is missing: build the models first with `tools/models/build-models.sh {Folder}` (or the CMake build).");
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(manifest));
        var entries = doc.RootElement.GetProperty("models").EnumerateArray().Select(m => new Entry(
            m.GetProperty("name").GetString()!, m.GetProperty("file").GetString()!, m.GetProperty("scale").GetInt32(),
            m.GetProperty("kind").GetString()!, m.GetProperty("licence").GetString()!, m.GetProperty("preferred").GetBoolean(),
            m.GetProperty("licence_files").EnumerateArray().Select(f => f.GetString()!).ToArray())).ToArray();
        return (doc.RootElement.GetProperty("default_kind").GetString()!, entries);
    }
}
