using Enhance.Plugin.OfxBridge;

namespace Enhance.Plugin.Host.Framework;

/// <summary>Which kind of host loaded us: nodes adapt defaults to it (e.g. Upscale's mode).</summary>
public enum HostKind { Generic, Resolve, Natron, Nuke, ReferenceHost }

/// <summary>The host's identity and the abilities our nodes care about, read once from the host's property set.</summary>
public sealed record HostInfo(HostKind Kind, string Name, string Label, bool SupportsMultiResolution, bool SupportsTiles)
{
    public static HostInfo Detect(PropertySet hostProperties)
    {
        string name = hostProperties.TryGetString(OfxNames.PropName) ?? string.Empty;
        string label = hostProperties.TryGetString(OfxNames.PropLabel) ?? name;
        return new HostInfo(
            Classify(name),
            name,
            label,
            hostProperties.TryGetInt(OfxNames.ImageEffectPropSupportsMultiResolution, 0) != 0,
            hostProperties.TryGetInt(OfxNames.ImageEffectPropSupportsTiles, 0) != 0);
    }

    /// <summary>
    /// Host names as they report themselves: Resolve says "DaVinciResolve" (or "...Lite"),
    /// Natron "fr.inria.Natron", Nuke "uk.co.thefoundry.nuke", ours "io.enhance.ofxhost".
    /// </summary>
    public static HostKind Classify(string hostName)
    {
        if (hostName.Contains("resolve", StringComparison.OrdinalIgnoreCase)) return HostKind.Resolve;
        if (hostName.Contains("natron", StringComparison.OrdinalIgnoreCase)) return HostKind.Natron;
        if (hostName.Contains("nuke", StringComparison.OrdinalIgnoreCase)) return HostKind.Nuke;
        if (hostName.StartsWith("io.enhance.", StringComparison.Ordinal)) return HostKind.ReferenceHost;
        return HostKind.Generic;
    }
}

/// <summary>DaVinci Resolve's page, passed at CreateInstance (may be missing for instances made at project load).</summary>
public enum ResolvePage { Unknown, Edit, Color, Fusion }

public static class ResolvePages
{
    public static ResolvePage Parse(string? page) => page?.ToLowerInvariant() switch
    {
        "edit" => ResolvePage.Edit,
        "color" or "colour" => ResolvePage.Color,
        "fusion" => ResolvePage.Fusion,
        _ => ResolvePage.Unknown,
    };
}
