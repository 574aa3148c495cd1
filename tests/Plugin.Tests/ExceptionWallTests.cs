using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.OfxBridge;
using Xunit;

namespace Enhance.Plugin.Tests;

public sealed class ExceptionWallTests
{
    [Fact]
    public void ASuccessfulActionReturnsItsOwnStatus()
    {
        Assert.Equal(OfxStatus.ReplyDefault, ExceptionWall.Run(() => OfxStatus.ReplyDefault, null, 0, "io.enhance.Upscale", OfxNames.ActionLoad));
    }

    [Fact]
    public void AnOfxExceptionBecomesItsStatus()
    {
        int status = ExceptionWall.Run(() => throw new OfxException(OfxStatus.ErrImageFormat, "half", "Use float."),
            null, 0, "io.enhance.Upscale", OfxNames.ImageEffectActionRender);
        Assert.Equal(OfxStatus.ErrImageFormat, status);
    }

    [Fact]
    public void OutOfMemoryBecomesErrMemoryWithAnActionableSentence()
    {
        var (status, sentence) = ExceptionWall.Classify(new OutOfMemoryException(), "io.enhance.Upscale", OfxNames.ImageEffectActionRender);
        Assert.Equal(OfxStatus.ErrMemory, status);
        Assert.Contains("memory", sentence);
        Assert.Contains("Enhance Upscale", sentence);
    }

    [Fact]
    public void AnyOtherExceptionBecomesFailedNamingTheNodeAndAction()
    {
        int status = ExceptionWall.Run(() => throw new InvalidOperationException("boom"), null, 0, "io.enhance.Dehalo", OfxNames.ImageEffectActionRender);
        Assert.Equal(OfxStatus.Failed, status);
        var (_, sentence) = ExceptionWall.Classify(new InvalidOperationException("boom"), "io.enhance.Dehalo", OfxNames.ImageEffectActionRender);
        Assert.Equal("Enhance Dehalo failed during Render: boom Please report this with the log.", sentence);
    }

    [Fact]
    public void TheUserMessageOfAnOfxExceptionIsUsedVerbatim()
    {
        var (_, sentence) = ExceptionWall.Classify(new OfxException(OfxStatus.Failed, "internal", "Connect a clip."), "io.enhance.Grain", OfxNames.ImageEffectActionRender);
        Assert.Equal("Connect a clip.", sentence);
    }
}
