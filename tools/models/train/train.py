"""Trains one stage of the live-action upscaler.

  train.py WORKDIR --scale 2 --personality faithful --steps 1500 --out ckpt.pt [--init other.pt]
           [--fit-linear 300] [--device cpu|cuda]

Personalities (losses; train.sh runs them in this order):
  faithful-plain  Charbonnier (L1-type) against the clean original, after the linear path is fitted
                  by least squares (--fit-linear): the body learns edges and texture quickly.
  faithful        the same error per patch, as a log-ratio to Lanczos-3's error on that patch
                  (relative_charbonnier): smooth pictures count as much as busy ones, so the model
                  stops sharpening 8-bit steps in skies. The default model.
  crisp           faithful's loss plus a Fourier-amplitude term: the output's spectrum magnitude
                  must match the original's whatever the phase, so smooth "average" guesses are
                  penalised and the model draws texture at the original's energy.

Batches: clean HR patches from data.py, degraded on the fly (degrade.py) or, for a quarter of
them, taken from the H.264 pool (compress.py); random flips and transposes. Everything is drawn
from seeded generators and torch runs deterministically, so a run is reproducible.
"""
import argparse
import math
import os
import time

import numpy as np
import torch
import torch.nn.functional as F

from degrade import degrade_one
from net import ResidualUpscaler

HR_PATCH = {2: 96, 3: 96, 4: 128}
H264_SHARE = 0.25


class Batches:
    def __init__(self, work, scale, batch, seed):
        self.hr = np.load(os.path.join(work, "patches.npy"), mmap_mode="r")
        pool = np.load(os.path.join(work, f"h264-x{scale}.npz"))
        self.pool_index, self.pool_lr = pool["hr_index"], pool["lr"]
        self.scale, self.batch = scale, batch
        self.gen = torch.Generator().manual_seed(seed)
        self.rng = np.random.default_rng(seed)

    def next(self):
        s, p = self.scale, HR_PATCH[self.scale]
        full = self.hr.shape[1]
        lrs, hrs = [], []
        for _ in range(self.batch):
            y, x = (self.rng.integers(0, (full - p) // s + 1, 2) * s)
            if self.rng.random() < H264_SHARE:
                k = self.rng.integers(len(self.pool_index))
                hr = self.hr[self.pool_index[k], y:y + p, x:x + p]
                lr = self.pool_lr[k, y // s:(y + p) // s, x // s:(x + p) // s]
                hr = torch.from_numpy(np.array(hr)).permute(2, 0, 1).float() / 255
                lr = torch.from_numpy(np.array(lr)).permute(2, 0, 1).float() / 255
            else:
                hr = torch.from_numpy(np.array(self.hr[self.rng.integers(len(self.hr)), y:y + p, x:x + p]))
                hr = hr.permute(2, 0, 1).float() / 255
                lr = degrade_one(hr[None], s, self.gen)[0]
            t = self.rng.integers(8)  # one of the 8 flips/transposes, the same for both
            if t & 1:
                hr, lr = hr.flip(2), lr.flip(2)
            if t & 2:
                hr, lr = hr.flip(1), lr.flip(1)
            if t & 4:
                hr, lr = hr.transpose(1, 2), lr.transpose(1, 2)
            hrs.append(hr)
            lrs.append(lr)
        return torch.stack(lrs), torch.stack(hrs)


@torch.no_grad()
def fit_linear(model, batches, count, ridge=1e-6):
    """Least-squares fit of the linear 7x7 path over `count` training batches (closed form: the
    normal equations summed in float64). The body's correction is still zero and its gate open
    (sigmoid(3)), so the target is the original's sub-pixel phases minus the Lanczos phases, and
    the fitted filter is divided by the gate's starting value."""
    s = model.scale
    n = 3 * 7 * 7 + 1
    device = model.linear.weight.device
    xtx = torch.zeros(n, n, dtype=torch.float64, device=device)
    xty = torch.zeros(n, 3 * s * s, dtype=torch.float64, device=device)
    for _ in range(count):
        lr, hr = (t.to(model.linear.weight.device) for t in batches.next())
        padded = F.pad(lr, (3, 3, 3, 3), mode="replicate")
        target = F.pixel_unshuffle(hr, s) - model.base.phases(padded)
        features = F.unfold(padded - 0.5, 7)  # (N, 147, H*W), in the conv weight's order
        x = torch.cat([features, torch.ones_like(features[:, :1])], 1).permute(0, 2, 1).reshape(-1, n).double()
        y = target.flatten(2).permute(0, 2, 1).reshape(-1, 3 * s * s).double()
        xtx += x.T @ x
        xty += x.T @ y
    w = torch.linalg.solve(xtx + ridge * xtx.diagonal().mean() * torch.eye(n, dtype=torch.float64, device=device), xty)
    gate = torch.sigmoid(model.gate.bias.double()).view(-1)
    model.linear.weight.copy_((w[:-1] / gate).T.reshape(3 * s * s, 3, 7, 7).float())
    model.linear.bias.copy_((w[-1] / gate).float())


def charbonnier(a, b, eps=1e-3):
    return torch.sqrt((a - b) ** 2 + eps * eps).mean()


def relative_charbonnier(out, hr, lanczos, eps=1e-4):
    """Each patch's Charbonnier error as a log-ratio to Lanczos-3's on the same patch, averaged.

    A plain mean lets busy patches (errors of several levels) outvote smooth ones, where Lanczos is
    already within a fraction of a level and a model that sharpens 8-bit steps loses whole
    decibels. Per patch and relative, a smooth sky counts as much as a brick wall: the loss is
    the mean per-patch gain over Lanczos (in log units), which is what the quality bar measures
    per picture.
    """
    a = torch.sqrt((out - hr) ** 2 + eps * eps).mean(dim=(1, 2, 3))
    b = torch.sqrt((lanczos - hr) ** 2 + eps * eps).mean(dim=(1, 2, 3))
    return (torch.log(a) - torch.log(b)).mean()


def fourier_amplitude(a, b):
    fa = torch.fft.rfft2(a, norm="ortho").abs()
    fb = torch.fft.rfft2(b, norm="ortho").abs()
    return (fa - fb).abs().mean()


def loss_fn(personality):
    """loss(out, hr, lanczos) for a personality (see the module's docstring)."""
    if personality == "faithful":
        return lambda out, hr, lanczos: relative_charbonnier(out, hr, lanczos)
    if personality == "faithful-plain":  # the first stage: absolute error, while the body is young
        return lambda out, hr, lanczos: charbonnier(out, hr)
    if personality == "crisp":
        return lambda out, hr, lanczos: relative_charbonnier(out, hr, lanczos) + 20 * fourier_amplitude(out, hr)
    raise ValueError(personality)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("--personality", default="faithful")
    ap.add_argument("--steps", type=int, default=6000)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--channels", type=int, default=32)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--init")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu",
                    help="where the network trains (batches are made on the CPU either way)")
    ap.add_argument("--fit-linear", type=int, default=0, metavar="BATCHES",
                    help="first fit the linear path by least squares over this many batches")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    if args.device == "cuda":
        os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    torch.use_deterministic_algorithms(True)
    model = ResidualUpscaler(args.scale, args.channels, args.depth)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu")["state"])
    model.to(args.device)
    batches = Batches(args.work, args.scale, args.batch, args.seed)
    if args.fit_linear:
        fit_linear(model, batches, args.fit_linear)
        print(f"linear path fitted over {args.fit_linear} batches", flush=True)
    # The linear path stays where least squares put it; gradient steps train the body.
    model.linear.requires_grad_(False)
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    warmup = max(1, min(200, args.steps // 10))
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda i: min(1.0, (i + 1) / warmup) * (
        0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * min(i, args.steps) / args.steps))))
    loss_of = loss_fn(args.personality)
    started, running = time.time(), 0.0
    for step in range(1, args.steps + 1):
        lr, hr = (t.to(args.device) for t in batches.next())
        with torch.no_grad():
            lanczos = F.pixel_shuffle(model.base(lr), args.scale)
        loss = loss_of(model(lr), hr, lanczos)
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        optimiser.step()
        schedule.step()
        running += loss.item()
        if step % 200 == 0 or step == args.steps:
            print(f"step {step}/{args.steps} loss {running / (200 if step % 200 == 0 else step % 200):.5f} "
                  f"{(time.time() - started) / step:.3f} s/step", flush=True)
            running = 0.0
        if step % 1000 == 0 or step == args.steps:
            save(model, args, step)


def save(model, args, step):
    torch.save(dict(state={k: v.cpu() for k, v in model.state_dict().items()}, scale=args.scale, channels=args.channels, depth=args.depth,
                    personality=args.personality, steps=step, seed=args.seed,
                    fit_linear=args.fit_linear), args.out)


if __name__ == "__main__":
    main()
