using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// Compiles <see cref="CudaKernels"/> to PTX with ILGPU's PTX backend — a pure compiler step that
/// needs no GPU, no driver and no context. Done once per process, on first use. Target sm_60 /
/// PTX ISA 6.0: the driver JIT-compiles PTX up to any newer GPU when the module is loaded, so one
/// text serves every device from Pascal on.
/// </summary>
public static class PtxCompiler
{
    /// <summary>The classes holding kernels (their public static methods).</summary>
    private static readonly Type[] KernelClasses = [typeof(CudaKernels), typeof(CudaGrainKernels), typeof(CudaDehaloKernels), typeof(CudaModelKernels)];

    private static readonly MethodInfo[] KernelMethods =
        KernelClasses.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
                     .OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Every kernel, by method name (names are unique across the kernel classes).</summary>
    public static IReadOnlyList<string> KernelNames { get; } = KernelMethods.Select(m => m.Name).ToArray();

    /// <summary>The C# method behind a kernel name.</summary>
    public static MethodInfo KernelMethod(string name) => KernelMethods.Single(m => m.Name == name);

    private static readonly Lazy<IReadOnlyDictionary<string, PtxKernel>> Compiled = new(CompileAll, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The PTX of every kernel, by method name (compiled on first call).</summary>
    public static IReadOnlyDictionary<string, PtxKernel> Kernels => Compiled.Value;

    /// <summary>
    /// Starts compiling on a pool thread. ILGPU takes seconds for the whole set (7.5 s measured on
    /// a busy 2-core machine, JIT of ILGPU itself included), so the plug-in calls this at load when
    /// CUDA is present and the first CUDA render finds the PTX ready instead of stalling on it.
    /// </summary>
    public static Task PrepareInBackground() => Compiled.IsValueCreated ? Task.CompletedTask : Task.Run(() => Compiled.Value);

    private static IReadOnlyDictionary<string, PtxKernel> CompileAll()
    {
        using var context = Context.Create(builder => builder.Optimize(OptimizationLevel.O2));
        using var backend = new PTXBackend(context, CudaArchitecture.SM_60, CudaInstructionSet.ISA_60, null!);
        var result = new Dictionary<string, PtxKernel>(StringComparer.Ordinal);
        foreach (var name in KernelNames)
        {
            var method = KernelMethod(name);
            var entry = EntryPointDescription.FromExplicitlyGroupedKernel(method);
            var compiled = (PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty);
            result[name] = new PtxKernel(name, EntryName(compiled.PTXAssembly, name), compiled.PTXAssembly);
        }
        return result;
    }

    /// <summary>The .entry symbol ILGPU gave the kernel (it names them Kernel_&lt;method&gt;).</summary>
    private static string EntryName(string ptx, string method)
    {
        const string marker = ".entry ";
        int at = ptx.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"ILGPU produced no .entry for {method}.");
        at += marker.Length;
        int end = ptx.IndexOf('(', at);
        return ptx[at..end].Trim();
    }
}

/// <summary>One compiled kernel: the C# method, its PTX entry symbol and the PTX module text.</summary>
public sealed record PtxKernel(string Method, string EntryName, string Ptx);
