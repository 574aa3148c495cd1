namespace Enhance.Effects.Gpu.Cuda;

/// <summary>A CUDA driver call failed (or the driver is missing); carries the CUresult.</summary>
public sealed class CudaException : Exception
{
    public CudaException(string operation, int result, string? name)
        : base($"CUDA {operation} failed with {name ?? "CUresult"} ({result}).")
    {
        Result = result;
    }

    public CudaException(string message) : base(message) { }

    /// <summary>The same failure with more said (e.g. the PTX JIT's log); keeps the CUresult.</summary>
    public CudaException(string message, CudaException inner) : base(message, inner)
    {
        Result = inner.Result;
    }

    /// <summary>The CUresult (0 when the failure was not a driver call).</summary>
    public int Result { get; }
}
