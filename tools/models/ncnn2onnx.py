#!/usr/bin/env python3
"""Convert an NCNN network (.param text + .bin weights) into an ONNX model.

The result takes `input` (N, 3, H, W) float RGB 0-1 with dynamic N/H/W and gives `output`
(N, 3, s*H, s*W), fp32 weights, opset 17. Only the layer types the bundled Real-ESRGAN models
need are covered; anything else stops the import with a message naming the layer, because a
silently skipped layer would give a model that runs and produces garbage.

Usage: ncnn2onnx.py MODEL.param MODEL.bin OUT.onnx [--name NAME] [--doc TEXT]

NCNN formats (from ncnn's docs and its layer sources, written down here because nothing else in
the repo reads them):
  * .param: magic 7767517, then "layer_count blob_count", then one line per layer:
    `Type Name n_in n_out in_blobs... out_blobs... k=v ...`. Keys <= -23300 are arrays:
    `-23300-k=count,v1,v2,...` stands for array parameter k.
  * .bin: for each layer in order, its weights. A Convolution weight blob starts with a 4-byte
    tag (0x01306B47 = fp16 follows, padded to 4 bytes; 0 = fp32 follows); biases and PReLU
    slopes are raw fp32 without a tag.
"""
import argparse
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FP16_TAG = 0x01306B47
OPSET = 17


class ImportError_(Exception):
    """A model this importer cannot translate faithfully."""


class Layer:
    def __init__(self, kind, name, inputs, outputs, params):
        self.kind, self.name, self.inputs, self.outputs, self.params = kind, name, inputs, outputs, params

    def get(self, key, default):
        return self.params.get(key, default)

    def where(self):
        return f"{self.kind} '{self.name}'"


def parse_value(text):
    return float(text) if any(c in text for c in ".eE") else int(text)


def parse_param(path):
    with open(path, encoding="ascii") as f:
        tokens_per_line = [line.split() for line in f if line.strip()]
    if tokens_per_line[0] != ["7767517"]:
        raise ImportError_(f"{path}: not an NCNN text param file (magic {tokens_per_line[0]})")
    layer_count = int(tokens_per_line[1][0])
    layers = []
    for tokens in tokens_per_line[2:]:
        kind, name, n_in, n_out = tokens[0], tokens[1], int(tokens[2]), int(tokens[3])
        # Prefixed so NCNN blob names cannot collide with the fixed `input`/`output` names.
        inputs = ["ncnn:" + b for b in tokens[4:4 + n_in]]
        outputs = ["ncnn:" + b for b in tokens[4 + n_in:4 + n_in + n_out]]
        params = {}
        for item in tokens[4 + n_in + n_out:]:
            key, value = item.split("=", 1)
            key = int(key)
            if key <= -23300:
                values = value.split(",")
                count = int(values[0])
                params[-key - 23300] = [parse_value(v) for v in values[1:1 + count]]
            else:
                params[key] = parse_value(value)
        layers.append(Layer(kind, name, inputs, outputs, params))
    if len(layers) != layer_count:
        raise ImportError_(f"{path}: header says {layer_count} layers, file has {len(layers)}")
    return layers


class WeightReader:
    def __init__(self, path):
        with open(path, "rb") as f:
            self.data = f.read()
        self.pos = 0

    def _take(self, size):
        if self.pos + size > len(self.data):
            raise ImportError_(f"weight file ends early (need {size} bytes at offset {self.pos})")
        chunk = self.data[self.pos:self.pos + size]
        self.pos += size
        return chunk

    def raw_fp32(self, count):
        return np.frombuffer(self._take(4 * count), dtype="<f4").astype(np.float32)

    def tagged(self, count, where):
        tag = int.from_bytes(self._take(4), "little")
        if tag == FP16_TAG:
            size = 2 * count
            chunk = self._take((size + 3) // 4 * 4)[:size]
            return np.frombuffer(chunk, dtype="<f2").astype(np.float32)
        if tag == 0:
            return self.raw_fp32(count)
        raise ImportError_(f"{where}: weight storage tag 0x{tag:08X} (int8 / quantised) is not supported")

    def finish(self):
        if self.pos != len(self.data):
            raise ImportError_(f"weight file has {len(self.data) - self.pos} unread bytes: the param and bin do not match")


class GraphBuilder:
    """Collects ONNX nodes and initialisers; NCNN blob names become ONNX value names."""

    def __init__(self):
        self.nodes, self.initializers, self.counter = [], [], 0
        self.alias = {}  # Split outputs are plain aliases of their input

    def fresh(self, hint):
        self.counter += 1
        return f"{hint}__{self.counter}"

    def const(self, hint, array):
        name = self.fresh(hint)
        self.initializers.append(numpy_helper.from_array(np.asarray(array), name))
        return name

    def value(self, blob):
        return self.alias.get(blob, blob)

    def node(self, op, inputs, outputs, name, **attrs):
        self.nodes.append(helper.make_node(op, inputs, outputs, name=name, **attrs))


def activation(g, kind, params, x, out, name):
    """NCNN's fused activation (Convolution 9=type, 10=params) as ONNX nodes."""
    if kind == 0:
        g.node("Identity", [x], [out], name)
    elif kind == 1:
        g.node("Relu", [x], [out], name)
    elif kind == 2:
        g.node("LeakyRelu", [x], [out], name, alpha=float(params[0]))
    elif kind == 3:
        g.node("Clip", [x, g.const(name + "_min", np.float32(params[0])), g.const(name + "_max", np.float32(params[1]))], [out], name)
    elif kind == 4:
        g.node("Sigmoid", [x], [out], name)
    else:
        raise ImportError_(f"{name}: fused activation type {kind} is not supported")


def convert_convolution(g, layer, weights):
    p = layer.params
    out_ch = p[0]
    kw = p.get(1, 1); kh = p.get(11, kw)
    dw = p.get(2, 1); dh = p.get(12, dw)
    sw = p.get(3, 1); sh = p.get(13, sw)
    pl = p.get(4, 0); pt = p.get(14, pl); pr = p.get(15, pl); pb = p.get(16, pt)
    bias_term = p.get(5, 0)
    weight_size = p[6]
    if p.get(8, 0) != 0:
        raise ImportError_(f"{layer.where()}: int8 convolution is not supported")
    if p.get(18, 0.0) != 0.0:
        raise ImportError_(f"{layer.where()}: non-zero pad value is not supported")
    if weight_size % (kw * kh * out_ch):
        raise ImportError_(f"{layer.where()}: weight size {weight_size} does not divide into {out_ch}x{kh}x{kw}")
    in_ch = weight_size // (kw * kh * out_ch)
    w = weights.tagged(weight_size, layer.where()).reshape(out_ch, in_ch, kh, kw)  # NCNN order is OIHW too
    inputs = [g.value(layer.inputs[0]), g.const(layer.name + "_W", w)]
    if bias_term:
        inputs.append(g.const(layer.name + "_B", weights.raw_fp32(out_ch)))
    attrs = dict(kernel_shape=[kh, kw], strides=[sh, sw], dilations=[dh, dw])
    if pl == -233:
        attrs["auto_pad"] = "SAME_UPPER"
    elif pl == -234:
        attrs["auto_pad"] = "SAME_LOWER"
    elif min(pl, pt, pr, pb) < 0:
        raise ImportError_(f"{layer.where()}: padding mode {pl} is not supported")
    else:
        attrs["pads"] = [pt, pl, pb, pr]
    act = p.get(9, 0)
    conv_out = layer.outputs[0] if act == 0 else g.fresh(layer.name + "_conv")
    g.node("Conv", inputs, [conv_out], layer.name, **attrs)
    if act:
        activation(g, act, p.get(10, []), conv_out, layer.outputs[0], layer.name + "_act")


def convert_prelu(g, layer, weights):
    count = layer.get(0, 1)
    slope = weights.raw_fp32(count)
    # Broadcast the per-channel slope over H and W of an NCHW tensor.
    shape = (count, 1, 1) if count > 1 else (1,)
    g.node("PRelu", [g.value(layer.inputs[0]), g.const(layer.name + "_slope", slope.reshape(shape))], layer.outputs, layer.name)


def convert_relu(g, layer, _):
    slope = float(layer.get(0, 0.0))
    if slope == 0.0:
        g.node("Relu", [g.value(layer.inputs[0])], layer.outputs, layer.name)
    else:
        g.node("LeakyRelu", [g.value(layer.inputs[0])], layer.outputs, layer.name, alpha=slope)


def convert_split(g, layer, _):
    for out in layer.outputs:
        g.alias[out] = g.value(layer.inputs[0])


def convert_concat(g, layer, _):
    axis = layer.get(0, 0)
    if axis != 0:
        raise ImportError_(f"{layer.where()}: concat on axis {axis} (only channels) is not supported")
    g.node("Concat", [g.value(b) for b in layer.inputs], layer.outputs, layer.name, axis=1)


def convert_eltwise(g, layer, _):
    op = layer.get(0, 1)
    coeffs = layer.get(1, [])
    inputs = [g.value(b) for b in layer.inputs]
    if op == 1 and coeffs:
        if len(coeffs) != len(inputs):
            raise ImportError_(f"{layer.where()}: {len(coeffs)} coefficients for {len(inputs)} inputs")
        scaled = []
        for i, (x, c) in enumerate(zip(inputs, coeffs)):
            if c == 1.0:
                scaled.append(x)
            else:
                y = g.fresh(f"{layer.name}_scaled{i}")
                g.node("Mul", [x, g.const(f"{layer.name}_c{i}", np.float32(c))], [y], f"{layer.name}_mul{i}")
                scaled.append(y)
        inputs = scaled
    onnx_op = {0: "Mul", 1: "Sum", 2: "Max"}.get(op)
    if onnx_op is None:
        raise ImportError_(f"{layer.where()}: eltwise op {op} is not supported")
    if op == 0 and coeffs:
        raise ImportError_(f"{layer.where()}: coefficients on eltwise product are not supported")
    if onnx_op == "Mul":
        acc = inputs[0]
        for i, x in enumerate(inputs[1:]):
            out = layer.outputs[0] if i == len(inputs) - 2 else g.fresh(layer.name + "_prod")
            g.node("Mul", [acc, x], [out], f"{layer.name}_{i}")
            acc = out
    else:
        g.node(onnx_op, inputs, layer.outputs, layer.name)


BINARY_OPS = {0: "Add", 1: "Sub", 2: "Mul", 3: "Div", 4: "Max", 5: "Min", 6: "Pow"}


def convert_binaryop(g, layer, _):
    op = layer.get(0, 0)
    if op in (7, 8):  # reverse sub / reverse div: b op a
        base = BINARY_OPS[op - 6]
        swap = True
    elif op in BINARY_OPS:
        base, swap = BINARY_OPS[op], False
    else:
        raise ImportError_(f"{layer.where()}: binary op {op} is not supported")
    a = g.value(layer.inputs[0])
    if layer.get(1, 0):  # with_scalar: b is parameter 2
        b = g.const(layer.name + "_b", np.float32(layer.get(2, 0.0)))
    else:
        b = g.value(layer.inputs[1])
    g.node(base, [b, a] if swap else [a, b], layer.outputs, layer.name)


def convert_interp(g, layer, _):
    kind = layer.get(0, 0)
    sh, sw = float(layer.get(1, 1.0)), float(layer.get(2, 1.0))
    if layer.get(3, 0) or layer.get(4, 0) or layer.get(5, 0):
        raise ImportError_(f"{layer.where()}: fixed or dynamic output size is not supported (only scale factors)")
    align = layer.get(6, 0)
    if kind == 1:
        # NCNN nearest picks floor(x * in/out): ONNX asymmetric + floor.
        attrs = dict(mode="nearest", coordinate_transformation_mode="asymmetric", nearest_mode="floor")
    elif kind in (2, 3):
        attrs = dict(mode="linear" if kind == 2 else "cubic",
                     coordinate_transformation_mode="align_corners" if align else "half_pixel")
        if kind == 3:
            # NCNN's bicubic uses A = -0.75 (like OpenCV) and clamps taps to the edge.
            attrs.update(cubic_coeff_a=-0.75, exclude_outside=0)
    else:
        raise ImportError_(f"{layer.where()}: interpolation type {kind} is not supported")
    scales = g.const(layer.name + "_scales", np.array([1.0, 1.0, sh, sw], dtype=np.float32))
    g.node("Resize", [g.value(layer.inputs[0]), "", scales], layer.outputs, layer.name, **attrs)


def convert_pixelshuffle(g, layer, _):
    if layer.get(1, 0) != 0:
        raise ImportError_(f"{layer.where()}: pixel shuffle mode {layer.get(1, 0)} is not supported")
    # NCNN mode 0 is PyTorch's PixelShuffle channel order, which ONNX calls CRD.
    g.node("DepthToSpace", [g.value(layer.inputs[0])], layer.outputs, layer.name,
           blocksize=int(layer.get(0, 1)), mode="CRD")


CONVERTERS = {
    "Convolution": convert_convolution,
    "PReLU": convert_prelu,
    "ReLU": convert_relu,
    "Split": convert_split,
    "Concat": convert_concat,
    "Eltwise": convert_eltwise,
    "BinaryOp": convert_binaryop,
    "Interp": convert_interp,
    "PixelShuffle": convert_pixelshuffle,
}


def convert(param_path, bin_path, name, doc):
    layers = parse_param(param_path)
    weights = WeightReader(bin_path)
    g = GraphBuilder()
    inputs = [l for l in layers if l.kind == "Input"]
    if len(inputs) != 1:
        raise ImportError_(f"{param_path}: expected one Input layer, found {len(inputs)}")
    g.alias[inputs[0].outputs[0]] = "input"
    consumed = set()
    for layer in layers:
        if layer.kind == "Input":
            continue
        converter = CONVERTERS.get(layer.kind)
        if converter is None:
            raise ImportError_(f"{param_path}: layer {layer.where()} has type {layer.kind}, which this importer does not translate")
        consumed.update(layer.inputs)
        converter(g, layer, weights)
    weights.finish()
    produced = [o for l in layers for o in l.outputs]
    finals = [b for b in produced if b not in consumed]
    if len(finals) != 1:
        raise ImportError_(f"{param_path}: expected one network output, found {finals}")
    # Give the result the fixed name `output` so every bundled model has the same interface.
    g.node("Identity", [g.value(finals[0])], ["output"], "output_identity")

    image = lambda n, h, w: helper.make_tensor_value_info(n, TensorProto.FLOAT, ["N", 3, h, w])
    graph = helper.make_graph(g.nodes, name, [image("input", "H", "W")], [image("output", "outH", "outW")], g.initializers)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="enhance-ncnn2onnx")
    model.ir_version = 8  # opset 17 needs IR 8; keeps older runtimes able to load it
    model.doc_string = doc
    onnx.checker.check_model(model)
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("param"); ap.add_argument("bin"); ap.add_argument("out")
    ap.add_argument("--name", default="model"); ap.add_argument("--doc", default="")
    args = ap.parse_args()
    try:
        model = convert(args.param, args.bin, args.name, args.doc)
    except ImportError_ as e:
        print(f"ncnn2onnx: {e}", file=sys.stderr)
        return 1
    onnx.save(model, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
