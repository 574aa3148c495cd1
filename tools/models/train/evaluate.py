"""Validation of trained checkpoints against Lanczos-3 on the held-out pictures.

  evaluate.py WORKDIR CKPT [CKPT ...]

Each validation picture (data.py: never cut into training patches) is centre-cropped at its own
resolution (at most 768x768, no pre-reduction), reduced by area, bicubic and Lanczos-3 (8-bit), and,
as the compressed variant, the area reduction through H.264 at x264's default CRF 23. Each reduced
picture is enlarged back by the network and by Lanczos-3 (the network's own base with no residual:
the plug-in's Classical filter). Y-PSNR (BT.601 luma) against the original crop, with a border of
4 x scale pixels left out. The C# tool (tools/Enhance.Eval upscale) repeats this through the plug-in's
renderer on the exported ONNX files; this one is the quick check during training.
"""
import json
import os
import sys

import numpy as np
import torch

from compress import encode_decode
from data import load_rgb
from degrade import quantise, reduce
from net import ResidualUpscaler

CROP = 768
VARIANTS = ("area", "bicubic", "lanczos", "area+h264")


def y_psnr(a, b, border):
    w = torch.tensor([65.481, 128.553, 24.966]).view(1, 3, 1, 1) / 255
    ya, yb = (a * w).sum(1), (b * w).sum(1)
    d = (ya - yb)[..., border:-border, border:-border]
    return 10 * np.log10(1.0 / d.pow(2).mean().item())


def validation_crops(work, scale):
    with open(os.path.join(work, "sources.json")) as f:
        pictures = [p for p in json.load(f)["pictures"] if p["role"] == "validation"]
    for p in pictures:
        img = load_rgb(os.path.join(work, p["path"]))
        m = 4 * scale * 4  # multiple of 16 * scale: H.264 macroblocks tile the reduced picture
        h, w = min(CROP, img.shape[0]) // m * m, min(CROP, img.shape[1]) // m * m
        y, x = (img.shape[0] - h) // 2, (img.shape[1] - w) // 2
        yield os.path.basename(p["path"]), torch.from_numpy(img[y:y + h, x:x + w].copy()).permute(2, 0, 1)[None].float() / 255


def reduced(hr, scale, variant):
    lr = quantise(reduce(hr, scale, variant.split("+")[0]))
    if variant.endswith("+h264"):
        frame = (lr[0].permute(1, 2, 0) * 255).round().byte().numpy()[None]
        lr = torch.from_numpy(encode_decode(frame, 23)[0].copy()).permute(2, 0, 1)[None].float() / 255
    return lr


def load(path):
    ck = torch.load(path)
    model = ResidualUpscaler(ck["scale"], ck["channels"], ck["depth"])
    model.load_state_dict(ck["state"])
    return model.eval(), ck


@torch.no_grad()
def evaluate(work, paths):
    models = [load(p) for p in paths]
    scale = models[0][1]["scale"]
    lanczos = ResidualUpscaler(scale)  # zero residual: exactly Lanczos-3
    rows = []
    for name, hr in validation_crops(work, scale):
        for variant in VARIANTS:
            lr = reduced(hr, scale, variant)
            base = y_psnr(lanczos(lr), hr, 4 * scale)
            gains = [y_psnr(m(lr).clamp(0, 1), hr, 4 * scale) - base for m, _ in models]
            rows.append((name, variant, base, gains))
            print(f"{name:34s} {variant:10s} lanczos {base:6.2f} dB  " +
                  "  ".join(f"{g:+.2f}" for g in gains), flush=True)
    print(f"\nx{scale}, {len(rows) // len(VARIANTS)} validation pictures:")
    for k, (_, ck) in enumerate(models):
        gains = np.array([r[3][k] for r in rows])
        per_picture = gains.reshape(-1, len(VARIANTS)).mean(1)
        by_variant = gains.reshape(-1, len(VARIANTS)).mean(0)
        print(f"  {ck['personality']} ({paths[k]}): mean {gains.mean():+.3f} dB; worst picture {per_picture.min():+.3f}; "
              f"worst case {gains.min():+.3f}; " + ", ".join(f"{v} {g:+.3f}" for v, g in zip(VARIANTS, by_variant)))


if __name__ == "__main__":
    torch.set_num_threads(int(os.environ.get("EVAL_THREADS", "1")))
    evaluate(sys.argv[1], sys.argv[2:])
