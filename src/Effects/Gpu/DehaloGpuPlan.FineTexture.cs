using Enhance.Effects.Dehalo;
using Enhance.Effects.Imaging;

namespace Enhance.Effects.Gpu;

/// <summary>
/// <see cref="Dehalo.FineTextureProtection.Apply"/> as two launches: the per-pixel energies over the area grown by
/// the window, then the windows' sums, the gate and <see cref="HaloLimiter.ApplyStrengths"/> in place on delta.
/// The CPU's separate passes (binomial blur, box sums) are recomputed inside the kernels rather than reusing the
/// Rows/Gather filters: those take per-pixel tap tables, which would be the only large uploads of a render, while
/// a fixed 3×3 binomial and 7×7 box need none. The sums keep the CPU's order (rows left to right, then the rows
/// top to bottom), so the results are the CPU's on an IEEE device.
/// </summary>
internal sealed partial class DehaloGpuPlan
{
    private void ProtectFineTexture(DehaloPlane luma, PixelRect area, float protection, float dark, float bright, DehaloPlane delta)
    {
        const int window = Dehalo.FineTextureProtection.WindowRadius;
        const int reach = Dehalo.FineTextureProtection.Reach;
        // The luma plane spans DehaloProcessor.Margin, which includes the stage's reach; checked as the blur is.
        if (!luma.Bounds.Contains(area.Inflate(reach, reach)))
            throw new InvalidOperationException($"The luma plane {luma.Bounds} does not cover {area.Inflate(reach, reach)} for fine texture protection.");
        var energyArea = area.Inflate(window, window);
        var top = Plane("texture top", energyArea);
        var mid = Plane("texture mid", energyArea);
        Launch(DehaloKernel.Energies, new DehaloArguments().Plane(luma).Area(energyArea).Buffer(top.Buffer).Buffer(mid.Buffer), energyArea);
        const float from = Dehalo.FineTextureProtection.RatioFrom, to = Dehalo.FineTextureProtection.RatioTo;
        Launch(DehaloKernel.TextureGate, new DehaloArguments().Plane(top).Plane(mid).Int(window).Area(area)
            .Float(from).Float(1f / (to - from)).Float(Dehalo.FineTextureProtection.Epsilon)
            .Float(protection).Float(dark).Float(bright).Buffer(delta.Buffer), area);
    }
}
