using Enhance.Plugin.OfxBridge;
using Enhance.Plugin.OfxBridge.Effects;

namespace Enhance.Plugin.Host.Nodes.Upscale;

/// <summary>
/// Whether the node lets the host render it in tiles (issue 17). Classical: yes, a tile costs its own
/// pixels. With a model: no. Every tile needs the whole model cells around it (hundreds of pixels
/// each side, sized by the memory budget), so a host that tiles hands each 64-px tile the source of
/// up to four cells (about 1000² pixels) and copies it two or three times on the way. The cells'
/// results were already kept and served once per frame (<see cref="Effects.Upscale.CellResultCache"/>),
/// yet through the reference host 64-px tiles on 4 threads took 1.8× the whole frame, all of it
/// that image traffic, and every host thread held its own copy. Asking for whole frames makes the
/// host render the frame once and serve its tiles from the result (ofxhost and Natron read the
/// instance's kOfxImageEffectPropSupportsTiles at each render).
/// </summary>
internal static class UpscaleTiling
{
    /// <summary>Tiles are declared only while the Model choice is Classical (the choice does not animate).</summary>
    public static bool Supported(int modelChoice, ModelCatalog catalog) => catalog.Interpret(modelChoice).Classical;

    /// <summary>Sets the instance's kOfxImageEffectPropSupportsTiles from its Model choice (a host that refuses the write keeps tiling, and the cell cache still serves it).</summary>
    public static void Declare(ImageEffectHandle effect, ModelCatalog catalog)
    {
        int choice = effect.Params.Get(UpscaleParams.Model).GetChoice(0);
        effect.Properties.TrySetInt(OfxNames.ImageEffectPropSupportsTiles, Supported(choice, catalog) ? 1 : 0);
    }
}
