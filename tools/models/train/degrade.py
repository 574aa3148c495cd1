"""Degradations that turn a clean high-resolution patch into the low-resolution picture a user
hands Upscale: a reduction filter (area, bicubic, Lanczos-3 or bilinear, each antialiased as
scalers and cameras do), sometimes a mild optical blur before it, sometimes sensor noise after it,
always 8-bit quantisation. Video compression is added separately (compress.py, through ffmpeg's
libx264), because it cannot run inside a training step.

Each picture's degradation is drawn from a torch.Generator, so a seed fixes the whole data stream.
"""
import math

import torch
import torch.nn.functional as F

from net import lanczos

REDUCTIONS = ("area", "bicubic", "lanczos", "bilinear")
REDUCTION_WEIGHTS = (0.35, 0.25, 0.2, 0.2)


def _lanczos_reduce_kernel(scale):
    # Antialiased Lanczos-3 by an integer factor: the kernel stretched by the factor (6*scale taps),
    # output pixel centre at input (i + 0.5) * scale - 0.5.
    taps = 6 * scale
    offsets = [(k - taps / 2 + 0.5) / scale for k in range(taps)]
    w = torch.tensor([lanczos(t) for t in offsets], dtype=torch.float64)
    return (w / w.sum()).float()


def reduce(hr, scale, method):
    """hr (N,3,H,W) in 0-1, H and W multiples of scale -> (N,3,H/scale,W/scale)."""
    if method == "area":
        return F.avg_pool2d(hr, scale)
    if method in ("bicubic", "bilinear"):
        return F.interpolate(hr, scale_factor=1 / scale, mode=method, align_corners=False, antialias=True)
    if method == "lanczos":
        w = _lanczos_reduce_kernel(scale).to(hr)
        pad = (len(w) - scale) // 2
        c = hr.shape[1]
        x = F.pad(hr, (pad, pad, pad, pad), mode="replicate")
        x = F.conv2d(x, w.view(1, 1, 1, -1).repeat(c, 1, 1, 1), stride=(1, scale), groups=c)
        return F.conv2d(x, w.view(1, 1, -1, 1).repeat(c, 1, 1, 1), stride=(scale, 1), groups=c)
    raise ValueError(method)


def gaussian_blur(x, sigma):
    radius = max(1, int(math.ceil(3 * sigma)))
    t = torch.arange(-radius, radius + 1, dtype=torch.float32)
    w = torch.exp(-0.5 * (t / sigma) ** 2)
    w = (w / w.sum()).to(x)
    c = x.shape[1]
    x = F.pad(x, (radius, radius, radius, radius), mode="replicate")
    x = F.conv2d(x, w.view(1, 1, 1, -1).repeat(c, 1, 1, 1), groups=c)
    return F.conv2d(x, w.view(1, 1, -1, 1).repeat(c, 1, 1, 1), groups=c)


def quantise(x):
    return torch.round(x.clamp(0, 1) * 255) / 255


def degrade_one(hr, scale, gen, blur_p=0.25, noise_p=0.25):
    """One picture (1,3,H,W) -> its low-resolution version, each step drawn from gen."""
    u = torch.rand(4, generator=gen).tolist()
    if u[0] < blur_p:
        hr = gaussian_blur(hr, 0.3 + 0.5 * u[1] * scale / 2)
    pick = torch.multinomial(torch.tensor(REDUCTION_WEIGHTS), 1, generator=gen).item()
    lr = reduce(hr, scale, REDUCTIONS[pick])
    if u[2] < noise_p:
        sigma = (0.5 + 3.0 * u[3]) / 255
        if torch.rand(1, generator=gen).item() < 0.5:  # luma-like grain: the same on every channel
            n = torch.randn(lr[:, :1].shape, generator=gen).expand_as(lr)
        else:
            n = torch.randn(lr.shape, generator=gen)
        lr = lr + sigma * n
    return quantise(lr)
