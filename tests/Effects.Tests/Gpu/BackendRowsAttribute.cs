using System.Reflection;
using Enhance.Effects.Gpu.Cuda;
using Xunit;
using Xunit.Sdk;

namespace Enhance.Effects.Tests.Gpu;

/// <summary>
/// Why this file exists: a GPU theory's rows name their backend in the first column, and a CUDA row
/// on a machine without CUDA must show up in the test report as SKIPPED with the reason, never as a
/// pass for code that did not run (which an early <c>return</c> in the test would report).
/// <para>
/// So a theory lists its rows through one attribute per backend, e.g.
/// <c>[BackendRows(nameof(Cases), GpuBackends.OpenCl)]</c> and <c>[BackendRows(nameof(Cases), GpuBackends.Cuda)]</c>:
/// each reads the member as <see cref="MemberDataAttribute"/> does and keeps the rows of its backend.
/// The CUDA one carries <see cref="DataAttribute.Skip"/> ("needs a CUDA device: reason") where
/// <see cref="CudaDriver.TryGet"/> fails — the check the plug-in makes before it declares CUDA support —
/// and xunit then reports each of its rows as skipped. Where CUDA is present they run, and
/// <see cref="GpuBackends.Open"/> failing is a test failure. OpenCL rows always run (pocl in CI).
/// </para>
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BackendRowsAttribute : MemberDataAttributeBase
{
    public BackendRowsAttribute(string memberName, string backend) : base(memberName, [])
    {
        if (backend is not (GpuBackends.OpenCl or GpuBackends.Cuda)) throw new ArgumentException($"unknown backend {backend}", nameof(backend));
        Backend = backend;
        Skip = SkipReason(backend);
    }

    /// <summary>The backend whose rows this attribute yields (the rows whose first value it is).</summary>
    public string Backend { get; }

    /// <summary>Why rows of <paramref name="backend"/> cannot run on this machine, or null when they can.</summary>
    public static string? SkipReason(string backend) =>
        backend == GpuBackends.Cuda && CudaDriver.TryGet(out var reason) is null ? $"needs a CUDA device: {reason}" : null;

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var rows = base.GetData(testMethod) ?? throw new ArgumentException($"{MemberName} yields no data");
        return rows.Where(row => row.Length > 0 && row[0] switch
        {
            string b when b == Backend => true,
            GpuBackends.OpenCl or GpuBackends.Cuda => false,
            var other => throw new ArgumentException($"{MemberName}: a row whose first value ({other}) is not a GPU backend"),
        }).ToList();
    }

    protected override object[] ConvertDataItem(MethodInfo testMethod, object item) =>
        item as object[] ?? throw new ArgumentException($"{MemberName} yields {item?.GetType().Name ?? "null"}, not object[] rows");
}

/// <summary>A fact that needs a CUDA device: skipped with the reason where there is none (as EndToEnd.Tests' CudaFact).</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        Skip = BackendRowsAttribute.SkipReason(GpuBackends.Cuda);
    }
}
