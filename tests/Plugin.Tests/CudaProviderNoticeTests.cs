using Enhance.Plugin.Host.Nodes.Upscale;
using Xunit;

namespace Enhance.Plugin.Tests;

/// <summary>The Upscale node says its network runs on the CPU only where a user would expect the GPU.</summary>
public sealed class CudaProviderNoticeTests
{
    private const string Reason = "ONNX Runtime's CUDA provider needs libcudnn.so.9, which was not found on the loader's path nor in /usr/local/cuda/lib64; install …";

    [Fact]
    public void An_NVIDIA_machine_without_the_CUDA_libraries_is_told_what_is_missing() =>
        Assert.Equal("Enhance Upscale: " + Reason, CudaProviderNotice.For("Enhance Upscale", modelInUse: true, nvidiaDevicePresent: true, cudaProviderUsable: false, Reason));

    [Theory]
    [InlineData(false, true, false)]   // Classical: no network to run anywhere
    [InlineData(true, false, false)]   // no NVIDIA device: the CPU is the way it runs
    [InlineData(true, true, true)]     // the provider runs: nothing to say
    public void Otherwise_nothing_is_said(bool modelInUse, bool nvidiaDevicePresent, bool cudaProviderUsable) =>
        Assert.Null(CudaProviderNotice.For("Enhance Upscale", modelInUse, nvidiaDevicePresent, cudaProviderUsable, Reason));
}
