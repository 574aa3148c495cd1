#!/usr/bin/env bash
# The demo: renders the bundled sample photograph through the real Enhance.ofx.bundle with the
# reference host — Upscale ×2 with the default model, then Dehalo and Grain when the bundle has
# them — and writes before/after images plus a side-by-side comparison. The sample is a clean
# photograph, with no grain for Grain's Match original to measure (it would say so and add none),
# so the demo's grain is the node's own design at its defaults.
#   tools/demo.sh BUILD_DIR OUT_DIR
set -euo pipefail
build="${1:-build}"; out="${2:-out/demo}"
root="$(cd "$(dirname "$0")/.." && pwd)"
sample="$root/.testdata/photos/chelsea.png"
host="$build/native/host/ofxhost"
mkdir -p "$out"
# Install the bundle (staged under the build folder) and let the host find it the way hosts do,
# through OFX_PLUGIN_PATH.
rm -rf "$build/stage"
DESTDIR="$build/stage" cmake --install "$build" >/dev/null
export OFX_PLUGIN_PATH="$build/stage/usr/OFX/Plugins"
nodes=(--node io.enhance.Upscale --param io.enhance.Upscale.scale=2)
plugins="$("$host" list 2>/dev/null | awk '/^io\.enhance\./{print $1}' | sort -u)"
grep -qx io.enhance.Dehalo <<<"$plugins" && nodes+=(--node io.enhance.Dehalo)
grep -qx io.enhance.Grain <<<"$plugins" && nodes+=(--node io.enhance.Grain)
echo "demo: rendering ${sample##*/} through ${nodes[*]}"
start=$(date +%s.%N)
"$host" render "${nodes[@]}" --input "$sample" --output "$out/after.png" --output-format uint16
end=$(date +%s.%N)
cp "$sample" "$out/before.png"
# Side by side at the output size: the input enlarged by pixel repetition (what you had) next to the result.
read -r w h < <(oiiotool --info "$out/after.png" | sed -E 's/.*: *([0-9]+) x +([0-9]+).*/\1 \2/')
oiiotool "$out/before.png" --ch R,G,B --resize:filter=box "${w}x${h}" "$out/after.png" --ch R,G,B --mosaic 2x1 -o "$out/side-by-side.png"
printf 'demo: wrote %s/before.png, after.png (%sx%s), side-by-side.png in %.1f s\n' "$out" "$w" "$h" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')"
