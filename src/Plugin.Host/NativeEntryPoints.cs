using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Interop;

namespace Enhance.Plugin.Host;

/// <summary>
/// The managed entry points the native shim calls (native/include/enhance/shim_api.h). Boot is
/// looked up by name through hostfxr; it hands back pointers to SetHost and MainEntry. Nothing
/// here lets an exception escape: each body is wrapped, and MainEntry runs actions behind the
/// <see cref="ExceptionWall"/>.
/// </summary>
public static unsafe class NativeEntryPoints
{
    private static EnhanceShimApi* s_shim;
    private static volatile ActionDispatcher? s_dispatcher;
    private static readonly object HostLock = new();

    /// <summary>Where the bundle's Contents folder is (models and resources live under it).</summary>
    public static string? BundleRoot { get; private set; }

    [UnmanagedCallersOnly]
    public static int Boot(EnhanceShimApi* shim, EnhanceManagedApi* managed)
    {
        try
        {
            if (shim == null || managed == null || shim->Version != EnhanceShimApi.CurrentVersion)
            {
                StandardError.Write($"[Enhance] The native shim and the managed plug-in do not match (shim API version {(shim == null ? -1 : shim->Version)}, expected {EnhanceShimApi.CurrentVersion}). Reinstall Enhance.ofx.bundle.");
                return OfxStatus.ErrFatal;
            }
            s_shim = shim;
            BundleRoot = Utf8Names.Read(shim->BundleRoot);
            managed->Version = EnhanceManagedApi.CurrentVersion;
            managed->SetHost = &SetHost;
            managed->MainEntry = &MainEntry;
            return OfxStatus.OK;
        }
        catch (Exception e)
        {
            try { StandardError.Write($"[Enhance] Boot failed: {e}"); } catch { }
            return OfxStatus.ErrFatal;
        }
    }

    [UnmanagedCallersOnly]
    private static void SetHost(OfxHost* host)
    {
        try
        {
            if (host == null) return;
            var suites = new HostSuites(host, s_shim);
            var info = HostInfo.Detect(suites.HostProperties);
            lock (HostLock) s_dispatcher = new ActionDispatcher(suites, info);
        }
        catch (Exception e)
        {
            try { StandardError.Write($"[Enhance] The host could not be set up: {e.Message}"); } catch { }
        }
    }

    [UnmanagedCallersOnly]
    private static int MainEntry(byte* pluginIdentifier, byte* action, void* handle, nint inArgs, nint outArgs)
    {
        string pluginId = "?", actionName = "?";
        try
        {
            pluginId = Utf8Names.Read(pluginIdentifier) ?? "?";
            actionName = Utf8Names.Read(action) ?? "?";
            return Dispatch(pluginId, actionName, (nint)handle, inArgs, outArgs);
        }
        catch (Exception e)
        {
            // Dispatch already runs behind the wall; this catches failures of the wall itself.
            try { StandardError.Write($"[Enhance] {pluginId} {actionName}: {e}"); } catch { }
            return OfxStatus.Failed;
        }
    }

    /// <summary>
    /// Writes to stderr, away from the entry points' own bodies: when System.Console cannot load
    /// (the host out of file handles), a direct reference would fail while the runtime compiles the
    /// entry point, before its try, and abort the host. Here the failure is an exception the
    /// caller's try catches.
    /// </summary>
    private static class StandardError
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Write(string line) => Console.Error.WriteLine(line);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Dispatch(string pluginId, string action, nint handle, nint inArgs, nint outArgs)
    {
        var dispatcher = s_dispatcher;
        if (dispatcher is null)
        {
            StandardError.Write($"[Enhance] {pluginId}: the host called {action} before giving its host pointer (setHost).");
            return OfxStatus.ErrMissingHostFeature;
        }
        var plugin = PluginRegistry.Find(pluginId);
        if (plugin is null)
        {
            return ExceptionWall.Run(
                () => throw new OfxException(OfxStatus.ErrUnknown, $"unknown plug-in {pluginId}",
                    $"Enhance does not know the node '{pluginId}': the bundle's native and managed parts do not match. Reinstall Enhance.ofx.bundle."),
                dispatcher.Suites, handle, pluginId, action);
        }
        return ExceptionWall.Run(() => dispatcher.Dispatch(plugin, action, handle, inArgs, outArgs),
            dispatcher.Suites, handle, pluginId, action);
    }
}
