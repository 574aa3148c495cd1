#!/usr/bin/env python3
"""Unit tests of the two importers on small synthetic models (no packages needed).

Run: /usr/bin/python3 -m unittest discover -s tools/models -p 'test_*.py'
The numerical proof against the real upstream models is in tests/Effects.Tests/Models.
"""
import json
import os
import struct
import tempfile
import unittest

import numpy as np
from onnx import numpy_helper

import ncnn2onnx


def write(path, data):
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


class NcnnImporterTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.param = os.path.join(self.dir.name, "m.param")
        self.bin = os.path.join(self.dir.name, "m.bin")

    def tearDown(self):
        self.dir.cleanup()

    def small_net(self, extra_layer="", extra_count=0):
        # conv 3->2 (3x3, fp16 weights, bias) -> PReLU(2) -> conv 2->12 (fp32) -> PixelShuffle 2, with
        # an Eltwise 0.2*a + b against a nearest x2 copy of a 3-channel branch.
        layers = [
            "Input in 0 1 data",
            "Split sp 1 2 data d0 d1",
            "Convolution c1 1 1 d0 a 0=2 1=3 4=1 5=1 6=54",
            "PReLU p1 1 1 a b 0=2",
            "Convolution c2 1 1 b c 0=12 1=3 4=1 5=0 6=216",
            "PixelShuffle ps 1 1 c e 0=2",
            "Interp up 1 1 d1 f 0=1 1=2.0 2=2.0",
            "Eltwise add 2 1 e f g 0=1 -23301=2,2.000000e-01,1.000000e+00",
        ]
        if extra_layer:
            layers.append(extra_layer)
        write(self.param, f"7767517\n{len(layers)} {len(layers) + 8 + extra_count}\n" + "\n".join(layers) + "\n")
        w1 = np.arange(54, dtype=np.float32) / 64
        w2 = -np.arange(216, dtype=np.float32) / 256
        blob = struct.pack("<I", ncnn2onnx.FP16_TAG) + w1.astype("<f2").tobytes()  # 108 bytes: already 4-aligned
        blob += np.array([0.5, -0.5], "<f4").tobytes()  # bias
        blob += np.array([0.1, 0.3], "<f4").tobytes()  # PReLU slopes
        blob += struct.pack("<I", 0) + w2.astype("<f4").tobytes()
        write(self.bin, blob)
        return w1, w2

    def test_weights_keep_ncnn_order_and_precision(self):
        w1, w2 = self.small_net()
        model = ncnn2onnx.convert(self.param, self.bin, "t", "")
        inits = {i.name.split("__")[0]: numpy_helper.to_array(i) for i in model.graph.initializer}
        np.testing.assert_array_equal(inits["c1_W"], w1.reshape(2, 3, 3, 3))
        np.testing.assert_array_equal(inits["c2_W"], w2.reshape(12, 2, 3, 3))
        np.testing.assert_array_equal(inits["p1_slope"].ravel(), np.float32([0.1, 0.3]))
        self.assertEqual(inits["p1_slope"].shape, (2, 1, 1))
        ops = [n.op_type for n in model.graph.node]
        self.assertIn("DepthToSpace", ops)
        shuffle = next(n for n in model.graph.node if n.op_type == "DepthToSpace")
        self.assertEqual([a.s for a in shuffle.attribute if a.name == "mode"], [b"CRD"])
        self.assertEqual([o.name for o in model.graph.output], ["output"])
        self.assertEqual(model.graph.input[0].type.tensor_type.shape.dim[2].dim_param, "H")

    def test_eltwise_coefficients_become_a_multiply(self):
        self.small_net()
        model = ncnn2onnx.convert(self.param, self.bin, "t", "")
        consts = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
        muls = [n for n in model.graph.node if n.op_type == "Mul"]
        self.assertEqual(len(muls), 1)
        self.assertAlmostEqual(float(consts[muls[0].input[1]]), 0.2, places=6)

    def test_unknown_layer_is_refused_by_name(self):
        self.small_net("Softmax sm 1 1 g h 0=0", 1)
        with self.assertRaises(ncnn2onnx.ImportError_) as caught:
            ncnn2onnx.convert(self.param, self.bin, "t", "")
        self.assertIn("Softmax", str(caught.exception))
        self.assertIn("sm", str(caught.exception))

    def test_weight_file_that_does_not_match_is_refused(self):
        self.small_net()
        with open(self.bin, "ab") as f:
            f.write(b"\0" * 8)
        with self.assertRaises(ncnn2onnx.ImportError_) as caught:
            ncnn2onnx.convert(self.param, self.bin, "t", "")
        self.assertIn("unread", str(caught.exception))

    def test_int8_weights_are_refused(self):
        self.small_net()
        with open(self.bin, "rb") as f:
            data = bytearray(f.read())
        data[0:4] = struct.pack("<I", 0x000D4B38)
        write(self.bin, bytes(data))
        with self.assertRaises(ncnn2onnx.ImportError_):
            ncnn2onnx.convert(self.param, self.bin, "t", "")


if __name__ == "__main__":
    unittest.main()
