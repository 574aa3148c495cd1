using Enhance.Effects.Gpu.Cuda;
using Xunit;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// A test that needs an NVIDIA GPU: skipped, with the reason, where libcuda does not load or sees
/// no device — so CI lists it as skipped, never as passed. The check is the one the plug-in makes
/// before declaring CUDA support (<see cref="CudaDriver.TryGet"/>: cuInit and a device).
/// </summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (CudaDriver.TryGet(out var reason) is null) Skip = $"needs a CUDA device: {reason}";
    }
}

/// <summary>The converse: a test of how things behave without CUDA, skipped on a machine that has it.</summary>
public sealed class NoCudaFactAttribute : FactAttribute
{
    public NoCudaFactAttribute()
    {
        if (CudaDriver.TryGet(out var reason) is not null) Skip = $"this machine has CUDA ({reason})";
    }
}
