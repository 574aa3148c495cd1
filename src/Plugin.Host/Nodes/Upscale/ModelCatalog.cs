using System.Text.Json;
using System.Text.RegularExpressions;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>One bundled model file: a family (e.g. "enhance-faithful") at one scale.</summary>
public sealed record BundledModel(string Name, string Family, string Path, int Scale, string Kind, string Licence, bool Preferred);

/// <summary>
/// A family of bundled models offered as one choice; the node picks the variant for the requested
/// scale. <paramref name="Title"/> and <paramref name="Hint"/> come from the manifest's family_label
/// and family_hint (what a colourist reads in the Model menu); without them the family's file name is shown.
/// </summary>
public sealed record ModelFamily(string Name, string Kind, IReadOnlyList<BundledModel> Variants, string? Title = null, string? Hint = null)
{
    public string Label => $"{Title ?? Name} ({(Kind == "natural" ? "live action" : Kind)}, ×{string.Join("/×", Variants.Select(v => v.Scale))})";

    /// <summary>
    /// The variant to run for a requested scale: the smallest one at least as large (then Lanczos
    /// brings it down to the exact size), else the largest. A model run at a larger scale than
    /// needed costs time but loses nothing; one run smaller would leave Lanczos to do the rest.
    /// </summary>
    public BundledModel VariantFor(double scale)
    {
        var ordered = Variants.OrderBy(v => v.Scale).ToList();
        return ordered.FirstOrDefault(v => v.Scale >= scale - 1e-6) ?? ordered[^1];
    }
}

/// <summary>
/// The models shipped in the bundle (Contents/Resources/models/models.json, written by
/// tools/models/build-models.sh), grouped in families. The Model choice lists Classical, then the
/// families in manifest order, then Custom; hosts save the choice by index, so new families are
/// only ever appended to the manifest.
/// </summary>
public sealed class ModelCatalog
{
    private ModelCatalog(IReadOnlyList<ModelFamily> families, int defaultFamily, string? problem = null)
    {
        Families = families;
        DefaultFamily = defaultFamily;
        Problem = problem;
    }

    /// <summary>
    /// Why the bundled models could not be listed (a damaged or unreadable models.json), or null.
    /// The node then offers Classical and Custom only, and says so in the Model hint and the log,
    /// instead of disappearing from the host.
    /// </summary>
    public string? Problem { get; }

    public IReadOnlyList<ModelFamily> Families { get; }

    /// <summary>Index in <see cref="Families"/> of the default (the manifest's default kind, preferred models first), or -1.</summary>
    public int DefaultFamily { get; }

    public static ModelCatalog Empty { get; } = new([], -1);

    /// <summary>The catalog of the bundle this plug-in runs from, read once.</summary>
    public static ModelCatalog Bundled => LazyBundled.Value;

    private static readonly Lazy<ModelCatalog> LazyBundled = new(() =>
        NativeEntryPoints.BundleRoot is { } root ? Load(System.IO.Path.Combine(root, "Resources", "models")) : Empty);

    /// <summary>The choice option labels: Classical, each family, Custom.</summary>
    public IReadOnlyList<string> ChoiceLabels =>
        [UpscaleParams.ClassicalOption, .. Families.Select(f => f.Label), UpscaleParams.CustomOption];

    private static readonly string[] ChoiceHintOpening = ["The super-resolution model that predicts detail. Classical uses no model (Lanczos only)."];

    /// <summary>The Model choice's hint: what the choice is, then one sentence per family that has one.</summary>
    public string ChoiceHint => string.Join(" ", ChoiceHintOpening
        .Concat(Families.Where(f => f.Hint is not null).Select(f => $"{f.Title ?? f.Name}: {f.Hint}"))
        .Concat(Problem is null ? [] : [Problem]));

    /// <summary>The default option index (the default family, else Classical).</summary>
    public int DefaultChoice => DefaultFamily >= 0 ? DefaultFamily + 1 : 0;

    /// <summary>What a Model choice index means: null family = classical, or custom.</summary>
    public (bool Classical, bool Custom, ModelFamily? Family) Interpret(int choice)
    {
        if (choice <= 0) return (true, false, null);
        if (choice <= Families.Count) return (false, false, Families[choice - 1]);
        return (false, true, null);
    }

    public static ModelCatalog Load(string folder)
    {
        string manifest = System.IO.Path.Combine(folder, "models.json");
        if (!File.Exists(manifest))
            return Unreadable($"The bundled models are missing ({manifest} does not exist); only Classical and Custom model file are offered. " +
                              "Reinstall Enhance to get them back.");
        try
        {
            return Read(folder, manifest);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            return Unreadable($"The bundled models could not be read ({System.IO.Path.GetFileName(manifest)}: {e.Message}); " +
                              "only Classical and Custom model file are offered. Reinstall Enhance to get them back.");
        }
    }

    private static ModelCatalog Unreadable(string problem)
    {
        Console.Error.WriteLine($"[Enhance] Upscale: {problem}");
        return new ModelCatalog([], -1, problem);
    }

    private static ModelCatalog Read(string folder, string manifest)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        string defaultKind = doc.RootElement.TryGetProperty("default_kind", out var dk) ? dk.GetString() ?? "" : "";
        var families = new List<(string Name, string Kind, List<BundledModel> Variants, string? Title, string? Hint)>();
        foreach (var m in doc.RootElement.GetProperty("models").EnumerateArray())
        {
            // fp16 copies of a model are for GPUs with tensor cores; the menu lists each model once.
            if (m.TryGetProperty("precision", out var precision) && precision.GetString() == "fp16") continue;
            string name = m.GetProperty("name").GetString()!;
            string family = Regex.Replace(name, @"-x\d+$", "");
            var model = new BundledModel(name, family, System.IO.Path.Combine(folder, m.GetProperty("file").GetString()!),
                m.GetProperty("scale").GetInt32(), m.GetProperty("kind").GetString() ?? "", m.GetProperty("licence").GetString() ?? "",
                m.TryGetProperty("preferred", out var preferred) && preferred.GetBoolean());
            var existing = families.FindIndex(f => f.Name == family);
            if (existing < 0)
                families.Add((family, model.Kind, [model], OptionalString(m, "family_label"), OptionalString(m, "family_hint")));
            else families[existing].Variants.Add(model);
        }
        var result = families.Select(f => new ModelFamily(f.Name, f.Kind, f.Variants, f.Title, f.Hint)).ToList();
        // The default: the family of the manifest's default kind that holds its preferred models.
        int defaultFamily = result.FindIndex(f => f.Kind == defaultKind && f.Variants.Any(v => v.Preferred));
        if (defaultFamily < 0) defaultFamily = result.FindIndex(f => f.Kind == defaultKind);
        return new ModelCatalog(result, defaultFamily);
    }

    private static string? OptionalString(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
