using Enhance.Effects.Upscale;
using Xunit;

namespace Enhance.Effects.Tests.Upscale;

/// <summary>
/// When ONNX Runtime's own library cannot load, .NET reports "The type initializer for
/// 'NativeMethods' threw an exception" (issue 17): the user must read what failed and what to do,
/// and not be told to pick another model, which would fail the same way.
/// </summary>
public sealed class RuntimeUnavailableMessageTests
{
    private static Exception AsOnnxRuntimeReportsIt(Exception cause) =>
        new TypeInitializationException("Microsoft.ML.OnnxRuntime.NativeMethods", cause);

    [Fact]
    public void AMissingLibraryIsNamedWithReinstallAdvice()
    {
        var e = ModelLoadException.RuntimeUnavailable("/models/a.onnx",
            AsOnnxRuntimeReportsIt(new DllNotFoundException("Unable to load shared library 'onnxruntime': libonnxruntime.so: cannot open shared object file")));
        Assert.Contains("libonnxruntime.so", e.Message);
        Assert.Contains("cannot open shared object file", e.Message);
        Assert.DoesNotContain("type initializer", e.Message);
        Assert.Contains("Reinstall Enhance.ofx.bundle", e.Advice);
        Assert.DoesNotContain("another model", e.Advice);
    }

    [Fact]
    public void AnAddressSpaceLimitIsCalledThat()
    {
        var e = ModelLoadException.RuntimeUnavailable("/models/a.onnx",
            AsOnnxRuntimeReportsIt(new DllNotFoundException("libonnxruntime.so: failed to map segment from shared object")));
        Assert.Contains("memory or address space", e.Message);
        Assert.Contains("ulimit -v", e.Advice);
    }
}
