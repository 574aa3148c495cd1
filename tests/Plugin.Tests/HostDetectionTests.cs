using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.Host.Nodes.Upscale;
using Xunit;

namespace Enhance.Plugin.Tests;

public sealed class HostDetectionTests
{
    [Theory]
    [InlineData("DaVinciResolve", HostKind.Resolve)]
    [InlineData("DaVinciResolveLite", HostKind.Resolve)]
    [InlineData("fr.inria.Natron", HostKind.Natron)]
    [InlineData("uk.co.thefoundry.nuke", HostKind.Nuke)]
    [InlineData("io.enhance.ofxhost", HostKind.ReferenceHost)]
    [InlineData("com.example.unknown", HostKind.Generic)]
    public void HostNamesAreClassified(string name, HostKind kind) => Assert.Equal(kind, HostInfo.Classify(name));

    [Theory]
    [InlineData("Edit", ResolvePage.Edit)]
    [InlineData("Color", ResolvePage.Color)]
    [InlineData("Fusion", ResolvePage.Fusion)]
    [InlineData(null, ResolvePage.Unknown)]
    public void ResolvePagesAreParsed(string? page, ResolvePage expected) => Assert.Equal(expected, ResolvePages.Parse(page));

    [Theory]
    [InlineData(HostKind.Resolve, ResolvePage.Edit, UpscaleMode.EnhanceInPlace)]
    [InlineData(HostKind.Resolve, ResolvePage.Color, UpscaleMode.EnhanceInPlace)]
    [InlineData(HostKind.Resolve, ResolvePage.Unknown, UpscaleMode.EnhanceInPlace)]
    [InlineData(HostKind.Resolve, ResolvePage.Fusion, UpscaleMode.Resize)]
    [InlineData(HostKind.Natron, ResolvePage.Unknown, UpscaleMode.Resize)]
    [InlineData(HostKind.Generic, ResolvePage.Unknown, UpscaleMode.Resize)]
    public void AutoModeFollowsHostAndPage(HostKind kind, ResolvePage page, UpscaleMode expected)
    {
        var host = new HostInfo(kind, "x", "x", true, true);
        Assert.Equal(expected, UpscaleParams.Resolve(UpscaleMode.Auto, host, page));
        Assert.Equal(UpscaleMode.Resize, UpscaleParams.Resolve(UpscaleMode.Resize, host, page));
    }
}
