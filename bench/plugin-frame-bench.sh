#!/usr/bin/env bash
# Whole-frame figures through the real bundle, each next to a baseline measured in the same run
# (these machines are shared and noisy: read the ratios). Needs ./build.sh first.
#   bench/plugin-frame-bench.sh [BUILD_DIR]
# Prints: cold start (dlopen → every node described), the bridge's per-render overhead (classical
# Upscale ×2 of a 960×540 frame through the host vs the same Lanczos called directly in C#),
# realesr-animevideov3 ×2 through the plug-in vs ONNX Runtime alone vs the upstream
# realesrgan-ncnn-vulkan, GFLOP/s against the CPU's FP32 peak, and peak memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
host="$build/native/host/ofxhost"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
dotnet build -c Release "$root/bench/Enhance.Bench" -v q -nologo >/dev/null
bench="dotnet $root/bench/Enhance.Bench/bin/Release/net10.0/Enhance.Bench.dll"
models="$build/models"
upstream="$root/.cache/models/waifu2x-1.6.5/real-esrgan"
oiiotool "$root/.testdata/photos/Garden.jpg" --ch R,G,B --resize 960x540 -o "$tmp/frame.png"
oiiotool "$tmp/frame.png" --cut 256x256+352+142 -o "$tmp/crop.png"
ms() { awk '/ in [0-9.]+ ms/ {for (i = 1; i <= NF; i++) if ($i == "in") print $(i + 1)}'; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

echo "== cold start: dlopen, .NET boot and Describe of every node (ofxhost list, 3 runs)"
for i in 1 2 3; do
  s=$(date +%s.%N); "$host" list --no-default-paths --plugin-path "$build" >/dev/null 2>&1; e=$(date +%s.%N)
  awk -v a="$s" -v b="$e" 'BEGIN {printf "%.0f\n", (b - a) * 1000}'
done | median | awk '{print "  cold start (median):", $1, "ms"}'

echo "== bridge overhead: classical Upscale x2, 960x540 -> 1920x1080 RGBA float"
through=$("$host" render --no-default-paths --plugin-path "$build" --verbose --node io.enhance.Upscale \
  --param io.enhance.Upscale.model=0 --input "$tmp/frame.png" --output "$tmp/c.####.tif" --output-format float \
  --frames 0-6 2>/dev/null | ms | tail -n 6 | median)
direct=$($bench frame-lanczos 960 540 2)
# The host's own share (fetching the input, allocating and copying images) measured with its C test
# plug-in (a gain) on a frame of the output's size: what any plug-in pays in this host.
oiiotool "$tmp/frame.png" --resize 1920x1080 -o "$tmp/frame-out-size.png"
hostfloor=$("$host" render --no-default-paths --plugin-path "$build/native/host/tests/plugin/bundles" --verbose \
  --node io.enhance.test.Gain --input "$tmp/frame-out-size.png" --output "$tmp/g.####.tif" --output-format float \
  --frames 0-6 2>/dev/null | ms | tail -n 6 | median)
awk -v t="$through" -v d="$direct" -v h="$hostfloor" 'BEGIN {
  printf "  through the plug-in: %.1f ms/frame   direct C# Lanczos: %.1f ms (%.2fx)\n", t, d, t / d
  printf "  for scale: the host'"'"'s C test plug-in (a gain) at 1920x1080 costs %.1f ms/frame in the same host\n", h }'
echo "== realesr-animevideov3 x2, 960x540 -> 1920x1080"
/usr/bin/time -f "%M" -o "$tmp/rss" "$host" render --no-default-paths --plugin-path "$build" --verbose --node io.enhance.Upscale \
  --param io.enhance.Upscale.model=1 --input "$tmp/frame.png" --output "$tmp/a.####.tif" --output-format float \
  --frames 0-1 2>/dev/null | ms | tail -n 1 > "$tmp/plugin-ms"
plugin=$(cat "$tmp/plugin-ms"); rss=$(cat "$tmp/rss")
ort=$($bench frame-ort "$models/realesr-animevideov3-x2.onnx" 960 540)
s=$(date +%s.%N); "$upstream/realesrgan-ncnn-vulkan" -i "$tmp/crop.png" -o "$tmp/up.png" -n realesr-animevideov3 -s 2 \
  -m "$upstream/models" >/dev/null 2>&1 || echo "  (upstream binary failed: needs mesa-vulkan-drivers)"; e=$(date +%s.%N)
ncnn=$(awk -v a="$s" -v b="$e" 'BEGIN {print (b - a) * 1000 * (960 * 540) / (256 * 256)}')
# SRVGGNetCompact: conv 3→64, 15 × conv 64→64, conv 64→48, all 3×3, at input resolution.
flop=$(awk 'BEGIN {print (3*64 + 15*64*64 + 64*48) * 9 * 2 * 960 * 540}')
awk -v p="$plugin" -v o="$ort" -v n="$ncnn" -v f="$flop" -v r="$rss" 'BEGIN {
  printf "  through the plug-in: %.0f ms/frame   ONNX Runtime alone: %.0f ms (plug-in/ORT %.2fx)   upstream ncnn-vulkan on lavapipe (256x256 scaled): %.0f ms\n", p, o, p / o, n
  printf "  %.0f GFLOP per frame; plug-in %.1f GFLOP/s, ORT %.1f GFLOP/s = %.0f%% of the 2-core AVX2 FMA peak (~190 GFLOP/s)\n", f / 1e9, f / p / 1e6, f / o / 1e6, 100 * f / o / 1e6 / 190
  printf "  peak memory of the host process: %.0f MiB\n", r / 1024 }'

echo "== default live-action model (enhance-faithful-x2), 1920x1080 -> 3840x2160"
# The plug-in's overhead on the network: the whole node (cells, feathered blend, Lanczos base and
# detail blend, host copies) against ONNX Runtime alone running the same graph on the whole frame.
oiiotool "$root/.testdata/photos/Garden.jpg" --ch R,G,B --resize 1920x1080 -o "$tmp/hd.png"
plugin=$("$host" render --no-default-paths --plugin-path "$build" --verbose --node io.enhance.Upscale \
  --input "$tmp/hd.png" --output "$tmp/f.####.tif" --output-format float --frames 0-2 2>/dev/null | ms | tail -n 2 | median)
ort=$($bench frame-ort "$models/enhance-faithful-x2.onnx" 1920 1080)
awk -v p="$plugin" -v o="$ort" 'BEGIN {
  printf "  through the plug-in: %.2f s/frame   ONNX Runtime alone: %.2f s (plug-in/ORT %.2fx)\n", p / 1000, o / 1000, p / o }'
