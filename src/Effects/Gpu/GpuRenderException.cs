namespace Enhance.Effects.Gpu;

/// <summary>
/// A GPU render cannot run on the GPU memory the host gave us (driver missing, no context, kernels
/// failed to build). The bridge answers kOfxStatGPURenderFailed, which tells the host to render the
/// frame again on the CPU: that is the clean fallback, since we cannot read the host's device memory
/// without the host's API.
/// </summary>
public sealed class GpuRenderException(string message, Exception? inner = null) : Exception(message, inner);
