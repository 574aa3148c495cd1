namespace Enhance.Effects.Gpu;

/// <summary>Where a render's pixels live and run.</summary>
public enum GpuBackend
{
    /// <summary>Host memory, processed by the CPU code.</summary>
    Cpu,

    /// <summary>CUDA device memory in the host's context, on the host's stream.</summary>
    Cuda,

    /// <summary>OpenCL buffers in the host's context, on the host's command queue.</summary>
    OpenCl,
}
