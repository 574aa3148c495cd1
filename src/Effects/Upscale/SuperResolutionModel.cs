using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Enhance.Effects.Upscale;

/// <summary>
/// One loaded ONNX super-resolution model: its session and what was learnt checking it. Models
/// follow the common convention — one NCHW RGB input with values 0–1 (float32 or float16), one
/// NCHW RGB output <see cref="Scale"/> times larger. Anything else is refused at load time with a
/// <see cref="ModelLoadException"/> that says what does not fit, never later as a crash.
///
/// <see cref="Run"/> is thread-safe (ONNX Runtime sessions are), so one instance serves every
/// render of every instance of the node; <see cref="ModelCache"/> shares and frees it.
/// </summary>
public sealed class SuperResolutionModel : IDisposable
{
    /// <summary>Side of the blank image a model with dynamic height/width is run on to learn its scale.</summary>
    private const int ProbeSide = 16;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;

    private SuperResolutionModel(string path, ExecutionProvider provider, InferenceSession session,
                                 string inputName, string outputName, bool isFloat16, int? fixedHeight, int? fixedWidth)
    {
        ModelPath = path;
        Provider = provider;
        _session = session;
        _inputName = inputName;
        _outputName = outputName;
        IsFloat16 = isFloat16;
        FixedInputHeight = fixedHeight;
        FixedInputWidth = fixedWidth;
    }

    public string ModelPath { get; }

    /// <summary>The GPU the CUDA provider runs on (the session is created for device 0).</summary>
    internal const int CudaDeviceOrdinal = 0;

    /// <summary>The session, its input and output names: the GPU path binds device memory to them (Gpu/OrtCudaDeviceRunner).</summary>
    internal InferenceSession Session => IsDisposed ? throw new ObjectDisposedException(nameof(SuperResolutionModel)) : _session;

    internal string InputName => _inputName;

    internal string OutputName => _outputName;

    /// <summary>The provider the session actually runs on.</summary>
    public ExecutionProvider Provider { get; }

    /// <summary>Whether the model takes and returns float16 tensors (converted here; callers always see float).</summary>
    public bool IsFloat16 { get; }

    /// <summary>Output pixels per input pixel along each axis, read from the model (shapes or a probe run), never assumed.</summary>
    public int Scale { get; private set; }

    /// <summary>
    /// How far (input pixels) an input pixel influences the output, measured at load (see
    /// <see cref="ModelReach"/>); 0 for fixed-size models, which are not measured.
    /// </summary>
    public int Reach { get; private set; }

    /// <summary>Input height the model insists on, or null when it accepts any (dynamic shape).</summary>
    public int? FixedInputHeight { get; }

    /// <summary>Input width the model insists on, or null when it accepts any.</summary>
    public int? FixedInputWidth { get; }

    /// <summary>Loads and checks a model; throws <see cref="ModelLoadException"/> with a sentence naming the problem.</summary>
    public static SuperResolutionModel Load(string path, ExecutionProvider requested = ExecutionProvider.Auto)
    {
        // A folder named like a model (an unpacked archive, a saved-model folder) is not missing:
        // say what it is (issue 17).
        if (Directory.Exists(path))
            throw new ModelLoadException(path, "it is a folder, not a model file; choose the .onnx file itself.");
        if (!File.Exists(path))
            throw new ModelLoadException(path, "the file does not exist.");
        // A named pipe, a socket or a device (/dev/zero) reports no size, and opening a pipe with
        // no writer blocks for ever: refuse anything that is not a regular file with content
        // before ONNX Runtime opens it.
        if (new FileInfo(path).Length == 0)
            throw new ModelLoadException(path, "the file is empty or is not a regular file (a pipe or a device); choose an .onnx model file.");
        var provider = ExecutionProviderSelector.Resolve(requested);
        var session = CreateSession(path, ref provider);
        try
        {
            var model = Inspect(path, provider, session);
            model.RefuseInputTooSmallToTile();
            model.Scale = model.ReadScale();
            // Fixed-size models cannot take the probe picture; their tiles use the configured overlap.
            if (model.FixedInputHeight is null && model.FixedInputWidth is null)
                model.Reach = model.MeasureReach();
            return model;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the model on one tile: <paramref name="input"/> holds 3 planes (R, G, B) of
    /// height × width, <paramref name="output"/> receives 3 planes of (Scale·height) × (Scale·width).
    /// </summary>
    public void Run(ReadOnlySpan<float> input, int height, int width, Span<float> output) =>
        Run(input, height, width, output, _outputName);

    private long _runs;

    /// <summary>How many times the network has run (a figure for tests and benches: tiles must not multiply it).</summary>
    public long RunCount => Interlocked.Read(ref _runs);

    /// <summary>
    /// The output imported models keep for the network's own result, before the level lock
    /// (tools/models/level_lock.py): the lock cancels the smooth far field of an impulse, so the
    /// network's reach is measured here (<see cref="ModelReach"/>).
    /// </summary>
    internal const string NetworkOutputName = "network_output";

    internal bool HasNetworkOutput => _session.OutputMetadata.ContainsKey(NetworkOutputName);

    internal void Run(ReadOnlySpan<float> input, int height, int width, Span<float> output, string outputName)
    {
        // ONNX Runtime would dereference a freed session: refuse instead of crashing the host.
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        int inCount = 3 * height * width;
        int outCount = inCount * Scale * Scale;
        if (input.Length < inCount || output.Length < outCount)
            throw new ArgumentException("Tile buffers are smaller than the tile.");
        long[] shape = [1, 3, height, width];
        Interlocked.Increment(ref _runs);
        if (IsFloat16) RunHalf(input[..inCount], shape, output[..outCount], height * Scale, width * Scale, outputName);
        else RunSingle(input[..inCount], shape, output[..outCount], height * Scale, width * Scale, outputName);
        CheckOutputValues(output[..outCount]);
    }

    /// <summary>
    /// Largest magnitude a working model's output reaches: pictures are 0–1 and models overshoot
    /// by a little. A result beyond it (or NaN, or infinite) is a broken model (a Log of a
    /// negative, a division by zero, damaged weights), never a picture.
    /// </summary>
    public const float OutputLimit = 16f;

    private void CheckOutputValues(ReadOnlySpan<float> output)
    {
        foreach (float v in output)
        {
            // NaN fails both comparisons, so it is caught here too.
            if (!(v >= -OutputLimit && v <= OutputLimit))
                throw OutputFault(float.IsNaN(v) || float.IsInfinity(v), v);
        }
    }

    /// <summary>The refusal of a result this model produced: non-finite values, or values beyond <see cref="OutputLimit"/> (the largest, when known).</summary>
    internal ModelLoadException OutputFault(bool nonFinite, float? value = null) =>
        new(ModelPath, nonFinite ? "it produced NaN or infinite values on this frame."
            : value is { } v ? $"it produced values far outside 0–1 (up to {v:G3}) on this frame."
            : "it produced values far outside 0–1 on this frame.");

    private void RunSingle(ReadOnlySpan<float> input, long[] shape, Span<float> output, int outHeight, int outWidth, string outputName)
    {
        float[] buffer = ArrayPool<float>.Shared.Rent(input.Length);
        try
        {
            input.CopyTo(buffer);
            using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, input.Length), shape);
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, [_inputName], [value], [outputName]);
            CheckOutputShape(results[0], outHeight, outWidth);
            results[0].GetTensorDataAsSpan<float>().CopyTo(output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private void RunHalf(ReadOnlySpan<float> input, long[] shape, Span<float> output, int outHeight, int outWidth, string outputName)
    {
        Float16[] buffer = ArrayPool<Float16>.Shared.Rent(input.Length);
        try
        {
            for (int i = 0; i < input.Length; i++) buffer[i] = (Float16)input[i];
            using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, buffer.AsMemory(0, input.Length), shape);
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, [_inputName], [value], [outputName]);
            CheckOutputShape(results[0], outHeight, outWidth);
            var halves = results[0].GetTensorDataAsSpan<Float16>();
            for (int i = 0; i < output.Length; i++) output[i] = (float)halves[i];
        }
        finally
        {
            ArrayPool<Float16>.Shared.Return(buffer);
        }
    }

    private void CheckOutputShape(OrtValue result, int outHeight, int outWidth)
    {
        var shape = result.GetTensorTypeAndShape().Shape;
        if (shape.Length != 4 || shape[0] != 1 || shape[1] != 3 || shape[2] != outHeight || shape[3] != outWidth)
            throw new InvalidOperationException(
                $"The model '{Path.GetFileName(ModelPath)}' returned a [{string.Join(", ", shape)}] tensor where [1, 3, {outHeight}, {outWidth}] was expected.");
    }

    private static InferenceSession CreateSession(string path, ref ExecutionProvider provider)
    {
        try
        {
            return CreateSessionOnRuntime(path, ref provider);
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            // The first use of ONNX Runtime loads its native library; a missing or damaged one
            // surfaces as "type initializer for NativeMethods threw", which tells a user nothing.
            throw ModelLoadException.RuntimeUnavailable(path, e);
        }
    }

    private static InferenceSession CreateSessionOnRuntime(string path, ref ExecutionProvider provider)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (provider == ExecutionProvider.Cuda)
        {
            try
            {
                options.AppendExecutionProvider_CUDA(CudaDeviceOrdinal);
            }
            catch (OnnxRuntimeException)
            {
                provider = ExecutionProvider.Cpu; // the probe passed but the provider would not start: run on the CPU
            }
        }
        try
        {
            return new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(path, DescribeLoadFailure(e.Message), e);
        }
    }

    private static string DescribeLoadFailure(string message)
    {
        // "Unsupported model IR version: 99, max supported IR version: 10": the file format itself
        // is newer than this runtime (issue 17: the raw text quoted ONNX Runtime's C++ source).
        var irVersion = System.Text.RegularExpressions.Regex.Match(message, @"Unsupported model IR version: (\d+)");
        if (irVersion.Success)
            return $"it is saved in ONNX file format version {irVersion.Groups[1].Value}, newer than this ONNX Runtime ({OrtVersion}) reads; export it again with an older ONNX version.";
        if (message.Contains("opset", StringComparison.OrdinalIgnoreCase))
        {
            var declared = System.Text.RegularExpressions.Regex.Match(message, @"[Oo]pset (\d+)");
            string which = declared.Success ? $"operator set {declared.Groups[1].Value}" : "an operator set";
            return $"it is stamped with ONNX {which}, which this ONNX Runtime ({OrtVersion}) does not support; export it again with an older opset.";
        }
        // "Invalid model. Node input '/Constant_6_output_0' is not a graph input …": the graph
        // does not hang together (a damaged file, issue 17), which is no more use to a colourist
        // than a file that does not parse.
        if (message.Contains("protobuf", StringComparison.OrdinalIgnoreCase) || message.Contains("parse", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Invalid model", StringComparison.Ordinal))
            return "the file is not a valid ONNX model (it is damaged, cut short, or in another format).";
        return $"ONNX Runtime could not load it ({FirstLine(message)}).";
    }

    private static string OrtVersion => typeof(InferenceSession).Assembly.GetName().Version?.ToString(3) ?? "?";

    private static string FirstLine(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 240 ? line[..240] + "…" : line;
    }

    private static SuperResolutionModel Inspect(string path, ExecutionProvider provider, InferenceSession session)
    {
        if (session.InputMetadata.Count != 1)
            throw new ModelLoadException(path, $"it has {session.InputMetadata.Count} inputs; a super-resolution model takes one image.");
        if (session.OutputMetadata.Count < 1)
            throw new ModelLoadException(path, "it has no output.");
        var (inputName, input) = session.InputMetadata.First();
        var (outputName, output) = session.OutputMetadata.First();
        bool half = CheckElementType(path, "input", input);
        if (CheckElementType(path, "output", output) != half)
            throw new ModelLoadException(path, "its input and output have different element types (one float32, the other float16).");
        var inDims = CheckImageShape(path, "input", input.Dimensions);
        CheckImageShape(path, "output", output.Dimensions);
        int? fixedHeight = inDims[2] > 0 ? inDims[2] : null;
        int? fixedWidth = inDims[3] > 0 ? inDims[3] : null;
        return new SuperResolutionModel(path, provider, session, inputName, outputName, half, fixedHeight, fixedWidth);
    }

    private static bool CheckElementType(string path, string which, NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
            throw new ModelLoadException(path, $"its {which} is not a tensor.");
        return metadata.ElementDataType switch
        {
            TensorElementType.Float => false,
            TensorElementType.Float16 => true,
            var other => throw new ModelLoadException(path, $"its {which} holds {other} values; expected float32 or float16."),
        };
    }

    private static int[] CheckImageShape(string path, string which, int[] dims)
    {
        string shown = "[" + string.Join(", ", dims.Select(d => d > 0 ? d.ToString() : "?")) + "]";
        if (dims.Length != 4)
            throw new ModelLoadException(path, $"its {which} has {dims.Length} dimension{(dims.Length == 1 ? "" : "s")} {shown}; expected 4 (batch, channels, height, width — NCHW).");
        if (dims[1] != 3 && dims[3] == 3)
            throw new ModelLoadException(path, $"its {which} {shown} has the channels last (NHWC); expected NCHW with 3 channels second.");
        if (dims[1] > 0 && dims[1] != 3)
            throw new ModelLoadException(path, $"its {which} {shown} has {dims[1]} channel{(dims[1] == 1 ? "" : "s")}; expected 3 (RGB).");
        if (dims[0] > 1)
            throw new ModelLoadException(path, $"its {which} {shown} has a fixed batch of {dims[0]}; expected 1 or dynamic.");
        return dims;
    }

    /// <summary>
    /// A fixed input no larger than two tile overlaps (a 4×4 model) leaves no pixel of a tile to
    /// keep (issue 17: TileLayout failed with "Please report this"): refuse it at load, naming it.
    /// Fixed-size models are not measured for reach, so their overlap is the default one.
    /// </summary>
    private void RefuseInputTooSmallToTile()
    {
        int overlap = TileLayout.OverlapFor(UpscaleSettings.DefaultTileOverlap, reach: 0);
        if (FixedInputWidth <= 2 * overlap || FixedInputHeight <= 2 * overlap)
            throw new ModelLoadException(ModelPath,
                $"it only takes {FixedInputWidth?.ToString() ?? "any"}×{FixedInputHeight?.ToString() ?? "any"}-pixel pictures, too small to work in tiles " +
                $"(each tile needs more than {2 * overlap} pixels a side); choose a model with a larger or free input size.");
    }

    /// <summary>Output/input size ratio: from fixed shapes when both are known, else from a run on a small blank image.</summary>
    private int ReadScale()
    {
        int[] inDims = _session.InputMetadata[_inputName].Dimensions;
        int[] outDims = _session.OutputMetadata[_outputName].Dimensions;
        int inH = FixedInputHeight ?? ProbeSide, inW = FixedInputWidth ?? ProbeSide;
        int outH, outW;
        if (inDims[2] > 0 && inDims[3] > 0 && outDims[2] > 0 && outDims[3] > 0)
        {
            outH = outDims[2]; outW = outDims[3];
        }
        else
        {
            (outH, outW) = Probe(inH, inW);
        }
        if (outH % inH != 0 || outW % inW != 0 || outH / inH != outW / inW || outH < inH)
            throw new ModelLoadException(ModelPath,
                $"it turns a {inW}×{inH} image into {outW}×{outH}; expected the same whole-number enlargement (×1, ×2, ×4 …) in both directions.");
        return outH / inH;
    }

    private int MeasureReach()
    {
        try
        {
            return ModelReach.Measure(this);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(ModelPath, $"it failed on a {ModelReach.ProbeSide}×{ModelReach.ProbeSide} test image ({FirstLine(e.Message)}).", e);
        }
    }

    private (int Height, int Width) Probe(int height, int width)
    {
        long[] shape = [1, 3, height, width];
        try
        {
            using var value = IsFloat16
                ? OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Float16[3 * height * width].AsMemory(), shape)
                : OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new float[3 * height * width].AsMemory(), shape);
            using var runOptions = new RunOptions();
            using var results = _session.Run(runOptions, [_inputName], [value], [_outputName]);
            var outShape = results[0].GetTensorTypeAndShape().Shape;
            if (outShape.Length != 4 || outShape[1] != 3)
                throw new ModelLoadException(ModelPath, $"on a 1×3×{height}×{width} image it returned [{string.Join(", ", outShape)}]; expected [1, 3, height, width].");
            return ((int)outShape[2], (int)outShape[3]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelLoadException(ModelPath, $"it failed on a {width}×{height} test image ({FirstLine(e.Message)}).", e);
        }
    }

    /// <summary>Whether the session has been freed (a purged model whose last lease ended).</summary>
    public bool IsDisposed => _disposed != 0;

    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _session.Dispose();
        CellResultCache.Shared.Forget(this);
    }
}
