#!/usr/bin/env bash
# Memory over thousands of renders: renders chains of Enhance nodes on a small photograph for
# thousands of frames through the installed bundle and prints, at several frame counts, the host
# process's RSS, the resident part of its main malloc heap ([heap] in smaps), glibc's own count of
# bytes in use and free inside all its arenas (mallinfo2, from heap-probe.c) and the .NET managed
# heap (dotnet-counters, when installed) — next to the same host running its own C test plug-in (a
# gain) in the same run. Slopes are KB per frame between the first and last count.
#   bench/soak-memory.sh [BUILD_DIR] [PLUGIN_DIR]
# BUILD_DIR: a cmake build (default build/), whose native/host/ofxhost and test plug-in are used.
# PLUGIN_DIR: where Enhance.ofx.bundle lies (default BUILD_DIR/stage/usr/OFX/Plugins, staged here).
# FRAMES="200 1000 3000" sets the checkpoints (the last is the frames rendered per chain).
# Needs: cc (for the probe), oiiotool; dotnet-counters (dotnet tool install -g dotnet-counters) optional.
# Reading it: a leak raises "malloc use" or "managed"; fragmentation raises "malloc free" with use
# flat, and costs RSS only while those free pages stay resident ("[heap] RSS"): malloc_trim gives
# them back but glibc still counts them as free.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
host="$build/native/host/ofxhost"
testplugins="$build/native/host/tests/plugin/bundles"
if [ -n "${2:-}" ]; then plugins="$(cd "$2" && pwd)"; else
  plugins="$build/stage/usr/OFX/Plugins"
  rm -rf "$build/stage"; DESTDIR="$build/stage" cmake --install "$build" >/dev/null
fi
read -r -a checkpoints <<<"${FRAMES:-200 1000 3000}"
last=${checkpoints[${#checkpoints[@]}-1]}
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cc -shared -fPIC -O2 -o "$tmp/heap-probe.so" "$root/bench/soak-memory/heap-probe.c" -lpthread
counters="$(command -v dotnet-counters || ls "$HOME/.dotnet/tools/dotnet-counters" 2>/dev/null || true)"
# The host renders 10% past the last checkpoint, so it is still running when that is read.
# A 40-pixel-wide photograph: each frame is cheap, so thousands of renders take a minute and any
# per-render growth shows against a small working set.
oiiotool "$root/.testdata/photos/Garden.jpg" --ch R,G,B --resize 40x0 -o "$tmp/in.png"

U=(--node io.enhance.Upscale --param io.enhance.Upscale.model=0)
D=(--node io.enhance.Dehalo)
DK=(--node io.enhance.Dehalo --key "io.enhance.Dehalo.strength@0=0" --key "io.enhance.Dehalo.strength@$last=1")
G=(--node io.enhance.Grain)
chains=(
  "host only (C gain x3)|$testplugins|--node io.enhance.test.Gain:a --node io.enhance.test.Gain:b --node io.enhance.test.Gain:c"
  "Upscale>Grain|$plugins|${U[*]} ${G[*]}"
  "Upscale>Dehalo|$plugins|${U[*]} ${D[*]}"
  "Upscale>Dehalo(keyed)|$plugins|${U[*]} ${DK[*]}"
  "Upscale>Dehalo(keyed)>Grain|$plugins|${U[*]} ${DK[*]} ${G[*]}"
)

# Sum of the managed heap after the last GC (all generations) and the GC's committed bytes, as
# dotnet-counters last reported them before the wall-clock second $2 (CSV rows: timestamp, provider, name, type, value).
managed_at() {
  [ -s "$1" ] || { echo "- -"; return; }
  awk -F, -v t="$2" '
    NR > 1 { split($1, d, /[\/ :]/); s = mktime(d[3] " " d[1] " " d[2] " " d[4] " " d[5] " " d[6]); if (s > t) exit
             if ($3 ~ /last_collection.heap.size/) { split($3, g, "generation="); heap[g[2]] = $5 }
             if ($3 ~ /memory.committed_size/) committed = $5 }
    END { h = 0; n = 0; for (k in heap) { h += heap[k]; n++ }
          if (n) printf "%.1f %.1f\n", h / 1048576, committed / 1048576; else print "- -" }' "$1"
}

printf '%-28s %6s | %8s %9s | %10s %11s | %8s %9s\n' chain frames "RSS MB" "[heap] RSS" "malloc use" "malloc free" managed "GC commit"
declare -A first_rss first_free first_frame
for entry in "${chains[@]}"; do
  IFS='|' read -r name dir args <<<"$entry"
  out="$tmp/out"; rm -rf "$out"; mkdir -p "$out"; : >"$tmp/probe"
  # shellcheck disable=SC2086 # $args is a list of words
  OFX_PLUGIN_PATH="$dir" SOAK_PROBE_OUT="$tmp/probe" LD_PRELOAD="$tmp/heap-probe.so" \
    "$host" render $args --input "$tmp/in.png" --output "$out/f.####.tif" --frames "0-$((last + last / 10 + 100))" >/dev/null 2>"$tmp/err" &
  pid=$!
  csv="$tmp/counters.csv"; rm -f "$csv"; cpid=""
  if [ -n "$counters" ] && [ "$dir" = "$plugins" ]; then
    for _ in $(seq 100); do compgen -G "${TMPDIR:-/tmp}/dotnet-diagnostic-$pid-*-socket" >/dev/null && break; sleep 0.1; done
    "$counters" collect -p "$pid" --format csv -o "$csv" --refresh-interval 1 --counters System.Runtime >/dev/null 2>&1 & cpid=$!
  fi
  rows=()
  for c in "${checkpoints[@]}"; do
    # ls -f: no sort, no stat; "." and ".." count too.
    while kill -0 "$pid" 2>/dev/null && [ "$(ls -f "$out" | wc -l)" -lt $((c + 2)) ]; do sleep 0.05; done
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    heap=$(awk '/\[heap\]/ {h = 1; next} h && /^Rss:/ {print $2; exit}' "/proc/$pid/smaps" 2>/dev/null || true)
    read -r _ used free _ <"$tmp/probe" || true
    [ -n "$rss" ] && [ -n "$heap" ] && [ -n "${free:-}" ] || break
    rows+=("$c $rss ${heap:-0} $used $free $(date +%s)")
  done
  wait "$pid" || { echo "ofxhost failed on $name:"; cat "$tmp/err"; exit 1; }
  [ "${#rows[@]}" -eq "${#checkpoints[@]}" ] || { echo "$name: the host ended before the last checkpoint"; exit 1; }
  [ -n "$cpid" ] && { wait "$cpid" || true; }
  for r in "${rows[@]}"; do
    read -r c rss heap used free when <<<"$r"
    read -r managed committed <<<"$(managed_at "$csv" "$when")"
    printf '%-28s %6d | %8.1f %9.1f | %10.1f %11.1f | %8s %9s\n' "$name" "$c" "$(echo "$rss/1024" | bc -l)" "$(echo "$heap/1024" | bc -l)" \
      "$(echo "$used/1048576" | bc -l)" "$(echo "$free/1048576" | bc -l)" "$managed" "$committed"
    name=""
  done
  read -r c0 rss0 heap0 _ free0 _ <<<"${rows[0]}"; read -r c1 rss1 heap1 _ free1 _ <<<"${rows[${#rows[@]}-1]}"
  awk -v a="$rss0" -v b="$rss1" -v ha="$heap0" -v hb="$heap1" -v fa="$free0" -v fb="$free1" -v n=$((c1 - c0)) 'BEGIN {
    printf "%-28s slope over %d frames: RSS %+.1f KB/frame, [heap] RSS %+.1f KB/frame, malloc free %+.1f KB/frame\n", "", n, (b - a) / n, (hb - ha) / n, (fb - fa) / 1024 / n }'
done
