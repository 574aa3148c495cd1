using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Nodes.Grain;
using Enhance.Plugin.Host.Nodes.Upscale;

namespace Enhance.Plugin.Host;

/// <summary>
/// The nodes this binary offers. The native shim lists the same identifiers at compile time (CMake
/// variable ENHANCE_PLUGINS) so hosts can scan the bundle without starting .NET;
/// tests/Plugin.Tests/PluginRegistryTests keeps the two lists equal.
/// </summary>
public static class PluginRegistry
{
    public static IReadOnlyList<ImageEffectPlugin> All { get; } =
    [
        new UpscalePlugin(),
        new GrainPlugin(),
    ];

    public static ImageEffectPlugin? Find(string identifier)
    {
        foreach (var plugin in All)
            if (plugin.Identifier == identifier) return plugin;
        return null;
    }
}
