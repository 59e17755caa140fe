#!/usr/bin/env bash
# The whole test suite: install what is missing (incl. the PostgreSQL server the tests start
# themselves), build with tests in build/ (RelWithDebInfo; scripts/setup.sh uses build-release/),
# run them with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_BUILD_TESTS=ON >/dev/null
cmake --build build
cd build
ctest --output-on-failure --timeout 600 -j2
