"""Training and validation pictures from freely licensed Debian packages, and the patch set.

  data.py fetch WORKDIR     apt-get download + unpack the five packages; writes WORKDIR/sources.json
                            (package versions, every picture with its role: train or validation)
  data.py patches WORKDIR   WORKDIR/patches.npy: uint8 (N, 128, 128, 3) clean high-resolution patches

Only these packages are used (and no others): gnome-backgrounds, ukui-wallpapers,
lomiri-wallpapers-16.04, mate-backgrounds, python3-skimage (its data folder). Validation pictures are
never cut into training patches. They are the 14 photographs the C# quality tests use
(tests/TestSupport TestImages.Photos) plus four large wallpapers judged at their own resolution.
"""
import glob
import json
import os
import subprocess
import sys

import numpy as np
from PIL import Image

PACKAGES = ["gnome-backgrounds", "ukui-wallpapers", "lomiri-wallpapers-16.04", "mate-backgrounds", "python3-skimage"]
PATCH = 128
SEED = 20261206

# Held out of training: the C# tests' photographs, and four large wallpapers.
VALIDATION = {
    "astronaut.png", "chelsea.png", "coffee.png", "brick.png", "grass.png", "gravel.png", "rocket.jpg",
    "motorcycle_left.png", "Garden.jpg", "GreenMeadow.jpg", "LadyBird.jpg", "YellowFlower.jpg", "Wood.jpg",
    "Storm.jpg", "sunset_by_Aitzol_Berasategi.jpg", "Bridge_by_Sander_Klootwijk.jpg", "the-mouse.jpg",
    "Dune.jpg",
}
# Not pictures to learn live action from: a logo, microscopy, astronomy, a retina scan, the left
# stereo pair's twin, and two smaller copies of the 3840x2160 Elephants.
SKIPPED = {"logo.png", "ihc.png", "hubble_deep_field.jpg", "retina.jpg", "motorcycle_right.png",
           "Elephants.jpg", "Elephants_5640x3172.jpg"}
MIN_SIDE = 300


def fetch(work):
    debs = os.path.join(work, "debs")
    os.makedirs(debs, exist_ok=True)
    if len(glob.glob(os.path.join(debs, "*.deb"))) < len(PACKAGES):
        subprocess.run(["apt-get", "download", *PACKAGES], cwd=debs, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    versions = {}
    root = os.path.join(work, "unpacked")
    os.makedirs(root, exist_ok=True)
    for deb in sorted(glob.glob(os.path.join(debs, "*.deb"))):
        name, version = subprocess.run(["dpkg-deb", "-f", deb, "Package", "Version"], check=True,
                                       capture_output=True, text=True).stdout.split("\n")[:2]
        versions[name.split(": ")[1]] = version.split(": ")[1]
        subprocess.run(["dpkg-deb", "-x", deb, os.path.join(root, name.split(": ")[1])], check=True)
    pictures = []
    for path in sorted(glob.glob(os.path.join(root, "**", "*"), recursive=True)):
        base = os.path.basename(path)
        if not base.lower().endswith((".jpg", ".jpeg", ".png", ".webp")) or base in SKIPPED:
            continue
        if "skimage" in path and "/data/" not in path:
            continue
        try:
            with Image.open(path) as im:
                w, h = im.size
        except OSError:
            continue
        if min(w, h) < MIN_SIDE:
            continue
        package = os.path.relpath(path, root).split(os.sep)[0]
        pictures.append(dict(path=os.path.relpath(path, work), package=package, width=w, height=h,
                             role="validation" if base in VALIDATION else "train"))
    with open(os.path.join(work, "sources.json"), "w") as f:
        json.dump(dict(packages=versions, pictures=pictures), f, indent=1)
    train = sum(p["role"] == "train" for p in pictures)
    print(f"data: {len(pictures)} pictures ({train} train, {len(pictures) - train} validation) from {versions}")


def load_rgb(path):
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"))


def area_half(img):
    h, w = img.shape[0] // 2 * 2, img.shape[1] // 2 * 2
    x = img[:h, :w].astype(np.float32)
    return np.round((x[0::2, 0::2] + x[1::2, 0::2] + x[0::2, 1::2] + x[1::2, 1::2]) / 4).astype(np.uint8)


def patches(work, count=16000):
    with open(os.path.join(work, "sources.json")) as f:
        pictures = [p for p in json.load(f)["pictures"] if p["role"] == "train"]
    rng = np.random.default_rng(SEED)
    # Each picture at its own resolution (the footage case) and, when large, reduced by 2 (denser
    # detail per pixel, as in DIV2K-style training). Patches are drawn in proportion to the square
    # root of each version's area, so large wallpapers do not drown the small photographs.
    # Drawn graphics (GNOME's patterns, MATE's abstract and desktop art) stay in, at a third of the
    # weight: they teach clean gradients and hard edges, but the model is for live action.
    versions, weights = [], []
    for p in pictures:
        img = load_rgb(os.path.join(work, p["path"]))
        drawn = p["package"] == "gnome-backgrounds" or "/abstract/" in p["path"] or "/desktop/" in p["path"]
        for v in [img, area_half(img)] if min(img.shape[:2]) >= 1200 else [img]:
            versions.append(v)
            weights.append(np.sqrt(v.shape[0] * v.shape[1]) * (0.3 if drawn else 1.0))
    weights = np.array(weights)
    per = np.maximum(1, np.round(count * weights / weights.sum())).astype(int)
    out = []
    for img, n in zip(versions, per):
        h, w = img.shape[:2]
        ys = rng.integers(0, h - PATCH + 1, n)
        xs = rng.integers(0, w - PATCH + 1, n)
        out += [img[y:y + PATCH, x:x + PATCH] for y, x in zip(ys, xs)]
    arr = np.stack(out)[rng.permutation(len(out))]
    np.save(os.path.join(work, "patches.npy"), arr)
    print(f"data: {len(arr)} patches of {PATCH}x{PATCH} from {len(versions)} picture versions")


if __name__ == "__main__":
    command, work = sys.argv[1], sys.argv[2]
    {"fetch": fetch, "patches": patches}[command](work)
