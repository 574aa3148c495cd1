#!/usr/bin/env python3
"""Convert a TensorFlow.js *layers* model (Keras functional graph in model.json + weight shards)
into an ONNX model with the same interface as the NCNN imports.

The result takes `input` (N, 3, H, W) float RGB 0-1 with dynamic N/H/W and gives `output`
(N, 3, s*H, s*W), fp32, opset 17. Keras runs NHWC; ONNX Conv wants NCHW, so the whole graph is
built in NCHW (kernels transposed HWIO -> OIHW, concat axis 3 -> 1) rather than wrapping it in
transposes. `--input-range 255` inserts the x255 / /255 the model's training range needs (the
UpscalerJS ESRGAN models work on 0-255 values).

Covered Keras layers: InputLayer, Conv2D (linear/relu, 'same'/'valid', stride 1), Activation
(relu/linear), Add, Concatenate (channel axis), UpSampling2D (nearest). Anything else stops the
import with a message naming the layer.

Usage: tfjs2onnx.py MODEL_DIR/model.json OUT.onnx [--name NAME] [--input-range 255] [--passes N] [--doc TEXT]
"""
import argparse
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17


class ImportError_(Exception):
    """A model this importer cannot translate faithfully."""


def load_weights(model_dir, manifest):
    """Weights by name, read in manifest order from the concatenated shard files.

    Quantised weights (the TF.js converter's --quantize_uint8/uint16) store q with an affine map;
    TF.js dequantises them as min + scale * q, and so does this importer, giving fp32 weights.
    """
    weights = {}
    for group in manifest:
        data = b""
        for shard in group["paths"]:
            with open(os.path.join(model_dir, shard), "rb") as f:
                data += f.read()
        pos = 0
        for entry in group["weights"]:
            count = int(np.prod(entry["shape"])) if entry["shape"] else 1
            quant = entry.get("quantization")
            if quant is None and entry.get("dtype") == "float32":
                values = np.frombuffer(data, "<f4", count, pos)
                pos += 4 * count
            elif quant is not None and quant.get("dtype") in ("uint8", "uint16") and "scale" in quant:
                dtype = "<u1" if quant["dtype"] == "uint8" else "<u2"
                q = np.frombuffer(data, dtype, count, pos).astype(np.float64)
                pos += np.dtype(dtype).itemsize * count
                values = quant["min"] + quant["scale"] * q
            else:
                raise ImportError_(f"weight {entry['name']}: dtype {entry.get('dtype')} / quantisation {quant} is not supported")
            weights[entry["name"]] = np.asarray(values, dtype=np.float32).reshape(entry["shape"])
        if pos != len(data):
            raise ImportError_(f"weight group {group['paths']}: {len(data) - pos} unread bytes")
    return weights


class Graph:
    def __init__(self, weights):
        self.nodes, self.inits, self.weights, self.used = [], [], weights, set()

    def const(self, name, array):
        self.inits.append(numpy_helper.from_array(np.asarray(array, dtype=np.float32), name))
        return name

    def weight(self, layer_name, kind):
        key = f"{layer_name}/{kind}"
        if key not in self.weights:
            raise ImportError_(f"layer {layer_name}: weight {key} missing from the manifest")
        self.used.add(key)
        return self.weights[key]

    def node(self, op, inputs, outputs, name, **attrs):
        self.nodes.append(helper.make_node(op, inputs, outputs, name=name, **attrs))


def activation(g, kind, x, out, name):
    if kind == "linear":
        g.node("Identity", [x], [out], name)
    elif kind == "relu":
        g.node("Relu", [x], [out], name)
    else:
        raise ImportError_(f"layer {name}: activation '{kind}' is not supported")


def conv2d(g, name, cfg, x, out):
    if cfg.get("data_format", "channels_last") != "channels_last":
        raise ImportError_(f"Conv2D {name}: data_format {cfg['data_format']} is not supported")
    if list(cfg["strides"]) != [1, 1] or list(cfg["dilation_rate"]) != [1, 1] or cfg.get("groups", 1) != 1:
        raise ImportError_(f"Conv2D {name}: only stride 1, dilation 1, one group are supported")
    kh, kw = cfg["kernel_size"]
    if cfg["padding"] == "same":
        # TensorFlow 'same' at stride 1 pads k-1 in total, the odd one at the end.
        pads = [(kh - 1) // 2, (kw - 1) // 2, kh - 1 - (kh - 1) // 2, kw - 1 - (kw - 1) // 2]
    elif cfg["padding"] == "valid":
        pads = [0, 0, 0, 0]
    else:
        raise ImportError_(f"Conv2D {name}: padding {cfg['padding']} is not supported")
    kernel = g.weight(name, "kernel").transpose(3, 2, 0, 1)  # HWIO -> OIHW
    inputs = [x, g.const(name + "/W", kernel)]
    if cfg.get("use_bias", True):
        inputs.append(g.const(name + "/B", g.weight(name, "bias")))
    act = cfg.get("activation", "linear")
    conv_out = out if act == "linear" else name + "/conv"
    g.node("Conv", inputs, [conv_out], name, kernel_shape=[kh, kw], pads=pads)
    if act != "linear":
        activation(g, act, conv_out, out, name + "/act")


def chain(nodes, initializer_names, passes):
    """The network applied `passes` times, weights shared, with a clip to 0-1 between passes so
    each pass sees an image in the range it was trained on."""
    if passes == 1:
        return nodes, []
    chained, extra_inits, previous = [], [], "input"
    lo, hi = "chain/clip_min", "chain/clip_max"
    extra_inits += [numpy_helper.from_array(np.float32(0.0), lo), numpy_helper.from_array(np.float32(1.0), hi)]
    for k in range(passes):
        last = k == passes - 1
        def rename(v, k=k, last=last, previous=previous):
            if v == "" or v in initializer_names:
                return v
            if v == "input":
                return previous
            if v == "output" and last:
                return "output"
            return f"pass{k}/{v}"
        for n in nodes:
            copy = onnx.NodeProto()
            copy.CopyFrom(n)
            copy.name = f"pass{k}/{n.name}"
            copy.input[:] = [rename(v) for v in n.input]
            copy.output[:] = [rename(v) for v in n.output]
            chained.append(copy)
        if not last:
            clipped = f"pass{k}/clipped"
            chained.append(helper.make_node("Clip", [rename("output"), lo, hi], [clipped], name=f"pass{k}/clip"))
            previous = clipped
    return chained, extra_inits


def convert(model_json, name, input_range, doc, passes=1):
    with open(model_json) as f:
        spec = json.load(f)
    if spec.get("format") != "layers-model":
        raise ImportError_(f"{model_json}: format {spec.get('format')} (only TF.js layers models are supported)")
    config = spec["modelTopology"]["model_config"]
    if config["class_name"] not in ("Functional", "Model"):
        raise ImportError_(f"{model_json}: model class {config['class_name']} is not supported")
    g = Graph(load_weights(os.path.dirname(model_json), spec["weightsManifest"]))
    cfg = config["config"]
    if len(cfg["input_layers"]) != 1 or len(cfg["output_layers"]) != 1:
        raise ImportError_(f"{model_json}: expected one input and one output")

    for layer in cfg["layers"]:
        kind, lname, lcfg = layer["class_name"], layer["name"], layer["config"]
        srcs = [n[0] for n in layer["inbound_nodes"][0]] if layer["inbound_nodes"] else []
        if kind == "InputLayer":
            if input_range == 1.0:
                g.node("Identity", ["input"], [lname], lname)
            else:
                g.node("Mul", ["input", g.const(lname + "/range", np.float32(input_range))], [lname], lname)
        elif kind == "Conv2D":
            conv2d(g, lname, lcfg, srcs[0], lname)
        elif kind == "Activation":
            activation(g, lcfg["activation"], srcs[0], lname, lname)
        elif kind == "Add":
            g.node("Sum", srcs, [lname], lname)
        elif kind == "Concatenate":
            if lcfg.get("axis", -1) not in (3, -1):
                raise ImportError_(f"Concatenate {lname}: axis {lcfg.get('axis')} is not the channel axis")
            g.node("Concat", srcs, [lname], lname, axis=1)
        elif kind == "UpSampling2D":
            if lcfg.get("interpolation", "nearest") != "nearest":
                raise ImportError_(f"UpSampling2D {lname}: interpolation {lcfg['interpolation']} is not supported")
            sh, sw = lcfg["size"]
            scales = g.const(lname + "/scales", np.array([1, 1, sh, sw], np.float32))
            g.node("Resize", [srcs[0], "", scales], [lname], lname, mode="nearest",
                   coordinate_transformation_mode="asymmetric", nearest_mode="floor")
        else:
            raise ImportError_(f"{model_json}: layer {lname} has type {kind}, which this importer does not translate")

    unused = set(g.weights) - g.used
    if unused:
        raise ImportError_(f"{model_json}: weights not used by any layer: {sorted(unused)}")
    last = cfg["output_layers"][0][0]
    if input_range == 1.0:
        g.node("Identity", [last], ["output"], "output")
    else:
        g.node("Mul", [last, g.const("output/range", np.float32(1.0 / input_range))], ["output"], "output")

    nodes, extra_inits = chain(g.nodes, {i.name for i in g.inits}, passes)
    image = lambda n, h, w: helper.make_tensor_value_info(n, TensorProto.FLOAT, ["N", 3, h, w])
    graph = helper.make_graph(nodes, name, [image("input", "H", "W")], [image("output", "outH", "outW")], g.inits + extra_inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="enhance-tfjs2onnx")
    model.ir_version = 8
    model.doc_string = doc
    onnx.checker.check_model(model)
    return model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model_json"); ap.add_argument("out")
    ap.add_argument("--name", default="model"); ap.add_argument("--doc", default="")
    ap.add_argument("--input-range", type=float, default=1.0, help="value range the model was trained on (1 or 255)")
    ap.add_argument("--passes", type=int, default=1, help="apply the network this many times (x2 twice = x4)")
    args = ap.parse_args()
    try:
        model = convert(args.model_json, args.name, args.input_range, args.doc, args.passes)
    except ImportError_ as e:
        print(f"tfjs2onnx: {e}", file=sys.stderr)
        return 1
    onnx.save(model, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
