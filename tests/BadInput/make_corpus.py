#!/usr/bin/python3
"""Writes the bad-input corpus (issue 17) into a build folder; nothing here is committed as binary.

    /usr/bin/python3 tests/BadInput/make_corpus.py OUTDIR BUNDLED_MODEL

OUTDIR/models/  ONNX files broken in one distinct way each (plus two that are odd but valid)
OUTDIR/images/  pictures with values a float pipeline can meet: NaN, ±Inf, 1e30, ±3e38, 1-pixel
                frames, zero alpha, negatives (PFM, EXR and float TIFF: formats that keep the value)
OUTDIR/corpus.txt  one line per file written, "models/x.onnx" or "images/x.pfm": the test suite
                   checks that it names every file it runs and runs every file named here.

BUNDLED_MODEL is a model from the installed bundle (enhance-faithful-x2.onnx): the fuzzed and
truncated copies start from a real network, so the damage is the only thing wrong with them.
Debian's python3-onnx and python3-numpy live in the system interpreter, hence /usr/bin/python3.
Everything is deterministic (fixed seeds): the same corpus on every machine and every run.
"""
import os
import shutil
import subprocess
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

FLOAT = TensorProto.FLOAT


# ---- models -------------------------------------------------------------------------------------

def image_info(name, channels=3, height="h", width="w", rank=4):
    """An NCHW float tensor with symbolic height and width (the shape real upscalers declare)."""
    dims = [1, channels, height, width][4 - rank:] if rank <= 4 else [1, 1, channels, height, width]
    return helper.make_tensor_value_info(name, FLOAT, dims)


def save_graph(path, nodes, inputs, outputs, initializers=(), opset=13, ir_version=8):
    graph = helper.make_graph(nodes, os.path.basename(path), inputs, outputs, list(initializers))
    model = helper.make_model(graph, producer_name="enhance-bad-input-corpus",
                              opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = ir_version
    onnx.save(model, path)


def constant(name, values):
    return numpy_helper.from_array(np.asarray(values, dtype=np.float32), name)


def upsample(factor, source="input", result="upscaled"):
    """Nearest-neighbour Resize by `factor` on H and W: a working ×factor network's stand-in."""
    return ([helper.make_node("Resize", [source, "", "factors"], [result], mode="nearest")],
            [constant("factors", [1, 1, factor, factor])])


def upsampler_then(path, tail_nodes, tail_constants):
    """A ×2 upsampler whose picture then goes through `tail_nodes` ("upscaled" → "output")."""
    nodes, constants = upsample(2)
    save_graph(path, nodes + tail_nodes, [image_info("input")], [image_info("output")],
               constants + tail_constants)


def write_models(folder, bundled_model):
    os.makedirs(folder, exist_ok=True)
    p = lambda name: os.path.join(folder, name)

    # Output that is not a picture: each must be refused, never written out.
    upsampler_then(p("nan-log-of-negative.onnx"),
                   [helper.make_node("Sub", ["upscaled", "two"], ["shifted"]),
                    helper.make_node("Log", ["shifted"], ["output"])], [constant("two", [2.0])])
    upsampler_then(p("inf-divide-by-zero.onnx"),
                   [helper.make_node("Div", ["upscaled", "zero"], ["output"])], [constant("zero", [0.0])])
    # x / (x - x): 0/0 = NaN on black pixels, ±Inf elsewhere.
    upsampler_then(p("nan-zero-over-zero.onnx"),
                   [helper.make_node("Sub", ["upscaled", "upscaled"], ["nothing"]),
                    helper.make_node("Div", ["upscaled", "nothing"], ["output"])], [])
    upsampler_then(p("huge-times-1e30.onnx"),
                   [helper.make_node("Mul", ["upscaled", "gain"], ["output"])], [constant("gain", [1e30])])

    # Shapes that are not an RGB picture in, a larger RGB picture out.
    nodes, constants = upsample(2)
    save_graph(p("one-channel-input.onnx"), nodes, [image_info("input", channels=1)],
               [image_info("upscaled", channels=1)], constants)
    # Declares its channel count as unknown and returns 4: only a run can tell.
    nodes, constants = upsample(2)
    nodes.append(helper.make_node("Slice", ["upscaled", "starts", "ends", "axes"], ["first"]))
    nodes.append(helper.make_node("Concat", ["upscaled", "first"], ["output"], axis=1))
    save_graph(p("four-channel-output.onnx"), nodes, [image_info("input")], [image_info("output", channels="c")],
               constants + [numpy_helper.from_array(np.array(v, dtype=np.int64), n)
                            for n, v in (("starts", [0]), ("ends", [1]), ("axes", [1]))])
    save_graph(p("rank-3-input.onnx"), [helper.make_node("Identity", ["input"], ["output"])],
               [image_info("input", rank=3)], [image_info("output", rank=3)])
    nodes, constants = upsample(2)
    nodes.append(helper.make_node("Unsqueeze", ["upscaled", "axis0"], ["output"]))
    save_graph(p("rank-5-output.onnx"), nodes, [image_info("input")], [image_info("output", rank=5)],
               constants + [numpy_helper.from_array(np.array([0], dtype=np.int64), "axis0")])
    nodes, constants = upsample(1.5)
    save_graph(p("scale-one-and-a-half.onnx"), nodes, [image_info("input")], [image_info("upscaled")], constants)
    nodes, constants = upsample(0.5)
    save_graph(p("scale-one-half.onnx"), nodes, [image_info("input")], [image_info("upscaled")], constants)
    # A rank-1 vector graph: valid ONNX, nothing to do with images.
    save_graph(p("vector-graph.onnx"), [helper.make_node("Add", ["input", "input"], ["output"])],
               [helper.make_tensor_value_info("input", FLOAT, [16])],
               [helper.make_tensor_value_info("output", FLOAT, [16])])
    # Valid ×2 models that only take a fixed, tiny input: 8×8 is enough to tile a frame with (the
    # node must), 1×1 and 4×4 leave nothing inside the tile overlap and must be refused.
    for side in (1, 4, 8):
        nodes, constants = upsample(2)
        save_graph(p(f"fixed-input-{side}x{side}.onnx"), nodes, [image_info("input", height=side, width=side)],
                   [image_info("upscaled", height=2 * side, width=2 * side)], constants)

    # Versions no ONNX Runtime knows.
    nodes, constants = upsample(2)
    save_graph(p("opset-99.onnx"), nodes, [image_info("input")], [image_info("upscaled")], constants, opset=99)
    nodes, constants = upsample(2)
    save_graph(p("ir-version-99.onnx"), nodes, [image_info("input")], [image_info("upscaled")], constants, ir_version=99)

    # Damaged files.
    real = open(bundled_model, "rb").read()
    for seed in range(1, 5):
        open(p(f"fuzzed-bytes-seed-{seed}.onnx"), "wb").write(fuzzed(real, seed))
    for seed in range(1, 5):
        onnx.save(fuzzed_weights(onnx.load(bundled_model), seed), p(f"fuzzed-weights-seed-{seed}.onnx"))
    open(p("truncated-half.onnx"), "wb").write(real[: len(real) // 2])
    open(p("empty.onnx"), "wb").close()
    open(p("text-not-onnx.onnx"), "w").write("this is not an ONNX model, only text with the name of one\n")
    os.makedirs(p("directory.onnx"), exist_ok=True)


def fuzzed(data, seed, fraction=1e-3):
    """`data` with one byte in a thousand replaced at random (a damaged download or disk):
    mostly caught by the protobuf parser or ONNX Runtime's graph checks."""
    rng = np.random.default_rng(seed)
    damaged = np.frombuffer(data, dtype=np.uint8).copy()
    where = rng.choice(len(damaged), size=max(1, int(len(damaged) * fraction)), replace=False)
    damaged[where] = rng.integers(0, 256, size=len(where), dtype=np.uint8)
    return damaged.tobytes()


def fuzzed_weights(model, seed):
    """The same graph with one weight byte in ten thousand replaced at random: the file is valid and
    loads, and the network then computes whatever its damaged weights give (NaN, huge, or a picture)."""
    for index, tensor in enumerate(model.graph.initializer):
        if tensor.data_type == TensorProto.FLOAT and len(tensor.raw_data) >= 64:
            tensor.raw_data = fuzzed(tensor.raw_data, seed * 1000 + index, fraction=1e-4)
    return model


# ---- images -------------------------------------------------------------------------------------

def pattern(height, width):
    """Smooth gradients, a hard vertical edge and a fine checker: something for every node to act on."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    r = x / max(width - 1, 1)
    g = y / max(height - 1, 1)
    b = np.where(x < width / 2, 0.15, 0.85).astype(np.float32) + 0.05 * ((x + y) % 2)
    return np.stack([r, g, b], axis=-1).astype(np.float32)


def write_pfm(path, rgb):
    """Colour PFM: 'PF', size, negative scale = little-endian, rows bottom to top."""
    height, width, _ = rgb.shape
    with open(path, "wb") as f:
        f.write(f"PF\n{width} {height}\n-1.0\n".encode("ascii"))
        f.write(np.ascontiguousarray(rgb[::-1], dtype="<f4").tobytes())


def with_alpha(source_pfm, target, alpha):
    """RGBA through oiiotool (EXR or float TIFF keep every float value, NaN included)."""
    subprocess.run(["oiiotool", source_pfm, "--ch", f"R,G,B,A={alpha}", "-d", "float", "-o", target], check=True)


def converted(source_pfm, target):
    subprocess.run(["oiiotool", source_pfm, "-d", "float", "-o", target], check=True)


def write_images(folder):
    os.makedirs(folder, exist_ok=True)
    p = lambda name: os.path.join(folder, name)
    H, W = 24, 40

    def spiked(value, every=7):
        """The pattern with `value` in every `every`-th sample (all channels get some)."""
        rgb = pattern(H, W)
        rgb.reshape(-1)[::every] = value
        return rgb

    # The control: nothing wrong with it (model, tile and parameter cases start from it).
    write_pfm(p("plain.pfm"), pattern(H, W))
    write_pfm(p("one-pixel.pfm"), pattern(1, 1))
    write_pfm(p("one-row.pfm"), pattern(1, 37))
    write_pfm(p("one-column.pfm"), pattern(29, 1))
    write_pfm(p("nan-samples.pfm"), spiked(np.nan))
    write_pfm(p("all-nan.pfm"), np.full((H, W, 3), np.nan, dtype=np.float32))
    write_pfm(p("plus-inf-samples.pfm"), spiked(np.inf))
    write_pfm(p("minus-inf-samples.pfm"), spiked(-np.inf))
    write_pfm(p("huge-1e30.pfm"), spiked(1e30, every=5))
    extreme = pattern(H, W)
    extreme.reshape(-1)[::5] = 3e38
    extreme.reshape(-1)[2::5] = -3e38
    write_pfm(p("plus-minus-3e38.pfm"), extreme)
    write_pfm(p("negative.pfm"), pattern(H, W) - 0.75)
    write_pfm(p("subnormal.pfm"), pattern(H, W) * np.float32(1e-39))
    # The same values through the other float formats, and alpha that a premultiplying host meets.
    scratch = p("scratch-rgb.pfm")
    write_pfm(scratch, spiked(np.nan, every=4))
    converted(scratch, p("nan-samples.exr"))
    write_pfm(scratch, spiked(1e30, every=4))
    converted(scratch, p("huge-1e30.tif"))
    write_pfm(scratch, pattern(H, W))
    with_alpha(scratch, p("zero-alpha.exr"), 0.0)
    with_alpha(scratch, p("nan-alpha.exr"), "nan")
    with_alpha(scratch, p("negative-alpha.tif"), -1.0)
    os.remove(scratch)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out, bundled_model = sys.argv[1], sys.argv[2]
    if os.path.isdir(out):
        shutil.rmtree(out)
    write_models(os.path.join(out, "models"), bundled_model)
    write_images(os.path.join(out, "images"))
    with open(os.path.join(out, "corpus.txt"), "w") as listing:
        for kind in ("models", "images"):
            for name in sorted(os.listdir(os.path.join(out, kind))):
                listing.write(f"{kind}/{name}\n")


if __name__ == "__main__":
    main()
