using System.Collections.Concurrent;
using Silk.NET.OpenCL;

namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>
/// Our program, built once per (cl_context, cl_device_id), shared by every instance and render
/// thread. The cache retains each context it keys on so the handle cannot be freed and reused by
/// the driver for a different context while we still hold a program built for the old one;
/// <see cref="Purge"/> (the host's purge-caches action, or unload) lets them go.
/// </summary>
public static class OpenClProgramCache
{
    private static readonly ConcurrentDictionary<(nint Context, nint Device), Lazy<OpenClProgram>> Programs = new();

    /// <summary>How many programs are cached (for tests and diagnostics).</summary>
    public static int Count => Programs.Count;

    internal static OpenClProgram GetOrBuild(CL api, nint context, nint device)
    {
        var key = (context, device);
        var lazy = Programs.GetOrAdd(key, k => new Lazy<OpenClProgram>(() =>
        {
            OpenClException.Check(api.RetainContext(k.Context), "clRetainContext");
            try
            {
                return OpenClProgram.Build(api, k.Context, k.Device);
            }
            catch
            {
                api.ReleaseContext(k.Context);
                throw;
            }
        }, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed build is not cached: the next render tries again (and reports again).
            Programs.TryRemove(new KeyValuePair<(nint, nint), Lazy<OpenClProgram>>(key, lazy));
            throw;
        }
    }

    /// <summary>Releases every cached program and the contexts retained for them.</summary>
    public static void Purge()
    {
        foreach (var key in Programs.Keys)
        {
            if (!Programs.TryRemove(key, out var lazy) || !lazy.IsValueCreated) continue;
            lazy.Value.Dispose();
            OpenClRuntime.TryGet(out _)?.ReleaseContext(key.Context);
        }
    }
}
