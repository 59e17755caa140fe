#!/usr/bin/env bash
# Bounded libFuzzer run over read (text, HTML, DOCX, PDF) + extract: scripts/fuzz.sh [seconds,
# default 60].
# Builds with clang, AddressSanitizer and UBSan in build-fuzz/, seeds from tests/fixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scripts/deps.sh
command -v clang++ >/dev/null || { sudo=""; [[ $(id -u) -ne 0 ]] && sudo=sudo; $sudo apt-get install -y -qq clang >/dev/null; }
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DGONGKAI_FUZZ=ON -DGONGKAI_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" >/dev/null
cmake --build build-fuzz --target gongkai_fuzz
mkdir -p build-fuzz/corpus
cp tests/fixtures/seeds/*.txt tests/fixtures/real/*.txt build-fuzz/corpus/
# The readers' seeds (HTML, DOCX, PDF, DOC); max_len lets a whole DOCX/PDF through.
cp tests/fixtures/originals/* tests/fixtures/generated/* tests/fixtures/fuzz_regressions/* build-fuzz/corpus/
build-fuzz/gongkai_fuzz -max_total_time="$seconds" -max_len=524288 -timeout=10 -rss_limit_mb=4096 \
  build-fuzz/corpus
