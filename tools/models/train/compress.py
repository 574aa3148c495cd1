"""Video compression for the training set: low-resolution patches through H.264 (ffmpeg, libx264,
4:2:0) at realistic qualities, so the model learns what compressed footage looks like and does not
sharpen its blocks.

  compress.py WORKDIR SCALE   -> WORKDIR/h264-xSCALE.npz: hr_index (K,), lr uint8 (K, P, P, 3)

The patches are degraded as in training (degrade.py), then laid out in frames of 8x8 patches
(patch sides are multiples of 16, so macroblocks never straddle two patches) and encoded as one
clip per quality, CRF drawn from 18-30 (x264's default is 23), with x264's default GOP and B-frames.
"""
import os
import subprocess
import sys

import numpy as np
import torch

from degrade import degrade_one

SEED = 4264
GRID = 8
CRFS = (18, 21, 24, 27, 30)


def encode_decode(frames, crf):
    n, h, w, _ = frames.shape
    cmd = ["ffmpeg", "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", "25",
           "-i", "-", "-c:v", "libx264", "-preset", "medium", "-crf", str(crf), "-pix_fmt", "yuv420p",
           "-threads", "2", "-f", "h264", "-"]
    stream = subprocess.run(cmd, input=frames.tobytes(), capture_output=True, check=True).stdout
    cmd = ["ffmpeg", "-v", "error", "-f", "h264", "-i", "-", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]
    raw = subprocess.run(cmd, input=stream, capture_output=True, check=True).stdout
    return np.frombuffer(raw, np.uint8).reshape(n, h, w, 3)


def main(work, scale, fraction=0.25):
    hr = np.load(os.path.join(work, "patches.npy"), mmap_mode="r")
    gen = torch.Generator().manual_seed(SEED + scale)
    rng = np.random.default_rng(SEED + scale)
    count = int(len(hr) * fraction) // (GRID * GRID) * (GRID * GRID)
    index = np.sort(rng.choice(len(hr), count, replace=False))
    lr = []
    for i in index:
        x = torch.from_numpy(np.ascontiguousarray(hr[i])).permute(2, 0, 1)[None].float() / 255
        lr.append((degrade_one(x, scale, gen)[0].permute(1, 2, 0) * 255).round().byte().numpy())
    lr = np.stack(lr)
    p = lr.shape[1]
    frames = lr.reshape(-1, GRID, GRID, p, p, 3).transpose(0, 1, 3, 2, 4, 5).reshape(-1, GRID * p, GRID * p, 3)
    crf = rng.choice(CRFS, len(frames))
    out = np.empty_like(frames)
    for q in CRFS:  # one clip per quality
        sel = np.nonzero(crf == q)[0]
        if len(sel):
            out[sel] = encode_decode(np.ascontiguousarray(frames[sel]), int(q))
    lr = out.reshape(-1, GRID, p, GRID, p, 3).transpose(0, 1, 3, 2, 4, 5).reshape(-1, p, p, 3)
    np.savez(os.path.join(work, f"h264-x{scale}.npz"), hr_index=index, lr=lr)
    print(f"compress: {len(lr)} patches at x{scale} through H.264 (CRF {CRFS})")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
