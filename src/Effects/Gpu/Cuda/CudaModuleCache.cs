using System.Collections.Concurrent;

namespace Enhance.Effects.Gpu.Cuda;

/// <summary>
/// Our kernels loaded into one CUDA context: one module per kernel (ILGPU emits each kernel as a
/// complete PTX module) and its function handle.
/// </summary>
internal sealed class CudaModuleSet
{
    private readonly Dictionary<string, nint> _functions;
    private readonly List<nint> _modules;

    private CudaModuleSet(Dictionary<string, nint> functions, List<nint> modules)
    {
        _functions = functions;
        _modules = modules;
    }

    /// <summary>Loads every kernel into the context current on this thread.</summary>
    public static CudaModuleSet Load(CudaDriver driver)
    {
        var functions = new Dictionary<string, nint>(StringComparer.Ordinal);
        var modules = new List<nint>();
        try
        {
            foreach (var kernel in PtxCompiler.Kernels.Values)
            {
                nint module = driver.LoadModule(kernel.Ptx);
                modules.Add(module);
                functions[kernel.Method] = driver.GetFunction(module, kernel.EntryName);
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
    private static readonly ConcurrentDictionary<nint, Lazy<CudaModuleSet>> Sets = new();

    public static int Count => Sets.Count;

    internal static CudaModuleSet GetOrLoad(CudaDriver driver, nint context)
    {
        var lazy = Sets.GetOrAdd(context, _ => new Lazy<CudaModuleSet>(() => CudaModuleSet.Load(driver), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Sets.TryRemove(new KeyValuePair<nint, Lazy<CudaModuleSet>>(context, lazy));
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
            if (driver is not null && key == current) lazy.Value.Unload(driver);
        }
    }
}
