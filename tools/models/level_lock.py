"""Level lock: a small ONNX stage appended to imported models so they cannot shift the picture's level.

Some published networks move flat colour: idealo's uint8-quantised RDN lifts every level by about
1 % (its gain at DC is not one), realesr-animevideov3 adds about +1.2 levels (8-bit) from its own
weights, esrgan-slim drifts by up to +-0.6. The stage measures, at the input's resolution, how far
the output's area reduction is from the input, keeps only the smooth part of that error (a 7x7 mean
at the input's resolution: well below any detail the model draws), and subtracts it, enlarged
bilinearly. On a flat field or a gradient the output then averages back to the input exactly; detail
(anything finer than about 7 input pixels) is untouched.

    error    = AveragePool_{s x s, stride s}(raw) - input
    smooth   = AveragePool_{7 x 7, stride 1, edge-normalised}(error)
    output   = raw - Resize_{x s, linear, half-pixel}(smooth)
"""
import numpy as np
from onnx import TensorProto, helper, numpy_helper

WINDOW = 7


def append(model, scale):
    graph = model.graph
    (out,) = [o for o in graph.output if o.name == "output"]
    for node in graph.node:
        node.output[:] = ["raw_output" if n == "output" else n for n in node.output]
        node.input[:] = ["raw_output" if n == "output" else n for n in node.input]
    half = WINDOW // 2
    graph.initializer.extend([
        numpy_helper.from_array(np.array([1, 1, scale, scale], np.float32), "level_lock_scales"),
    ])
    graph.node.extend([
        helper.make_node("AveragePool", ["raw_output"], ["level_lock_reduced"], kernel_shape=[scale, scale],
                         strides=[scale, scale], name="level_lock_reduce"),
        helper.make_node("Sub", ["level_lock_reduced", "input"], ["level_lock_error"], name="level_lock_error"),
        helper.make_node("AveragePool", ["level_lock_error"], ["level_lock_smooth"], kernel_shape=[WINDOW, WINDOW],
                         pads=[half] * 4, count_include_pad=0, name="level_lock_smooth"),
        helper.make_node("Resize", ["level_lock_smooth", "", "level_lock_scales"], ["level_lock_correction"],
                         mode="linear", coordinate_transformation_mode="half_pixel", name="level_lock_enlarge"),
        helper.make_node("Sub", ["raw_output", "level_lock_correction"], ["output"], name="level_lock_apply"),
    ])
    # "output" stays the first graph output (what the plug-in runs); the network's own result stays
    # reachable as a second output, "network_output", for the import fidelity tests against the
    # upstream binaries.
    graph.node.append(helper.make_node("Identity", ["raw_output"], ["network_output"], name="level_lock_network_output"))
    raw = helper.make_tensor_value_info("network_output", TensorProto.FLOAT, None)
    raw.type.tensor_type.shape.CopyFrom(out.type.tensor_type.shape)
    graph.output.append(raw)
    return model
