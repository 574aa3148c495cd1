using System.Text;

namespace Enhance.TestSupport;

/// <summary>
/// Small, valid ONNX super-resolution models written byte by byte (a minimal protobuf writer for
/// ModelProto), plus deliberately broken ones, so the tests need neither Python nor downloads.
///
/// The "sharpening upsampler" is Conv(3×3, pad 1) → DepthToSpace(k): output sub-pixel (i, j) of
/// each channel mixes the source pixel with its neighbours towards that sub-pixel, plus a small
/// unsharp term. Its result depends on a 3×3 neighbourhood, so tile seams would show if tiling
/// were wrong, and <see cref="ReferenceUpsample"/> computes the same thing in plain C#.
/// </summary>
public static class OnnxTestModels
{
    private const int FloatType = 1, Float16Type = 10;
    private const int AttrTypeInt = 2, AttrTypeString = 3, AttrTypeInts = 7;

    /// <summary>Writes a model file into a fresh temporary folder and returns its path.</summary>
    public static string Save(byte[] model, string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "enhance-onnx-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, model);
        return path;
    }

    /// <summary>
    /// NCHW RGB ×<paramref name="scale"/> model with dynamic height and width (or fixed ones).
    /// fp16 models take and return float16 tensors (computing in float inside, as many exported models do).
    /// </summary>
    public static byte[] SharpeningUpsampler(int scale = 2, bool fp16 = false, int? fixedSide = null, int opset = 13)
    {
        int k = scale, outChannels = 3 * k * k;
        var weights = SubPixelWeights(k);

        var graph = new Proto();
        string input = "input", output = "output";
        string convIn = input, convOut = "features", d2sOut = fp16 ? "upscaled" : output;
        if (fp16)
        {
            graph.Message(1, Node("Cast", [input], ["input_f32"], Attr("to", FloatType)));
            convIn = "input_f32";
        }
        graph.Message(1, Node("Conv", [convIn, "weights"], [convOut],
            AttrInts("kernel_shape", 3, 3), AttrInts("pads", 1, 1, 1, 1)));
        graph.Message(1, Node("DepthToSpace", [convOut], [d2sOut], Attr("blocksize", k), AttrString("mode", "DCR")));
        if (fp16)
            graph.Message(1, Node("Cast", [d2sOut], [output], Attr("to", Float16Type)));
        graph.String(2, "sharpening_upsampler_x" + k);
        graph.Message(5, FloatTensor("weights", [outChannels, 3, 3, 3], weights));
        int type = fp16 ? Float16Type : FloatType;
        graph.Message(11, ValueInfo(input, type, Dims(1, 3, fixedSide, fixedSide)));
        graph.Message(12, ValueInfo(output, type, Dims(1, 3, fixedSide * k, fixedSide * k)));
        return Model(graph, opset);
    }

    /// <summary>
    /// A ×2 model whose output is not a picture: <paramref name="nan"/> takes the log of a negative
    /// (NaN everywhere), otherwise it multiplies the picture by 1e30.
    /// </summary>
    public static byte[] BrokenOutputUpsampler(bool nan)
    {
        var model = new Proto();
        var upsampler = SharpeningUpsamplerGraph(2, out var weights);
        foreach (var node in upsampler) model.Message(1, node);
        if (nan)
        {
            model.Message(1, Node("Sub", ["upscaled", "offset"], ["shifted"]));
            model.Message(1, Node("Log", ["shifted"], ["output"]));
            model.Message(5, FloatTensor("offset", [1], [2f]));
        }
        else
        {
            model.Message(1, Node("Mul", ["upscaled", "gain"], ["output"]));
            model.Message(5, FloatTensor("gain", [1], [1e30f]));
        }
        model.String(2, nan ? "nan_output_x2" : "huge_output_x2");
        model.Message(5, weights);
        model.Message(11, ValueInfo("input", FloatType, Dims(1, 3, null, null)));
        model.Message(12, ValueInfo("output", FloatType, Dims(1, 3, null, null)));
        return Model(model, 13);
    }

    /// <summary>3×3 convolution weights giving each output sub-pixel's taps (DepthToSpace DCR order).</summary>
    private static float[] SubPixelWeights(int k)
    {
        var weights = new float[3 * k * k * 3 * 3 * 3];
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                {
                    // DepthToSpace (DCR): channel index = (i·k + j)·C + c.
                    int oc = (i * k + j) * 3 + c;
                    var taps = SubPixelTaps(k, i, j);
                    for (int dy = 0; dy < 3; dy++)
                        for (int dx = 0; dx < 3; dx++)
                            weights[((oc * 3 + c) * 3 + dy) * 3 + dx] = taps[dy, dx];
                }
        return weights;
    }

    /// <summary>The sharpening upsampler's two nodes (input → "upscaled") and its weights.</summary>
    private static Proto[] SharpeningUpsamplerGraph(int k, out Proto weightsTensor)
    {
        weightsTensor = FloatTensor("weights", [3 * k * k, 3, 3, 3], SubPixelWeights(k));
        return
        [
            Node("Conv", ["input", "weights"], ["features"], AttrInts("kernel_shape", 3, 3), AttrInts("pads", 1, 1, 1, 1)),
            Node("DepthToSpace", ["features"], ["upscaled"], Attr("blocksize", k), AttrString("mode", "DCR")),
        ];
    }

    /// <summary>A model that takes one channel (greyscale) instead of RGB.</summary>
    public static byte[] SingleChannelModel()
    {
        var graph = new Proto();
        graph.Message(1, Node("Identity", ["input"], ["output"]));
        graph.String(2, "grey");
        graph.Message(11, ValueInfo("input", FloatType, Dims(1, 1, null, null)));
        graph.Message(12, ValueInfo("output", FloatType, Dims(1, 1, null, null)));
        return Model(graph, 13);
    }

    /// <summary>A model whose input is a 3-D tensor (CHW, no batch).</summary>
    public static byte[] ThreeDimensionalInputModel()
    {
        var graph = new Proto();
        graph.Message(1, Node("Identity", ["input"], ["output"]));
        graph.String(2, "chw");
        graph.Message(11, ValueInfo("input", FloatType, Dims(3, null, null)));
        graph.Message(12, ValueInfo("output", FloatType, Dims(3, null, null)));
        return Model(graph, 13);
    }

    /// <summary>The upsampler declared with an operator set far beyond any ONNX Runtime release.</summary>
    public static byte[] FutureOpsetModel() => SharpeningUpsampler(opset: 99);

    /// <summary>Bytes that are not a protobuf at all.</summary>
    public static byte[] Garbage() => Encoding.ASCII.GetBytes("this is not an ONNX model, just some text pretending to be one\n");

    /// <summary>The first part of a valid model, as a download cut short leaves it.</summary>
    public static byte[] Truncated() => SharpeningUpsampler()[..200];

    /// <summary>
    /// What <see cref="SharpeningUpsampler"/> computes, for an RGB image given as planes [c][y][x]
    /// with zero padding (the Conv's pads), in double precision.
    /// </summary>
    public static float[,,] ReferenceUpsample(float[,,] planes, int scale)
    {
        int h = planes.GetLength(1), w = planes.GetLength(2);
        var result = new float[3, h * scale, w * scale];
        for (int c = 0; c < 3; c++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    for (int i = 0; i < scale; i++)
                        for (int j = 0; j < scale; j++)
                        {
                            var taps = SubPixelTaps(scale, i, j);
                            double sum = 0;
                            for (int dy = -1; dy <= 1; dy++)
                                for (int dx = -1; dx <= 1; dx++)
                                {
                                    int sy = y + dy, sx = x + dx;
                                    if (sy < 0 || sy >= h || sx < 0 || sx >= w) continue;
                                    sum += taps[dy + 1, dx + 1] * planes[c, sy, sx];
                                }
                            result[c, y * scale + i, x * scale + j] = (float)sum;
                        }
        return result;
    }

    /// <summary>3×3 weights for sub-pixel (i, j) of a ×k upsampler: bilinear towards the sub-pixel's position, plus a mild unsharp mask.</summary>
    private static float[,] SubPixelTaps(int k, int i, int j)
    {
        double oy = (i + 0.5) / k - 0.5, ox = (j + 0.5) / k - 0.5; // sub-pixel offset from the source centre, in source pixels
        var taps = new float[3, 3];
        double[] wy = Linear(oy), wx = Linear(ox);
        for (int dy = 0; dy < 3; dy++)
            for (int dx = 0; dx < 3; dx++)
            {
                double unsharp = (dy == 1 && dx == 1 ? 1.0 : 0.0) - 1.0 / 9;
                taps[dy, dx] = (float)(wy[dy] * wx[dx] + 0.3 * unsharp);
            }
        return taps;
    }

    private static double[] Linear(double offset) =>
        offset >= 0 ? [0, 1 - offset, offset] : [-offset, 1 + offset, 0];

    // ---- protobuf encoding of the few ONNX messages needed ----

    private static byte[] Model(Proto graph, int opset)
    {
        var model = new Proto();
        model.Varint(1, 8); // ir_version 8 (ONNX 1.10+)
        model.String(2, "enhance-tests");
        model.Message(7, graph);
        var opsetId = new Proto();
        opsetId.String(1, "");
        opsetId.Varint(2, opset);
        model.Message(8, opsetId);
        return model.ToArray();
    }

    private static Proto Node(string op, string[] inputs, string[] outputs, params Proto[] attributes)
    {
        var node = new Proto();
        foreach (var i in inputs) node.String(1, i);
        foreach (var o in outputs) node.String(2, o);
        node.String(3, op + "_" + outputs[0]);
        node.String(4, op);
        foreach (var a in attributes) node.Message(5, a);
        return node;
    }

    private static Proto Attr(string name, long value)
    {
        var a = new Proto();
        a.String(1, name); a.Varint(3, value); a.Varint(20, AttrTypeInt);
        return a;
    }

    private static Proto AttrInts(string name, params long[] values)
    {
        var a = new Proto();
        a.String(1, name);
        foreach (var v in values) a.Varint(8, v);
        a.Varint(20, AttrTypeInts);
        return a;
    }

    private static Proto AttrString(string name, string value)
    {
        var a = new Proto();
        a.String(1, name); a.String(4, value); a.Varint(20, AttrTypeString);
        return a;
    }

    private static Proto FloatTensor(string name, long[] dims, float[] data)
    {
        var t = new Proto();
        foreach (var d in dims) t.Varint(1, d);
        t.Varint(2, FloatType);
        t.String(8, name);
        var raw = new byte[data.Length * 4];
        Buffer.BlockCopy(data, 0, raw, 0, raw.Length); // raw_data is little-endian, as is every supported CPU
        t.Bytes(9, raw);
        return t;
    }

    private static long?[] Dims(params int?[] dims) => dims.Select(d => (long?)d).ToArray();

    private static Proto ValueInfo(string name, int elemType, long?[] dims)
    {
        var shape = new Proto();
        for (int i = 0; i < dims.Length; i++)
        {
            var dim = new Proto();
            if (dims[i] is long v) dim.Varint(1, v);
            else dim.String(2, "d" + i);
            shape.Message(1, dim);
        }
        var tensor = new Proto();
        tensor.Varint(1, elemType);
        tensor.Message(2, shape);
        var type = new Proto();
        type.Message(1, tensor);
        var info = new Proto();
        info.String(1, name);
        info.Message(2, type);
        return info;
    }

    /// <summary>Protobuf wire format: varints (type 0) and length-delimited fields (type 2) are all ONNX needs here.</summary>
    private sealed class Proto : IDisposable
    {
        private readonly MemoryStream _bytes = new();

        public void Varint(int field, long value)
        {
            Key(field, 0);
            WriteVarint((ulong)value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, Proto message) => Bytes(field, message.ToArray());

        public void Bytes(int field, byte[] value)
        {
            Key(field, 2);
            WriteVarint((ulong)value.Length);
            _bytes.Write(value);
        }

        public byte[] ToArray() => _bytes.ToArray();

        public void Dispose() => _bytes.Dispose();

        private void Key(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.WriteByte((byte)value);
        }
    }
}
