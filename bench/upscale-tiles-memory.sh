#!/usr/bin/env bash
# Upscale with the default model under a tiling, multi-threaded host (issue 17), through the real
# bundle in the reference host. Needs ./build.sh first.
#   bench/upscale-tiles-memory.sh [BUILD_DIR]
# Prints
#  - the time of a frame rendered in 64-px tiles on 4 threads against the same frame untiled, run
#    alternately in this script (read the ratio: these machines are shared and noisy), and whether
#    the two frames are identical;
#  - peak resident memory of ×2 renders at 1280×800 and 1920×1080 with 1/4/16/64 host threads
#    (64-px tiles when threaded) and Memory budgets of 512/1024/4096 MiB, also as the part above the
#    same frame rendered Classical (the host's images and the runtime), and the 16-px-tile,
#    64-thread case that used to pass 8 GB for a 256×170 output.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
host="$build/native/host/ofxhost"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
rm -rf "$build/stage"; DESTDIR="$build/stage" cmake --install "$build" >/dev/null
plugins="$build/stage/usr/OFX/Plugins"
photo="$root/.testdata/photos/Garden.jpg"
for size in 1280x800 1920x1080 128x85; do oiiotool "$photo" --ch R,G,B --resize "$size" -o "$tmp/in-$size.png"; done

render() { # render SIZE OUTPUT BUDGET [ofxhost options...] → prints "seconds peak_kB"
  local size=$1 out=$2 budget=$3; shift 3
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$host" render --no-default-paths --plugin-path "$plugins" \
    --node io.enhance.Upscale --param io.enhance.Upscale.scale=2 --param "io.enhance.Upscale.memoryBudget=$budget" \
    --input "$tmp/in-$size.png" --output "$out" --output-format float "$@" >/dev/null 2>"$tmp/err" \
    || { echo "render failed: $(cat "$tmp/err")" >&2; exit 1; }
  cat "$tmp/time"
}

echo "== tiled vs untiled: 1280x800 -> 2560x1600, default model, budget 1024 MiB (3 alternating pairs)"
for i in 1 2 3; do
  read -r whole _ < <(render 1280x800 "$tmp/whole.exr" 1024)
  read -r tiled _ < <(render 1280x800 "$tmp/tiled.exr" 1024 --tile 64 --threads 4)
  echo "$whole $tiled"
done | sort -n | awk '{w[NR] = $1; t[NR] = $2} END {printf "  untiled %.1f s, 64-px tiles on 4 threads %.1f s: %.2fx (median pair)\n", w[2], t[2], t[2] / w[2]}'
if oiiotool "$tmp/whole.exr" "$tmp/tiled.exr" --diff --fail 0 >/dev/null 2>&1; then echo "  tiled frame identical to untiled"; else echo "  tiled frame DIFFERS from untiled"; fi

echo "== peak resident memory (MiB), x2 with the default model: RSS (RSS above the same frame rendered Classical, 1 thread)"
echo "   the Memory budget covers the model path (network runs, its renders' pictures, kept cells); the host's images and the runtime are the Classical figure"
printf '  %-10s %-8s' size threads; for b in 512 1024 4096; do printf ' budget%-9s' "$b"; done; echo
for size in 1280x800 1920x1080; do
  read -r _ classical < <(render "$size" "$tmp/c.exr" 1024 --param io.enhance.Upscale.model=0)
  for threads in 1 4 16 64; do
    printf '  %-10s %-8s' "$size" "$threads"
    for budget in 512 1024 4096; do
      if [ "$threads" = 1 ]; then opts=(); else opts=(--tile 64 --threads "$threads"); fi
      read -r _ kb < <(render "$size" "$tmp/m.exr" "$budget" "${opts[@]}")
      printf ' %-15s' "$((kb / 1024)) (+$(((kb - classical) / 1024)))"
    done
    echo
  done
  echo "  $size Classical, 1 thread: $((classical / 1024)) MiB"
done
read -r _ kb < <(render 128x85 "$tmp/s.exr" 1024 --tile 16 --threads 64)
echo "  128x85 -> 256x170 in 16-px tiles on 64 threads, budget 1024: $((kb / 1024)) MiB"
