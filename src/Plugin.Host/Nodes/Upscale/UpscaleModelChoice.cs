using Enhance.Effects.Upscale;
using Enhance.Plugin.OfxBridge;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>
/// Turns the node's parameter values into the effect's <see cref="UpscaleSettings"/>: which model
/// file (a bundled family's variant for the scale, or the user's own file), leased from the
/// process-wide <see cref="ModelCache"/> for the length of one action, or none at all when the
/// render should take the fast classical path.
/// </summary>
public sealed class UpscaleModelChoice : IDisposable
{
    private readonly ModelLease? _lease;

    private UpscaleModelChoice(UpscaleSettings settings, ModelLease? lease)
    {
        Settings = settings;
        _lease = lease;
    }

    public UpscaleSettings Settings { get; }

    /// <param name="scale">The factor the model path works at (Resize: scale; Enhance in place: source scale).</param>
    /// <param name="fastPath">Draft quality, render scale below 1 (thumbnails, proxies): Lanczos only.</param>
    public static UpscaleModelChoice For(UpscaleNodeSettings node, double scale, bool fastPath, ModelCatalog catalog)
    {
        var settings = new UpscaleSettings
        {
            ScaleX = scale,
            ScaleY = scale,
            Strength = (float)Math.Clamp(node.Strength, 0, UpscaleSettings.MaxStrength),
            DetailLimit = (float)Math.Clamp(node.DetailLimit, 0, 1),
            TemporalStability = (float)Math.Clamp(node.TemporalStability, 0, 1),
            Transfer = node.Transfer,
            MemoryBudgetMiB = Math.Max(64, node.MemoryBudgetMiB),
            Draft = fastPath,
        };
        string? path = ModelPath(node, scale, catalog);
        if (path is null || !settings.WantsModel)
            return new UpscaleModelChoice(settings, null);
        ModelLease lease;
        try
        {
            lease = ModelCache.Acquire(path);
        }
        catch (ModelLoadException e)
        {
            throw new OfxException(OfxStatus.Failed, e.Message,
                $"Enhance Upscale: {e.Message} {e.Advice}", e);
        }
        return new UpscaleModelChoice(settings with { Model = lease.Model }, lease);
    }

    private static string? ModelPath(UpscaleNodeSettings node, double scale, ModelCatalog catalog)
    {
        var (classical, custom, family) = catalog.Interpret(node.ModelIndex);
        if (classical) return null;
        if (family is not null) return family.VariantFor(scale).Path;
        if (custom && string.IsNullOrWhiteSpace(node.CustomModelPath))
            throw new OfxException(OfxStatus.Failed, "no custom model file",
                "Enhance Upscale: Model is 'Custom model file' but no file is chosen; pick an ONNX model in Custom model file.");
        return node.CustomModelPath;
    }

    public void Dispose() => _lease?.Dispose();
}
