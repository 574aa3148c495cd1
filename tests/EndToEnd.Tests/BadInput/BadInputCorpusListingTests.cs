using Xunit;

namespace Enhance.EndToEnd.Tests.BadInput;

/// <summary>
/// The generator and the suites cannot drift apart: every file make_corpus.py writes is run by a
/// case (open cases included), and every file a case names was written (except the deliberately missing model).
/// </summary>
public sealed class BadInputCorpusListingTests
{
    [Fact]
    public void EveryGeneratedFileIsRunAndEveryRunFileIsGenerated()
    {
        var generated = BadInputCorpus.Listing().ToHashSet();
        var named = BadInputModelTests.Covered.Where(m => m != "missing.onnx").Select(m => "models/" + m)
            .Concat(BadInputImageTests.Covered.Append("plain.pfm").Select(i => "images/" + i))
            .ToHashSet();
        Assert.Empty(generated.Except(named));
        Assert.Empty(named.Except(generated));
        Assert.False(File.Exists(BadInputCorpus.Model("missing.onnx")));
    }
}
