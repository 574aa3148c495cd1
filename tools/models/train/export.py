"""Exports a trained checkpoint to the plug-in's model interface, fp32 and fp16, with its fixture.

  export.py WORKDIR CKPT NAME OUTDIR

Writes OUTDIR/NAME.onnx (fp32: input `input` (N,3,H,W) RGB 0-1, output `output` (N,3,sH,sW)),
OUTDIR/NAME-fp16.onnx (the same graph with float16 weights, inputs and outputs: for GPUs with
tensor cores) and OUTDIR/fixtures/NAME.{json,f32}: real validation crops with PyTorch's output on
them, which the C# tests compare the ONNX file against (Models/TrainedModelExportTests, <= 1e-4).
The ONNX doc string records the recipe: checkpoint settings, seed, steps and the git commit.
"""
import json
import os
import subprocess
import sys

import numpy as np
import onnx
import torch
from onnx import TensorProto, numpy_helper

from evaluate import load, validation_crops

OPSET = 17
FIXTURE_SIDE = 24
FIXTURE_PICTURES = ("coffee.png", "Wood.jpg")


def commit():
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        return subprocess.run(["git", "-C", here, "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def to_fp16(model):
    """Same graph, float16 everywhere: weights, activations, input and output."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    for init in m.graph.initializer:
        if init.data_type == TensorProto.FLOAT:
            init.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(init).astype(np.float16), init.name))
    for value in list(m.graph.input) + list(m.graph.output) + list(m.graph.value_info):
        if value.type.tensor_type.elem_type == TensorProto.FLOAT:
            value.type.tensor_type.elem_type = TensorProto.FLOAT16
    for node in m.graph.node:  # constants baked into nodes (pads are int64 and stay)
        for attr in node.attribute:
            if attr.t is not None and attr.t.data_type == TensorProto.FLOAT:
                attr.t.CopyFrom(numpy_helper.from_array(numpy_helper.to_array(attr.t).astype(np.float16), attr.t.name))
    return m


@torch.no_grad()
def main(work, ckpt, name, out):
    model, ck = load(ckpt)
    os.makedirs(os.path.join(out, "fixtures"), exist_ok=True)
    path = os.path.join(out, name + ".onnx")
    torch.onnx.export(model, torch.rand(1, 3, 32, 32), path, input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "n", 2: "h", 3: "w"}, "output": {0: "n", 2: "sh", 3: "sw"}},
                      opset_version=OPSET, do_constant_folding=True)
    m = onnx.load(path)
    m.ir_version = 8
    m.producer_name = "enhance-train"
    m.doc_string = (f"Enhance live-action upscaler, {ck['personality']} x{ck['scale']}: residual CNN over Lanczos-3 "
                    f"({ck['channels']} channels, depth {ck['depth']}, {model.flops_per_input_pixel() / 1e3:.0f} kFLOP "
                    f"per input pixel). Trained by tools/models/train (steps {ck['steps']}, seed {ck['seed']}, "
                    f"recipe commit {commit()}). Licence: the Enhance project's own.")
    onnx.checker.check_model(m)
    onnx.save(m, path)
    half = to_fp16(m)
    onnx.checker.check_model(half)
    onnx.save(half, os.path.join(out, name + "-fp16.onnx"))

    crops, results = [], []
    for picture, hr in validation_crops(work, ck["scale"]):
        if picture in FIXTURE_PICTURES:
            h, w = hr.shape[2] // 2, hr.shape[3] // 2
            crops.append(hr[:, :, h:h + FIXTURE_SIDE, w:w + FIXTURE_SIDE].contiguous())
            results.append(model(crops[-1]))
    meta = dict(model=name + ".onnx", scale=ck["scale"], side=FIXTURE_SIDE, pictures=list(FIXTURE_PICTURES),
                layout="for each crop: input (3,side,side) then output (3,side*scale,side*scale), float32 little-endian")
    with open(os.path.join(out, "fixtures", name + ".json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")
    with open(os.path.join(out, "fixtures", name + ".f32"), "wb") as f:
        for x, y in zip(crops, results):
            f.write(x.numpy().astype("<f4").tobytes())
            f.write(y.numpy().astype("<f4").tobytes())
    print(f"export: {path} (+ fp16, fixture of {len(crops)} crops), {os.path.getsize(path) / 1e3:.0f} kB")


if __name__ == "__main__":
    main(*sys.argv[1:5])
