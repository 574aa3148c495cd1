namespace Enhance.TestSupport;

/// <summary>
/// The real pictures the tests use. They are fetched, not tracked (tools/fetch-testdata.sh); the
/// test command runs that script first, so a missing file is a set-up error and fails loudly.
/// </summary>
public static class TestImages
{
    /// <summary>Photographs: python3-skimage data and mate-backgrounds nature photos.</summary>
    public static IReadOnlyList<string> Photos => List("photos");

    /// <summary>Anime-style scenes from the Ren'Py demo.</summary>
    public static IReadOnlyList<string> Anime => List("anime");

    public static string Photo(string name) => Find("photos", name);

    public static string AnimeFrame(string name) => Find("anime", name);

    private static string Find(string folder, string name)
    {
        var match = List(folder).FirstOrDefault(p => Path.GetFileNameWithoutExtension(p).Equals(name, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new FileNotFoundException($"No test image '{name}' in {Path.Combine(RepoPaths.TestData, folder)}; run tools/fetch-testdata.sh.");
    }

    private static IReadOnlyList<string> List(string folder)
    {
        var dir = Path.Combine(RepoPaths.TestData, folder);
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"{dir} is missing; run tools/fetch-testdata.sh.");
        return Directory.GetFiles(dir).Where(f => f.EndsWith(".png") || f.EndsWith(".jpg")).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}
