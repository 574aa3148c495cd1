using System.Reflection;
using Enhance.Effects.Gpu.Cuda;
using Xunit.Sdk;

namespace Enhance.EndToEnd.Tests;

/// <summary>
/// One row of a GPU-mode theory: the backend's name ("OpenCL" or "CUDA"; <see cref="HostFlag"/> gives
/// ofxhost's --gpu value). A CUDA row on a machine without CUDA is reported SKIPPED with the reason (the
/// check the plug-in makes before declaring CUDA), never passed; OpenCL rows always run (pocl in CI).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GpuModeAttribute : DataAttribute
{
    public const string OpenCl = "OpenCL", Cuda = "CUDA";

    public GpuModeAttribute(string backend)
    {
        Backend = backend is OpenCl or Cuda ? backend : throw new ArgumentException($"unknown backend {backend}", nameof(backend));
        if (backend == Cuda && CudaDriver.TryGet(out var reason) is null) Skip = $"needs a CUDA device: {reason}";
    }

    public string Backend { get; }

    /// <summary>ofxhost's <c>--gpu</c> value for a backend name.</summary>
    public static string HostFlag(string backend) => backend == Cuda ? "cuda" : "opencl";

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend]];
}
