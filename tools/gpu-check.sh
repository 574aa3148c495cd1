#!/usr/bin/env bash
# tools/gpu-check.sh — the one-command CUDA check for a session that is lent an NVIDIA GPU.
#
#   tools/gpu-check.sh pack     here (needs .NET and a finished `cmake --build build`): writes
#                               build/gpucheck/payload.tar.xz, everything the GPU machine lacks (it has
#                               no .NET, no OpenImageIO): the bundle with its private .NET runtime, a
#                               library-free ofxhost (.pfm images only), the test runner and test
#                               assemblies, the test photos. Must stay under ~60 MiB (carry limit 64).
#   tools/gpu-check.sh run      on the GPU machine: unpacks the payload, runs the CUDA conformance
#                               and end-to-end cases on the single-source kernels and on the ILGPU ones,
#                               then the benchmark at 3840x2160 for both. ~7 minutes.
#   tools/gpu-check.sh bench [--gpu cuda|opencl] [--size WxH] [--frames N]
#                               the benchmark alone: ms per frame per node, CPU vs GPU, and the
#                               host<->device bytes the plug-in copied per frame (ENHANCE_GPU_STATS=1).
#                               Here it runs with the normal build: tools/gpu-check.sh bench --gpu opencl
#
# The device call (one call; the payload travels with `carry`):
#   run(command="tools/gpu-check.sh run 2>&1 | tee $OUT/gpu-check.log", carry=["build/gpucheck"], timeout_s=560)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
PAYLOAD=$REPO/build/gpucheck/payload.tar.xz
UPSCALE=io.enhance.Upscale DEHALO=io.enhance.Dehalo GRAIN=io.enhance.Grain

die() { echo "gpu-check: $*" >&2; exit 1; }

# ------------------------------------------------------------------------------------------ pack
pack() {
  [ -d build/Enhance.ofx.bundle ] || die "no build/Enhance.ofx.bundle: run cmake --build build first"
  local stage=build/gpucheck/stage
  rm -rf build/gpucheck && mkdir -p "$stage"/{host/lib,plugins,testdata}

  # ofxhost without OpenImageIO (its ~360 MB of libraries) and without OpenCL (no ICD loader there).
  # Its CUDA GoogleTests (test_cuda_mode.cpp, .pfm only) and their C test plug-in come along.
  cmake -S . -B build/gpucheck-host -G Ninja -DCMAKE_BUILD_TYPE=Release -DOFXHOST_WITH_OIIO=OFF \
    -DOFXHOST_WITH_OPENCL=OFF -DBUILD_TESTING=ON >/dev/null
  cmake --build build/gpucheck-host --target ofxhost ofxhost_tests GainTestPlugin >/dev/null
  cp build/gpucheck-host/native/host/ofxhost "$stage/host/"
  mkdir -p "$stage/host/tests"
  cp build/gpucheck-host/native/host/tests/ofxhost_tests "$stage/host/tests/"
  cp -a build/gpucheck-host/native/host/tests/plugin/bundles "$stage/host/tests/"
  ldd "$stage/host/ofxhost" | awk '/libImath/ {print $3}' | xargs -r -I{} cp -L {} "$stage/host/lib/"

  # The bundle as installed, minus the models no check uses (their catalogue entries go with them),
  # and minus ONNX Runtime's CUDA provider (290 MB, 186 MB as xz: more than one device call carries;
  # its manifest line goes with it, so the shim's bundle check still passes). Without it the network
  # runs on the CPU session between tensor copies there (the staging runner), which the checks allow.
  cp -a build/Enhance.ofx.bundle "$stage/plugins/"
  local arch=$stage/plugins/Enhance.ofx.bundle/Contents/Linux-x86-64
  rm -f "$arch/managed/libonnxruntime_providers_cuda.so"
  sed -i '\| managed/libonnxruntime_providers_cuda.so$|d' "$arch/runtime.manifest"
  local models=$stage/plugins/Enhance.ofx.bundle/Contents/Resources/models
  python3 - "$models" <<'EOF'
import json, os, sys
models = sys.argv[1]
keep = {"enhance-faithful-x2", "enhance-faithful-x4", "enhance-faithful-x2-fp16", "realesr-animevideov3-x2"}
catalogue = json.load(open(os.path.join(models, "models.json")))
for m in catalogue["models"]:
    if m["name"] not in keep:
        os.remove(os.path.join(models, m["file"]))
catalogue["models"] = [m for m in catalogue["models"] if m["name"] in keep]
json.dump(catalogue, open(os.path.join(models, "models.json"), "w"), indent=2)
EOF

  # The runner and the test assemblies (linux-x64 only; the plug-in's ONNX Runtime is in the bundle).
  dotnet publish tools/GpuCheck.Runner -c Release -r linux-x64 --self-contained false -o build/gpucheck-runner \
    -p:TreatWarningsAsErrors=false -nologo -v quiet >/dev/null
  cp -a build/gpucheck-runner "$stage/runner"
  (cd "$stage/runner" && rm -rf libonnxruntime*.so cs de es fr it ja ko pl pt-BR ru tr zh-Hans zh-Hant testhost.dll \
    Microsoft.TestPlatform.*.dll Microsoft.VisualStudio.*.dll xunit.runner.visualstudio.testadapter.dll)
  cp -a .testdata/photos "$stage/testdata/"

  tar -C "$stage" -cf - . | xz -6 -T2 > "$PAYLOAD"
  rm -rf "$stage"
  local mib=$(( $(stat -c %s "$PAYLOAD") / 1048576 ))
  echo "gpu-check: $PAYLOAD is $mib MiB"
  [ "$mib" -lt 60 ] || die "the payload is over 60 MiB; the device call carries 64 MiB with the working tree"
}

# ------------------------------------------------------------------------------------------ bench
# Median of a list of numbers (one per line).
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "n/a"; else if (NR%2) print v[(NR+1)/2]; else printf "%.2f\n", (v[NR/2]+v[NR/2+1])/2}'; }

# bench_case LABEL INPUT GPU FRAMES NODE-ARGS...: prints one table row.
bench_case() {
  local label=$1 input=$2 gpu=$3 frames=$4; shift 4
  local row="" bytes="" first=""
  for mode in cpu "$gpu"; do
    local log=$BENCH_DIR/$label.$mode.log gpuargs=()
    [ "$mode" = cpu ] || gpuargs=(--gpu "$mode")
    if ! ENHANCE_GPU_STATS=1 "$OFXHOST" render "$@" "${gpuargs[@]}" --verbose --frames "0-$((frames - 1))" \
        --input "$input" --output "$BENCH_DIR/$label.$mode.####.pfm" >"$log" 2>&1; then
      echo "gpu-check: $label in $mode mode failed:" >&2; tail -20 "$log" >&2; BENCH_FAILED=1
      row+=$(printf ' %12s' failed); continue
    fi
    grep -q "rendering on the CPU" "$log" && { echo "gpu-check: $label fell back to the CPU in $mode mode" >&2; BENCH_FAILED=1; }
    # Frame 0 carries the one-off costs (PTX load, ONNX session): time the others when there are any.
    local ms
    ms=$( (grep -o ' ms=[0-9.]*' "$log" || true) | cut -d= -f2 | awk -v n="$frames" 'n == 1 || NR > 1' | median)
    row+=$(printf ' %12s' "$ms")
    if [ "$mode" != cpu ]; then
      # Frame 0 alone: what the user waits for on the first frame (kernel load or compile, sessions).
      first=$( (grep -o ' ms=[0-9.]*' "$log" || true) | head -1 | cut -d= -f2)
      bytes=$( (grep -o 'bytes-to-host=[0-9]* bytes-to-device=[0-9]*' "$log" || true) | tail -1 | sed 's/bytes-to-host=//; s/ bytes-to-device=/ /')
      grep -q "backend=$GPU_NAME" "$log" || { echo "gpu-check: $label did not render with $GPU_NAME" >&2; BENCH_FAILED=1; }
    fi
  done
  printf '%-28s%s %14s %14s %14s\n' "$label" "$row" "${first:-n/a}" "${bytes%% *}" "${bytes##* }"
}

bench() {
  local gpu=cuda size=3840x2160 frames=3
  while [ $# -gt 0 ]; do
    case $1 in
      --gpu) gpu=$2; shift 2 ;;
      --size) size=$2; shift 2 ;;
      --frames) frames=$2; shift 2 ;;
      *) die "bench: unknown option $1" ;;
    esac
  done
  case $gpu in cuda) GPU_NAME=CUDA ;; opencl) GPU_NAME=OpenCL ;; *) die "bench: --gpu cuda or opencl" ;; esac
  : "${OFXHOST:=$REPO/build/native/host/ofxhost}"
  : "${OFX_PLUGIN_PATH:=$REPO/build/stage/usr/OFX/Plugins}"
  : "${RUNNER:=$REPO/build/gpucheck-runner/GpuCheck.Runner}"
  export OFX_PLUGIN_PATH
  [ -x "$OFXHOST" ] || die "no ofxhost at $OFXHOST"
  [ -x "$RUNNER" ] || die "no runner at $RUNNER (tools/gpu-check.sh pack builds it)"
  local w=${size%x*} h=${size#*x}
  BENCH_DIR=${BENCH_DIR:-$REPO/build/gpucheck-bench}
  rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR"
  BENCH_FAILED=0
  # Real photographs resized to the frame: the plate, and a half-size one for the 2x upscale.
  "$RUNNER" frame rocket "$w" "$h" "$BENCH_DIR/frame.pfm"
  "$RUNNER" frame rocket "$((w / 2))" "$((h / 2))" "$BENCH_DIR/half.pfm"
  echo "benchmark: ${w}x${h} output frames, median ms per frame (frames 1-$((frames - 1)) of 0-$((frames - 1))), $GPU_NAME via ofxhost --gpu $gpu"
  echo "kernels: ${ENHANCE_CUDA_KERNELS:-single source (Gpu/Kernels, PTX from clang)}"
  printf '%-28s %12s %12s %14s %14s %14s\n' node "CPU ms" "$GPU_NAME ms" "first frame ms" "bytes to host" "bytes to dev"
  bench_case upscale-classical-2x "$BENCH_DIR/half.pfm" "$gpu" "$frames" --node "$UPSCALE" --param "$UPSCALE.model=0" --param "$UPSCALE.scale=2"
  bench_case dehalo "$BENCH_DIR/frame.pfm" "$gpu" "$frames" --node "$DEHALO"
  bench_case grain "$BENCH_DIR/frame.pfm" "$gpu" "$frames" --node "$GRAIN" --param "$GRAIN.amount=0.05"
  [ "${BENCH_MODEL:-0}" = 1 ] && bench_case upscale-model-2x "$BENCH_DIR/half.pfm" "$gpu" 1 --node "$UPSCALE" --param "$UPSCALE.scale=2"
  if [ "$BENCH_FAILED" != 0 ]; then
    echo "gpu-check: benchmark: some renders failed or fell back to the CPU (logs in $BENCH_DIR)" >&2
    return 1
  fi
}

# ------------------------------------------------------------------------------------------ run
run() {
  [ -f "$PAYLOAD" ] || die "no $PAYLOAD: run tools/gpu-check.sh pack on the build machine and carry build/gpucheck"
  local root=/tmp/gpucheck
  rm -rf "$root" && mkdir -p "$root/build" && tar -xJf "$PAYLOAD" -C "$root"
  echo "== device"; nvidia-smi -L 2>&1 || true
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 || true
  export LD_LIBRARY_PATH=$root/host/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
  export DOTNET_ROOT=$root/plugins/Enhance.ofx.bundle/Contents/Linux-x86-64/dotnet
  export ENHANCE_OFXHOST=$root/host/ofxhost ENHANCE_OFX_PLUGIN_PATH=$root/plugins
  export ENHANCE_BUILD_DIR=$root/build ENHANCE_TESTDATA=$root/testdata
  export OFXHOST=$root/host/ofxhost OFX_PLUGIN_PATH=$root/plugins RUNNER=$root/runner/GpuCheck.Runner
  "$OFXHOST" list >/dev/null || die "ofxhost does not start here"
  echo "== ofxhost --gpu cuda (GoogleTest; the CUDA cases skip with the reason where cuInit or device 0 is missing)"
  local status=0
  mkdir -p "$root/build/gtest"
  OFXHOST_TEST_PLUGIN_DIR=$root/host/tests/bundles OFXHOST_TEST_WORK_DIR=$root/build/gtest \
    timeout 120 "$root/host/tests/ofxhost_tests" 2>&1 | tee "$root/build/gtest.log" || status=1
  # On the GPU machine a skip for want of CUDA is a failure: the CUDA rows of the suites below
  # would otherwise only check that CUDA is absent.
  if grep -q "no CUDA here" "$root/build/gtest.log"; then
    echo "gpu-check: CUDA is not usable on this machine (see the skips above); the CUDA checks cannot run" >&2
    status=1
  fi
  # Without an OpenCL loader on the GPU machine the OpenCL halves of the suites cannot run there.
  local skip=(--skip-rows-with OpenCL --skip-method Concurrent_renders_on_one_host_queue_each_match_the_CPU)
  [ "${GPU_CHECK_OPENCL:-0}" = 1 ] && skip=()
  echo "== CUDA conformance and end-to-end on the single-source kernels (OpenCL rows skipped unless GPU_CHECK_OPENCL=1)"
  timeout 300 "$RUNNER" tests "${skip[@]}" SingleSourceKernelTests CudaLayerTests CudaKernelsOnCpuTests GpuConformanceTests GpuGrainTests \
    GpuDehaloTests GpuClampAlphaTests GpuModelPrimitivesTests GpuHostSampleTests GpuTemporalStabilityTests UpscalePipelineDeviceTests StagingModelRunnerTests ModelOutputCheckTests CudaWiringTests GpuModeTests || status=1
  # The ILGPU kernels stay selectable until this run shows the single source equal to them; then they go.
  echo "== the same on the ILGPU kernels (ENHANCE_CUDA_KERNELS=ilgpu)"
  # (GpuHostSampleTests and ModelOutputCheckTests are left out: the ILGPU kernels have neither check.)
  ENHANCE_CUDA_KERNELS=ilgpu timeout 240 "$RUNNER" tests "${skip[@]}" GpuConformanceTests GpuGrainTests GpuDehaloTests \
    GpuModelPrimitivesTests GpuModeTests || status=1
  echo "== benchmark, single-source kernels"
  BENCH_DIR=$root/build/bench bench --gpu cuda --size "${GPU_CHECK_SIZE:-3840x2160}" --frames 3 || status=1
  echo "== benchmark, ILGPU kernels (same machine, same run: compare the two tables)"
  ENHANCE_CUDA_KERNELS=ilgpu BENCH_DIR=$root/build/bench-ilgpu bench --gpu cuda --size "${GPU_CHECK_SIZE:-3840x2160}" --frames 3 || status=1
  echo "gpu-check: $([ $status = 0 ] && echo passed || echo FAILED)"
  return $status
}

case ${1:-} in
  pack) pack ;;
  run) run ;;
  bench) shift; bench "$@" ;;
  *) sed -n '2,17p' "$0"; exit 2 ;;
esac
