using Enhance.Effects.Imaging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Enhance.Effects.Tests.Models;

/// <summary>
/// Runs one bundled model (input/output NCHW RGB 0–1) on a whole RGB image with ONNX Runtime on
/// the CPU: the reference path the tests compare against the upstream binary and against Lanczos.
/// Optional mirror padding reproduces how realesrgan-ncnn-vulkan feeds a tile (its preproc shader
/// pads by a "prepadding" of 10 pixels, mirroring without repeating the edge pixel, and the
/// postproc crops the result).
/// </summary>
public sealed class OnnxUpscaler : IDisposable
{
    private readonly InferenceSession _session;

    private readonly string _outputName;

    /// <param name="outputName">"output" (what the plug-in runs) or, for imported models,
    /// "network_output": the upstream network's own result before the level lock.</param>
    public OnnxUpscaler(string modelPath, int scale, string outputName = "output")
    {
        Scale = scale;
        _outputName = outputName;
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        // fp16 copies (name-fp16.onnx) run with their weights widened to float: ONNX Runtime's CPU
        // provider has no float16 convolution on x64 (TrainedModelExportTests).
        _session = modelPath.EndsWith("-fp16.onnx", StringComparison.Ordinal)
            ? new InferenceSession(OnnxHalfToFloat.Widen(modelPath), options)
            : new InferenceSession(modelPath, options);
    }

    public int Scale { get; }

    /// <summary>Upscales an RGB image; clamped to 0–1 (like any displayable output) unless asked not to.</summary>
    public FloatImage Run(FloatImage rgb, int mirrorPadding = 0, bool clamp = true)
    {
        if (rgb.Channels != 3) throw new ArgumentException("The models take RGB images.", nameof(rgb));
        int pad = mirrorPadding, w = rgb.Width, h = rgb.Height, pw = w + 2 * pad, ph = h + 2 * pad;
        if (pad >= Math.Min(w, h)) throw new ArgumentException($"Padding {pad} needs an image larger than {w}x{h}.");
        var input = new DenseTensor<float>(new[] { 1, 3, ph, pw });
        var planes = input.Buffer.Span;
        for (int y = 0; y < ph; y++)
        {
            var row = rgb.Row(rgb.Bounds.Y1 + Mirror(y - pad, h));
            for (int x = 0; x < pw; x++)
            {
                int sx = Mirror(x - pad, w) * 3, o = y * pw + x;
                planes[o] = row[sx];
                planes[ph * pw + o] = row[sx + 1];
                planes[2 * ph * pw + o] = row[sx + 2];
            }
        }
        using var results = _session.Run(new[] { NamedOnnxValue.CreateFromTensor("input", input) });
        var output = results.First(r => r.Name == _outputName).AsTensor<float>();
        int ow = output.Dimensions[3], oh = output.Dimensions[2];
        if (ow != pw * Scale || oh != ph * Scale)
            throw new InvalidOperationException($"Model gave {ow}x{oh} for {pw}x{ph} at x{Scale}.");
        var data = ((DenseTensor<float>)output).Buffer.Span;
        int crop = pad * Scale;
        var result = new FloatImage(PixelRect.FromSize(w * Scale, h * Scale), 3);
        float lo = clamp ? 0f : float.NegativeInfinity, hi = clamp ? 1f : float.PositiveInfinity;
        for (int y = 0; y < result.Height; y++)
        {
            var row = result.Row(y);
            int src = (y + crop) * ow + crop;
            for (int x = 0; x < result.Width; x++)
            {
                row[3 * x] = Math.Clamp(data[src + x], lo, hi);
                row[3 * x + 1] = Math.Clamp(data[oh * ow + src + x], lo, hi);
                row[3 * x + 2] = Math.Clamp(data[2 * oh * ow + src + x], lo, hi);
            }
        }
        return result;
    }

    /// <summary>Mirror index without repeating the edge (…2 1 | 0 1 2 … w-1 | w-2 …).</summary>
    private static int Mirror(int i, int n) => (n - 1) - Math.Abs(Math.Abs(i) - (n - 1));

    public void Dispose() => _session.Dispose();
}
