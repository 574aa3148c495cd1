#!/usr/bin/env bash
# Builds everything (native shim, reference host, managed plug-in, models, Enhance.ofx.bundle) and
# runs the demo: the reference host renders the bundled sample through the real bundle, writing
# before/after images to out/demo/. Installs its own prerequisites on Debian 12 (+ .NET 10 SDK).
set -euo pipefail
cd "$(dirname "$0")"
tools/install-prerequisites.sh
tools/fetch-testdata.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
tools/demo.sh build out/demo
