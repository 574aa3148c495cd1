"""The live-action upscaling network: a small residual CNN over a built-in Lanczos-3 upscale.

Everything runs at the input's resolution. A fixed depthwise convolution computes the s*s
sub-pixel phases of a separable Lanczos-3 upscale (edge pixels repeated, weights normalised to sum
to one: the same filter as the plug-in's Classical mode, so a zero residual *is* Lanczos). Two
paths predict a correction for each phase, and one DepthToSpace interleaves base + corrections:

- a linear 7x7 filter (all three channels in, every phase out), fitted in closed form by least
  squares over the training distribution (train.py --fit-linear): the best a fixed filter can do,
  reached exactly instead of by thousands of noisy gradient steps;
- a small nonlinear body (3x3 convolutions, PReLU) trained on what the linear filter leaves. It
  gives two things: a gate (0-1 per phase) on the linear correction, so the sharpening closes where
  it would only amplify noise and 8-bit steps (smooth skies and out-of-focus backgrounds, where a
  fixed filter loses to Lanczos), and a correction of its own (edges, texture, telling blur from
  compression). Both start neutral (gate open, correction zero), so before training the network is
  Lanczos plus the linear filter, and training only moves it where the loss says it pays.

Cost per input pixel (multiply-adds x 2): see `flops_per_input_pixel`.
"""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

LOBES = 3
PHASE_TAPS = 7  # taps -3..+3 cover every sub-pixel phase of an upscale by 2, 3 or 4


def lanczos(t):
    t = abs(t)
    if t < 1e-12:
        return 1.0
    if t >= LOBES:
        return 0.0
    pt = math.pi * t
    return LOBES * math.sin(pt) * math.sin(pt / LOBES) / (pt * pt)


def phase_weights_1d(scale):
    """(scale, 7) weights: output sub-pixel p sits at input coordinate i + (p + 0.5)/scale - 0.5."""
    rows = []
    for p in range(scale):
        offset = (p + 0.5) / scale - 0.5
        row = [lanczos(k - offset) for k in range(-3, 4)]
        total = sum(row)
        rows.append([w / total for w in row])
    return torch.tensor(rows, dtype=torch.float64)


class LanczosPhases(nn.Module):
    """x (N,3,H,W) -> (N, 3*s*s, H, W): channel c*s*s + i*s + j is output pixel (s*y+i, s*x+j)."""

    def __init__(self, scale):
        super().__init__()
        w1 = phase_weights_1d(scale)
        kernel = torch.einsum("ik,jl->ijkl", w1, w1).reshape(scale * scale, 1, PHASE_TAPS, PHASE_TAPS)
        self.register_buffer("kernel", kernel.repeat(3, 1, 1, 1).float())
        self.scale = scale

    def forward(self, x):
        return self.phases(F.pad(x, (3, 3, 3, 3), mode="replicate"))

    def phases(self, padded):
        """The same, on a picture already padded by 3 repeated pixels on each side."""
        return F.conv2d(padded, self.kernel, groups=3)


class ResidualUpscaler(nn.Module):
    def __init__(self, scale, channels=32, depth=4):
        super().__init__()
        self.scale = scale
        self.channels = channels
        self.depth = depth
        self.base = LanczosPhases(scale)
        layers = [nn.Conv2d(3, channels, 3, padding=1), nn.PReLU(channels)]
        for _ in range(depth):
            layers += [nn.Conv2d(channels, channels, 3, padding=1), nn.PReLU(channels)]
        self.body = nn.Sequential(*layers)
        self.tail = nn.Conv2d(channels, 3 * scale * scale, 3, padding=1)
        nn.init.zeros_(self.tail.weight)
        nn.init.zeros_(self.tail.bias)
        self.gate = nn.Conv2d(channels, 3 * scale * scale, 3, padding=1)
        nn.init.zeros_(self.gate.weight)
        nn.init.constant_(self.gate.bias, 3.0)  # sigmoid(3) = 0.95: open
        self.linear = nn.Conv2d(3, 3 * scale * scale, PHASE_TAPS)
        nn.init.zeros_(self.linear.weight)
        nn.init.zeros_(self.linear.bias)

    def forward(self, x):
        # The body sees the picture centred on mid-grey; zero padding then means "mid-grey", not
        # "black", at the frame's edges.
        padded = F.pad(x, (3, 3, 3, 3), mode="replicate")
        features = self.body(x - 0.5)
        residual = self.tail(features) + self.linear(padded - 0.5) * torch.sigmoid(self.gate(features))
        return F.pixel_shuffle(self.base.phases(padded) + residual, self.scale)

    def flops_per_input_pixel(self):
        c, s = self.channels, self.scale
        macs = 9 * (3 * c + self.depth * c * c + 2 * c * 3 * s * s) + 3 * s * s * PHASE_TAPS * PHASE_TAPS * (1 + 3)
        return 2 * macs
