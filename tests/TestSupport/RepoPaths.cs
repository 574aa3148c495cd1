namespace Enhance.TestSupport;

/// <summary>Where things are in the checkout, found by walking up to the folder holding Plugins.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>The CMake build folder (ENHANCE_BUILD_DIR, default build/).</summary>
    public static string BuildDir =>
        Environment.GetEnvironmentVariable("ENHANCE_BUILD_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Root, "build");

    /// <summary>Real photographs and anime frames fetched by tools/fetch-testdata.sh.</summary>
    public static string TestData =>
        Environment.GetEnvironmentVariable("ENHANCE_TESTDATA") is { Length: > 0 } dir ? dir : Path.Combine(Root, ".testdata");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Plugins.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Plugins.sln) above " + AppContext.BaseDirectory);
    }
}
