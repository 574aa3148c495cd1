using Silk.NET.OpenCL;

namespace Enhance.Effects.Gpu.OpenCl;

/// <summary>
/// The OpenCL entry points (Silk.NET over the system's ICD loader, libOpenCL.so.1), loaded once on
/// first use. A machine without an OpenCL loader still loads the plug-in: <see cref="TryGet"/>
/// reports why OpenCL is unavailable instead of throwing.
/// </summary>
public static class OpenClRuntime
{
    private static readonly Lazy<(CL? Api, string Reason)> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The API, or null with the reason it could not be loaded.</summary>
    public static CL? TryGet(out string reason)
    {
        var (api, why) = Loaded.Value;
        reason = why;
        return api;
    }

    /// <summary>The API; throws <see cref="OpenClException"/> saying why when OpenCL is missing.</summary>
    public static CL Api => TryGet(out var reason) ?? throw new OpenClException("OpenCL is not available: " + reason);

    public static bool IsAvailable => TryGet(out _) is not null;

    private static (CL?, string) Load()
    {
        try
        {
            return (CL.GetApi(), "loaded");
        }
        catch (Exception e) when (e is DllNotFoundException or FileNotFoundException or EntryPointNotFoundException or TypeInitializationException or InvalidOperationException)
        {
            return (null, $"the OpenCL loader (libOpenCL.so.1) could not be loaded: {e.Message}");
        }
    }
}
