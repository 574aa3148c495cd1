using Enhance.Effects.Upscale;
using Enhance.Plugin.Host.Framework;
using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Params;
using static Enhance.Plugin.Host.Framework.ParamValues;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>How the node fits the host: grow the frame, or rebuild detail in a frame the host already scaled.</summary>
public enum UpscaleMode { Auto = 0, Resize = 1, EnhanceInPlace = 2 }

/// <summary>The Upscale node's parameter values at one time, resolved to plain numbers.</summary>
public sealed record UpscaleNodeSettings(
    UpscaleMode Mode,
    double Scale,
    double SourceScale,
    int ModelIndex,
    string CustomModelPath,
    double Strength,
    double DetailLimit,
    InputTransfer Transfer,
    int MemoryBudgetMiB,
    double TemporalStability = 0);

/// <summary>
/// The Upscale node's parameters: names (stable: hosts save projects by them), definitions, and
/// reading them at a render time. Grouped the way an editor meets them: what size, which model,
/// how much of its prediction, then the technical settings.
/// </summary>
public static class UpscaleParams
{
    public const string Mode = "mode";
    public const string Scale = "scale";
    public const string SourceScale = "sourceScale";
    public const string Model = "model";
    public const string CustomModel = "customModel";
    public const string Strength = "strength";
    public const string DetailLimit = "detailLimit";
    public const string TemporalStability = "temporalStability";
    public const string Transfer = "inputTransfer";
    public const string MemoryBudget = "memoryBudget";

    public const string SizeGroup = "sizeGroup";
    public const string ModelGroup = "modelGroup";
    public const string AdvancedGroup = "advancedGroup";

    /// <summary>The model choice's first option: no model, Lanczos only.</summary>
    public const string ClassicalOption = "Classical (Lanczos-3)";
    public const string CustomOption = "Custom model file";

    public static void Define(ParamSet p, IReadOnlyList<string> modelLabels, int defaultModel, string modelHint)
    {
        p.DefineGroup(SizeGroup).Label("Size").Open(true);
        p.DefineChoice(Mode).Label("Mode").Parent(SizeGroup)
            .Options("Auto (by host)", "Resize (output larger)", "Enhance in place (same size)")
            .Default((int)UpscaleMode.Auto).Animates(false)
            .Hint("Resize makes the output frame larger (Natron, Resolve's Fusion page). Enhance in place keeps the size " +
                  "for hosts that already scaled the clip to the timeline (Resolve's Edit and Color pages). Auto picks by host and page.");
        p.DefineDouble(Scale).Label("Scale").Parent(SizeGroup)
            .Default(2).Range(1, 4, 1, 4).Increment(0.25, 2).DoubleType(OfxNames.ParamDoubleTypeScale)
            .Hint("Output size as a multiple of the input (Resize mode). Any value from 1 to 4.");
        p.DefineDouble(SourceScale).Label("Source scale").Parent(SizeGroup)
            .Default(2).Range(1, 4, 1, 4).Increment(0.25, 2)
            .Hint("Enhance in place: how much the host already enlarged the clip (e.g. 2 for HD footage on a UHD timeline).");

        p.DefineGroup(ModelGroup).Label("Prediction").Open(true);
        p.DefineChoice(Model).Label("Model").Parent(ModelGroup)
            .Options([.. modelLabels])
            .Default(defaultModel).Animates(false)
            .Hint(modelHint);
        p.DefineString(CustomModel).Label("Custom model file").Parent(ModelGroup).FilePath().Default(string.Empty)
            .Hint("An ONNX super-resolution model (NCHW, RGB 0–1, fp32 or fp16), used when Model is 'Custom model file'.");
        p.DefineDouble(Strength).Label("Strength").Parent(ModelGroup)
            .Default(1).Range(0, 2, 0, 2).Increment(0.05, 2).Animates(true)
            .Hint("How much of the model's prediction to add over the classical upscale: 0 is pure Lanczos, 1 the model, above 1 exaggerates it. Keyframable.");
        p.DefineDouble(DetailLimit).Label("Detail limit").Parent(ModelGroup)
            .Default(1).Range(0, 1, 0, 1).Increment(0.01, 3).Animates(true)
            .Hint("Caps how far the prediction may move a pixel from the classical result (1 = no cap). Lower it when the model overloads texture.");
        p.DefineDouble(TemporalStability).Label("Temporal stability").Parent(ModelGroup)
            .Default(0).Range(0, 1, 0, 1).Increment(0.05, 2).Animates(true)
            .Hint("For video: where the picture does not change from the previous frame, the model's prediction is averaged with " +
                  "the previous frame's, so predicted texture on walls, floors and skies stops boiling; wherever anything moves " +
                  "the current frame is used alone (no trails). 0 = each frame on its own, 1 = full averaging on still areas. " +
                  "Use it on footage from a steady camera; leave it at 0 for stills. About 0.5 suits compressed camera footage " +
                  "(phone, DSLR, H.264): steadier still areas at almost no cost in fidelity; 1 suits footage with fresh grain or " +
                  "noise every frame. Reads the previous frame, so a first render " +
                  "of a frame may cost one more model pass. Keyframable.");

        p.DefineGroup(AdvancedGroup).Label("Advanced").Open(false);
        p.DefineChoice(Transfer).Label("Input is").Parent(AdvancedGroup)
            .Options("Display-referred (0–1)", "Scene-linear (HDR)")
            .Default((int)InputTransfer.Display).Animates(false)
            .Hint("Scene-linear input is shown to the model through a display curve and highlights above 1.0 are carried through classically.");
        p.DefineInt(MemoryBudget).Label("Memory budget (MiB)").Parent(AdvancedGroup)
            .Default(1024).Range(64, 65536, 128, 8192)
            .Hint("The most memory Upscale's model path may use in this host process, shared by every render of every Upscale node on every thread: " +
                  "the network runs in flight (the model runs in overlapping cells, each sized to half of the budget), the pictures of the renders " +
                  "in flight (at most a quarter of it: a larger frame renders in bands) and the cell results kept for the frame's other parts. " +
                  "Renders that would pass it wait for each other. Not counted: the host's own images and the runtime with the model loaded. " +
                  "Lower it if the host runs out of memory, raise it for speed on large frames.");
    }

    /// <summary>
    /// The values at <paramref name="time"/>, each kept inside its declared range whatever the host
    /// sends: a host may hand back anything a project file or a script stored (scale 0, NaN, 10000
    /// asked for an empty frame or 6.7 GB). Out-of-range values take the nearest end of the range;
    /// NaN takes the default.
    /// </summary>
    public static UpscaleNodeSettings Read(ParamSet p, double time) => new(
        (UpscaleMode)Math.Clamp(p.Get(Mode).GetChoice(time), 0, 2),
        InRange(p.Get(Scale).GetDouble(time), 1, 4, 2),
        InRange(p.Get(SourceScale).GetDouble(time), 1, 4, 2),
        p.Get(Model).GetChoice(time),
        p.Get(CustomModel).GetString(time),
        InRange(p.Get(Strength).GetDouble(time), 0, 2, 1),
        InRange(p.Get(DetailLimit).GetDouble(time), 0, 1, 1),
        (InputTransfer)Math.Clamp(p.Get(Transfer).GetChoice(time), 0, 1),
        Math.Clamp(p.Get(MemoryBudget).GetInt(time), 64, 65536),
        InRange(p.Get(TemporalStability).GetDouble(time), 0, 1, 0));

    /// <summary>Auto mode by host: Resolve's Edit/Color pages (and unknown pages) hand us timeline-sized frames.</summary>
    public static UpscaleMode Resolve(UpscaleMode mode, HostInfo host, ResolvePage page)
    {
        if (mode != UpscaleMode.Auto) return mode;
        if (host.Kind == HostKind.Resolve && page != ResolvePage.Fusion) return UpscaleMode.EnhanceInPlace;
        return UpscaleMode.Resize;
    }
}
