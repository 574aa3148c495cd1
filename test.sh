#!/usr/bin/env bash
# Runs every test: builds what build.sh builds, then the native tests (ctest: reference host,
# shim) and the .NET tests (xunit: effects, bridge, ABI mirror, end-to-end through the bundle).
# Ends with one summary line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
set -e
tools/install-prerequisites.sh
tools/fetch-testdata.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
# The end-to-end tests load the bundle from a real (staged) install, the way hosts find it.
rm -rf build/stage
DESTDIR="$PWD/build/stage" cmake --install build >/dev/null
set +e

export ENHANCE_BUILD_DIR="$PWD/build"
mkdir -p build/test-logs
ctest --test-dir build --output-on-failure 2>&1 | tee build/test-logs/ctest.log
ctest_rc=${PIPESTATUS[0]}
dotnet test Plugins.sln -c Release --logger "console;verbosity=minimal" 2>&1 | tee build/test-logs/dotnet.log
dotnet_rc=${PIPESTATUS[0]}

passed=0; failed=0
if line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests failed out of [0-9]+' build/test-logs/ctest.log | tail -1); then
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line"); bad=$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$line")
  passed=$((passed + total - bad)); failed=$((failed + bad))
fi
while read -r f p; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  grep -E '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' build/test-logs/dotnet.log \
    | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+).*/\1 \2/')
echo "tests: $passed passed, $failed failed"
[ "$ctest_rc" -eq 0 ] && [ "$dotnet_rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
