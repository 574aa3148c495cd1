using Enhance.Effects.Imaging;
using Enhance.Effects.Resampling;
using Enhance.Effects.Upscale;

namespace Enhance.Effects.Gpu;

/// <summary>
/// <see cref="UpscaleRenderer.Render"/> on device memory, step for step on <see cref="IGpuPrimitives"/>:
/// the classical Lanczos base; straight RGB for the model over the plan's source region; per cell, in
/// grid order, its input tensor, the model (<see cref="IDeviceModelRunner"/>) and the feathered blend;
/// the normalised result back to the clip's encoding and resampled from the model's scale to the
/// output; the clipped reference resampled likewise; the detail blend. The same plan
/// (<see cref="UpscaleRenderer.Plan"/>, <see cref="TileLayout"/>) and the same float operations in
/// the same order as the CPU, so the result equals the CPU render within the conformance tolerance.
/// Only the runner may copy (tensors, never frames); everything else stays on the host's queue/stream.
/// </summary>
public static class GpuModelUpscale
{
    /// <summary>
    /// Renders destination.Bounds (the output window) from <paramref name="source"/>, which must cover
    /// <see cref="UpscaleRenderer.RequiredSourceRegion"/>. Same channel count in and out; alpha is left
    /// as the classical resample made it (the caller clamps it, as the CPU node does).
    /// </summary>
    /// <param name="previous">
    /// The previous frame's source (same definition, covering the same regions), for temporal stability
    /// (<see cref="GpuTemporalStability"/>); null renders the frame on its own, as on the CPU.
    /// </param>
    public static void Render(IGpuPrimitives gpu, DeviceImage source, PixelRect sourceDefinition, DeviceImage destination,
                              UpscaleSettings s, IDeviceModelRunner runner, DeviceImage? classicalBase = null, DeviceImage? previous = null)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(runner);
        s.Validate();
        var window = destination.Bounds;
        // As UpscaleRenderer.Render: the base is the Lanczos upscale, or (in place) the host's frame.
        if (classicalBase is not { } frame) gpu.Resample(source, sourceDefinition, destination, s.ScaleX, s.ScaleY);
        else if (frame.Bounds.Contains(window)) gpu.Copy(frame, destination);
        else throw new ArgumentException($"The classical base covers {frame.Bounds}, not the window {window}.", nameof(classicalBase));
        if (!s.UsesModel || destination.Channels == 1) return;

        var plan = UpscaleRenderer.Plan.For(window, s, sourceDefinition);
        if (!source.Bounds.Contains(plan.SourceRegion))
            throw new ArgumentException($"The source covers {source.Bounds} but the model needs {plan.SourceRegion}.", nameof(source));
        var encoding = s.Transfer == InputTransfer.SceneLinear ? PlanarEncoding.ModelSceneLinear : PlanarEncoding.ModelDisplay;
        bool temporal = s.UsesTemporal && previous is not null;
        if (temporal && !previous!.Value.Bounds.Contains(plan.SourceRegion.Union(TemporalStability.RequiredSourceRegion(window, s.ScaleX, s.ScaleY, sourceDefinition))))
            throw new ArgumentException($"The previous frame covers {previous.Value.Bounds}, less than the current one needs.", nameof(previous));
        using var modelAtOutputBuffer = gpu.Allocate(RgbBytes(window));
        var modelAtOutput = new DeviceImage(modelAtOutputBuffer.Handle, window, 3);
        ModelAtOutput(gpu, runner, plan, source, encoding, modelAtOutput, s);
        if (temporal)
        {
            using var previousModelBuffer = gpu.Allocate(RgbBytes(window));
            var previousModel = new DeviceImage(previousModelBuffer.Handle, window, 3);
            ModelAtOutput(gpu, runner, plan, previous!.Value, encoding, previousModel, s);
            GpuTemporalStability.Blend(gpu, source, previous.Value, sourceDefinition, modelAtOutput, previousModel, s);
        }

        using var referenceBuffer = gpu.Allocate(RgbBytes(window));
        var reference = new DeviceImage(referenceBuffer.Handle, window, 3);
        var referenceRegion = LanczosResampler.RequiredSourceRegion(window, s.ScaleX, s.ScaleY, sourceDefinition);
        using (var clippedBuffer = gpu.Allocate(RgbBytes(referenceRegion)))
        {
            var clipped = new DeviceImage(clippedBuffer.Handle, referenceRegion, 3);
            gpu.StraightRgb(source, clipped, PlanarEncoding.ModelDisplay);  // clipped to 0–1, the clip's own encoding
            gpu.Resample(clipped, sourceDefinition, reference, s.ScaleX, s.ScaleY);
        }

        gpu.AddDetail(destination, modelAtOutput, reference, s.Strength, s.DetailLimit);
    }

    /// <summary>The model's picture of <paramref name="source"/> over the window (<paramref name="modelAtOutput"/>'s bounds), at the output scale, in the clip's encoding.</summary>
    private static void ModelAtOutput(IGpuPrimitives gpu, IDeviceModelRunner runner, UpscaleRenderer.Plan plan, DeviceImage source,
                                      PlanarEncoding encoding, DeviceImage modelAtOutput, UpscaleSettings s)
    {
        int k = plan.Layout.Scale;
        using var modelOutputBuffer = gpu.Allocate(RgbBytes(plan.ModelRegion));
        var modelOutput = new DeviceImage(modelOutputBuffer.Handle, plan.ModelRegion, 3);
        BlendCells(gpu, runner, plan, source, encoding, modelOutput);
        gpu.Resample(modelOutput, plan.Layout.ModelDefinition, modelAtOutput, s.ScaleX / k, s.ScaleY / k);
    }

    /// <summary>TiledInference.Run on the device: fills <paramref name="output"/> (model canvas, the plan's model region) with the blended cells.</summary>
    private static void BlendCells(IGpuPrimitives gpu, IDeviceModelRunner runner, UpscaleRenderer.Plan plan, DeviceImage source,
                                   PlanarEncoding encoding, DeviceImage output)
    {
        var layout = plan.Layout;
        var region = output.Bounds;
        using var modelInputBuffer = gpu.Allocate(RgbBytes(plan.SourceRegion));
        var modelInput = new DeviceImage(modelInputBuffer.Handle, plan.SourceRegion, 3);
        gpu.StraightRgb(source, modelInput, encoding);

        var (sumBytes, weightBytes) = PrimitiveChecks.BlendBytes(region);
        using var sums = gpu.Allocate(sumBytes);
        using var weights = gpu.Allocate(weightBytes);
        gpu.Zero(sums.Handle, sumBytes);
        gpu.Zero(weights.Handle, weightBytes);

        // One pair of tensors for every cell (edge cells are smaller), reused in grid order.
        long largest = plan.Cells.Max(c => c.Input.Area);
        var biggest = new ModelTensorShape(1, checked((int)largest), layout.Scale, runner.Element);
        using var inputTensor = gpu.Allocate(biggest.InputBytes);
        using var outputTensor = gpu.Allocate(biggest.OutputBytes);
        foreach (var cell in plan.Cells)
        {
            var blend = CellBlend.For(layout, cell, region);
            if (blend is null) continue;
            gpu.GatherCell(modelInput, layout.Definition, cell.Input, inputTensor.Handle, runner.Element);
            runner.Run(inputTensor.Handle, cell.Input.Height, cell.Input.Width, outputTensor.Handle);
            gpu.AccumulateCell(outputTensor.Handle, runner.Element, blend, sums.Handle, weights.Handle, region);
        }
        gpu.NormaliseCells(sums.Handle, weights.Handle, output, encoding);
    }

    private static long RgbBytes(PixelRect region) => region.Area * 3 * sizeof(float);
}
