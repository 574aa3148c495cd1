namespace Enhance.Effects.Tests.Models;

/// <summary>
/// Rewrites an fp16 ONNX model as fp32 (every float16 tensor type and initializer widened), so a
/// machine without float16 kernels can check that an fp16 export is the same network. It edits the
/// protobuf directly: the handful of fields involved are stable parts of onnx.proto.
/// </summary>
internal static class OnnxHalfToFloat
{
    private const int Float = 1, Float16 = 10;

    public static byte[] Widen(string path) => Model(File.ReadAllBytes(path));

    // ModelProto: 7 graph.
    private static byte[] Model(byte[] m) => Rewrite(m, (field, value) => field == 7 ? Graph(value) : null);

    // GraphProto: 1 node, 5 initializer, 11 input, 12 output, 13 value_info.
    private static byte[] Graph(byte[] g) => Rewrite(g, (field, value) => field switch
    {
        1 => Node(value),
        5 => Tensor(value),
        11 or 12 or 13 => ValueInfo(value),
        _ => null,
    });

    // NodeProto: 5 attribute; AttributeProto: 5 t (a tensor).
    private static byte[] Node(byte[] n) => Rewrite(n, (field, value) => field == 5 ? Rewrite(value, (f, v) => f == 5 ? Tensor(v) : null) : null);

    // ValueInfoProto: 2 type; TypeProto: 1 tensor_type; TypeProto.Tensor: 1 elem_type (varint).
    private static byte[] ValueInfo(byte[] v) => Rewrite(v, (field, value) => field == 2
        ? Rewrite(value, (f, t) => f == 1 ? RewriteVarint(t, 1, Float16, Float) : null)
        : null);

    // TensorProto: 2 data_type (varint), 5 int32_data (packed: fp16 bit patterns), 9 raw_data.
    private static byte[] Tensor(byte[] t)
    {
        if (ReadVarintField(t, 2) != Float16) return t;
        var fields = Parse(t);
        var output = new MemoryStream();
        foreach (var (field, wire, value, raw) in fields)
        {
            if (field == 2) { WriteVarintField(output, 2, Float); continue; }
            if (field == 9) { WriteBytes(output, 9, HalvesToFloats(value)); continue; }
            if (field == 5)
            {
                var halves = new List<byte>();
                int at = 0;
                while (at < value.Length) { ushort bits = (ushort)ReadVarint(value, ref at); halves.AddRange(BitConverter.GetBytes(bits)); }
                WriteBytes(output, 9, HalvesToFloats([.. halves]));
                continue;
            }
            output.Write(raw);
        }
        return output.ToArray();
    }

    private static byte[] HalvesToFloats(byte[] halves)
    {
        var floats = new byte[halves.Length * 2];
        for (int i = 0; i < halves.Length / 2; i++)
            BitConverter.TryWriteBytes(floats.AsSpan(i * 4), (float)BitConverter.ToHalf(halves, i * 2));
        return floats;
    }

    private static byte[] RewriteVarint(byte[] message, int field, long from, long to)
    {
        var output = new MemoryStream();
        foreach (var (f, wire, value, raw) in Parse(message))
        {
            if (f == field && wire == 0 && BitConverter.ToInt64(value) == from) WriteVarintField(output, field, to);
            else output.Write(raw);
        }
        return output.ToArray();
    }

    private static byte[] Rewrite(byte[] message, Func<int, byte[], byte[]?> change)
    {
        var output = new MemoryStream();
        foreach (var (field, wire, value, raw) in Parse(message))
        {
            var replaced = wire == 2 ? change(field, value) : null;
            if (replaced is null) output.Write(raw);
            else WriteBytes(output, field, replaced);
        }
        return output.ToArray();
    }

    private static long? ReadVarintField(byte[] message, int field)
    {
        foreach (var (f, wire, value, _) in Parse(message))
            if (f == field && wire == 0) return BitConverter.ToInt64(value);
        return null;
    }

    /// <summary>Top-level fields: number, wire type, value (varints as 8 little-endian bytes, else the payload) and the raw bytes.</summary>
    private static List<(int Field, int Wire, byte[] Value, byte[] Raw)> Parse(byte[] message)
    {
        var fields = new List<(int, int, byte[], byte[])>();
        int at = 0;
        while (at < message.Length)
        {
            int start = at;
            long key = ReadVarint(message, ref at);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            byte[] value;
            switch (wire)
            {
                case 0: value = BitConverter.GetBytes(ReadVarint(message, ref at)); break;
                case 1: value = message[at..(at + 8)]; at += 8; break;
                case 2: { int length = (int)ReadVarint(message, ref at); value = message[at..(at + length)]; at += length; break; }
                case 5: value = message[at..(at + 4)]; at += 4; break;
                default: throw new InvalidDataException($"Unsupported protobuf wire type {wire}.");
            }
            fields.Add((field, wire, value, message[start..at]));
        }
        return fields;
    }

    private static long ReadVarint(byte[] data, ref int at)
    {
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[at++];
            result |= (long)(b & 0x7f) << shift;
            if (b < 0x80) return result;
        }
    }

    private static void WriteVarint(Stream s, long value)
    {
        ulong v = (ulong)value;
        while (v >= 0x80) { s.WriteByte((byte)(v | 0x80)); v >>= 7; }
        s.WriteByte((byte)v);
    }

    private static void WriteVarintField(Stream s, int field, long value) { WriteVarint(s, field << 3); WriteVarint(s, value); }

    private static void WriteBytes(Stream s, int field, byte[] value) { WriteVarint(s, (field << 3) | 2); WriteVarint(s, value.Length); s.Write(value); }
}
