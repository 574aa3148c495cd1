using System.Text.RegularExpressions;
using Enhance.Plugin.Host;
using Enhance.TestSupport;
using Xunit;

namespace Enhance.Plugin.Tests;

public sealed class PluginRegistryTests
{
    /// <summary>The shim lists plug-ins at compile time (cmake/Plugins.cmake) so hosts can scan without starting .NET; both lists must agree.</summary>
    [Fact]
    public void TheShimsCompileTimeListEqualsTheManagedRegistry()
    {
        string cmake = File.ReadAllText(Path.Combine(RepoPaths.Root, "cmake", "Plugins.cmake"));
        var match = Regex.Match(cmake, @"set\(ENHANCE_PLUGINS ""([^""]+)""\)");
        Assert.True(match.Success, "ENHANCE_PLUGINS not found in cmake/Plugins.cmake");
        var native = match.Groups[1].Value.Split(';');
        Assert.Equal(native, PluginRegistry.All.Select(p => p.Identifier).ToArray());
    }

    [Fact]
    public void IdentifiersAreUniqueAndFound()
    {
        var ids = PluginRegistry.All.Select(p => p.Identifier).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var id in ids) Assert.Same(PluginRegistry.All.First(p => p.Identifier == id), PluginRegistry.Find(id));
        Assert.Null(PluginRegistry.Find("io.enhance.Nothing"));
    }
}
