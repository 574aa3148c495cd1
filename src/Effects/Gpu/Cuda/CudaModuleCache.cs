using System.Collections.Concurrent;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>Where a context's kernels come from.</summary>
public enum CudaKernelSource
{
    /// <summary>Gpu/Kernels/*.cl compiled to one PTX module by clang at build time: the kernels OpenCL runs.</summary>
    SingleSource,

    /// <summary>The C# twins in Cuda/*Kernels.cs compiled by ILGPU at run time (one module per kernel); kept
    /// selectable (ENHANCE_CUDA_KERNELS=ilgpu) until the single source is proven on a GPU.</summary>
    Ilgpu,
}

/// <summary>Our kernels loaded into one CUDA context: their modules and a function handle per kernel name.</summary>
internal sealed class CudaModuleSet
{
    private readonly Dictionary<string, nint> _functions;
    private readonly List<nint> _modules;

    private CudaModuleSet(Dictionary<string, nint> functions, List<nint> modules)
    {
        _functions = functions;
        _modules = modules;
    }

    /// <summary>Loads every kernel of <paramref name="source"/> into the context current on this thread.</summary>
    public static CudaModuleSet Load(CudaDriver driver, CudaKernelSource source)
    {
        var functions = new Dictionary<string, nint>(StringComparer.Ordinal);
        var modules = new List<nint>();
        try
        {
            if (source == CudaKernelSource.SingleSource)
            {
                nint module = driver.LoadModule(GpuKernelResources.CudaPtx);
                modules.Add(module);
                foreach (var name in PtxEntries.Names(GpuKernelResources.CudaPtx))
                    functions[name] = driver.GetFunction(module, name);
            }
            else
            {
                foreach (var kernel in PtxCompiler.Kernels.Values)
                {
                    nint module = driver.LoadModule(kernel.Ptx);
                    modules.Add(module);
                    functions[kernel.Method] = driver.GetFunction(module, kernel.EntryName);
                }
            }
        }
        catch
        {
            foreach (var m in modules) driver.UnloadModule(m);
            throw;
        }
        return new CudaModuleSet(functions, modules);
    }

    public nint Function(string method) =>
        _functions.TryGetValue(method, out var f) ? f : throw new ArgumentException($"No CUDA kernel named {method}.", nameof(method));

    public void Unload(CudaDriver driver)
    {
        foreach (var m in _modules) driver.UnloadModule(m);
    }
}

/// <summary>
/// Modules per CUcontext, loaded once and shared by every instance and thread rendering in that
/// context. Loading happens on a render thread, where the host's context is current (the key).
/// CUDA cannot pin a context the way OpenCL retains one, so a host that destroys a context and gets
/// the same handle back for a new one would leave a stale entry; <see cref="Purge"/> (purge-caches)
/// clears them, and the host keeps its context for the life of a session in practice.
/// </summary>
public static class CudaModuleCache
{
    private static readonly ConcurrentDictionary<(nint Context, CudaKernelSource Source), Lazy<CudaModuleSet>> Sets = new();

    public static int Count => Sets.Count;

    internal static CudaModuleSet GetOrLoad(CudaDriver driver, nint context, CudaKernelSource source = CudaKernelSource.Ilgpu)
    {
        var key = (context, source);
        var lazy = Sets.GetOrAdd(key, _ => new Lazy<CudaModuleSet>(() => CudaModuleSet.Load(driver, source), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Sets.TryRemove(new KeyValuePair<(nint, CudaKernelSource), Lazy<CudaModuleSet>>(key, lazy));
            throw;
        }
    }

    /// <summary>Forgets every context's modules; unloads those of the context current on this thread.</summary>
    public static void Purge()
    {
        var driver = CudaDriver.TryGet(out _);
        nint current = driver?.CurrentContext() ?? 0;
        foreach (var key in Sets.Keys)
        {
            if (!Sets.TryRemove(key, out var lazy) || !lazy.IsValueCreated) continue;
            // A module can only be unloaded with its context current; the others go with their contexts.
            if (driver is not null && key.Context == current) lazy.Value.Unload(driver);
        }
    }
}
