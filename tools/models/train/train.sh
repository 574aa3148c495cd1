#!/usr/bin/env bash
# The whole recipe of the live-action models, from a clean checkout, in one command:
#   tools/models/train/train.sh [WORKDIR]        (default .cache/train; ~1 h on 2 CPU cores)
# data (Debian packages) -> patches -> H.264 pools -> Faithful x2/x4 -> Crisp x2/x4 -> ONNX
# (fp32, fp16, fixtures) into tools/models/train/models/ -> validation figures.
# Every step is seeded; torch runs deterministically, on the CPU one thread per training (the two
# scales train side by side), on a CUDA GPU when torch sees one. TRAIN_STEPS / CRISP_STEPS set the
# length, CHANNELS / DEPTH the network's width and depth (what ships: 4000 / 1500, 40 / 5).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="${1:-$root/.cache/train}"
py=/usr/bin/python3   # Debian's python3-torch / python3-onnx live in the system interpreter
steps="${TRAIN_STEPS:-4000}"
crisp_steps="${CRISP_STEPS:-1500}"
mkdir -p "$work/ckpt"

need=()
"$py" -c 'import torch' 2>/dev/null || need+=(python3-torch)
"$py" -c 'import onnx, numpy' 2>/dev/null || need+=(python3-onnx python3-numpy)
"$py" -c 'import PIL' 2>/dev/null || need+=(python3-pil)
command -v ffmpeg >/dev/null || need+=(ffmpeg)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

cd "$here"
export OMP_NUM_THREADS=1
"$py" data.py fetch "$work"
"$py" data.py patches "$work"
"$py" compress.py "$work" 2
"$py" compress.py "$work" 4

train() { # train SCALE PERSONALITY STEPS SEED [extra args]
  local scale=$1 personality=$2 n=$3 seed=$4; shift 4
  "$py" train.py "$work" --scale "$scale" --personality "$personality" --steps "$n" --channels "${CHANNELS:-40}" --depth "${DEPTH:-5}" \
    --seed "$seed" --out "$work/ckpt/$personality-x$scale.pt" "$@" > "$work/ckpt/$personality-x$scale.log" 2>&1
}
# Three stages per scale: the linear path by least squares and the body on plain Charbonnier
# (absolute error: quick to learn edges), then Faithful on the per-patch error relative to
# Lanczos (smooth pictures count as much as busy ones), then Crisp from Faithful.
pids=()
for scale in 2 4; do
  ( train "$scale" faithful-plain "$steps" 1 --lr 1e-3 --fit-linear 300 &&
    train "$scale" faithful "$crisp_steps" 2 --lr 3e-4 --init "$work/ckpt/faithful-plain-x$scale.pt" &&
    train "$scale" crisp "$crisp_steps" 3 --lr 3e-4 --init "$work/ckpt/faithful-x$scale.pt" ) &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

for scale in 2 4; do
  for personality in faithful crisp; do
    "$py" export.py "$work" "$work/ckpt/$personality-x$scale.pt" "enhance-$personality-x$scale" "$here/models"
  done
  "$py" evaluate.py "$work" "$work/ckpt/faithful-x$scale.pt" "$work/ckpt/crisp-x$scale.pt" | tee "$work/validation-x$scale.txt"
done
