using Xunit;

namespace Enhance.Effects.Tests.Models;

/// <summary>What the plug-in relies on in build/models/models.json: files, licences and one preferred model per kind and factor.</summary>
public sealed class ModelManifestTests
{
    [Fact]
    public void EveryEntryHasItsModelAndLicenceFiles()
    {
        Assert.NotEmpty(BundledModels.All);
        foreach (var entry in BundledModels.All)
        {
            Assert.True(File.Exists(BundledModels.PathOf(entry.Name)), $"{entry.File} is missing.");
            Assert.NotEmpty(entry.LicenceFiles);
            foreach (var licence in entry.LicenceFiles)
                Assert.True(new FileInfo(Path.Combine(BundledModels.Folder, licence)).Length > 500, $"{entry.Name}: licence text {licence} missing or empty.");
        }
    }

    [Theory]
    [InlineData("natural", 2)]
    [InlineData("natural", 4)]
    [InlineData("anime", 2)]
    [InlineData("anime", 3)]
    [InlineData("anime", 4)]
    public void ExactlyOnePreferredModelPerKindAndFactor(string kind, int scale) =>
        Assert.Single(BundledModels.All, e => e.Kind == kind && e.Scale == scale && e.Preferred);
}
