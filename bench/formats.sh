#!/usr/bin/env bash
# Reports per second for each published format (issue 14): read + identify + extract +
# validate, no database, one thread, on the readers' fixtures (tests/fixtures/originals and
# generated/: the HTML pages, the generated DOCX, the WPS and chromium PDFs, and for comparison
# the same reports as text exports). Each folder's files are processed REPEAT times over.
# Usage: bench/formats.sh [REPEAT, default 50] [BUILD_DIR, default build-bench]
# Prints a Markdown table and writes BUILD_DIR/work/formats.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repeat="${1:-50}"
build="${2:-build-bench}"
if [[ ! -x "$build/gongkai_extract_bench" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGONGKAI_BUILD_TESTS=OFF >/dev/null
fi
ninja -C "$build" gongkai_extract_bench >/dev/null
work="$build/work/formats"
rm -rf "$work"
declare -A files=(
  [text]="tests/fixtures/real/pingtan_2023.tsv.txt tests/fixtures/real/sh_bgt_2019.tsv.txt tests/fixtures/real/huaian_szf_2024.pdf.txt"
  [html]="tests/fixtures/originals/pingtan_2023.html tests/fixtures/originals/sh_bgt_2019.html"
  [docx]="tests/fixtures/generated/pingtan_2023.docx"
  [pdf]="tests/fixtures/originals/huaian_szf_2024.pdf tests/fixtures/generated/pingtan_2023.pdf"
)
out="$build/work/formats.md"
mkdir -p "$work"
{
  echo "| format | files | reports | ok | MB | seconds | reports/s | MB/s |"
  echo "|---|---|---|---|---|---|---|---|"
} >"$out"
for fmt in text html docx pdf; do
  mkdir -p "$work/$fmt"
  n=0
  for f in ${files[$fmt]}; do cp "$f" "$work/$fmt/"; n=$((n + 1)); done
  line=$("$build/gongkai_extract_bench" --threads 1 --repeat "$repeat" "$work/$fmt")
  get() { sed -n "s|.*[ ^]$1=\([^ ]*\).*|\1|p" <<<" $line"; }
  echo "| $fmt | $n | $(get reports) | $(get ok) | $(get MB) | $(get secs) | $(get reports/s) | $(get MB/s) |" >>"$out"
done
cat "$out"
