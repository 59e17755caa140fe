#!/usr/bin/env bash
# The quality page in a real headless browser (issue 13): builds a warehouse from the seeds,
# the shared real reports and one file that is no report (a failed file), runs twice (two runs
# in the run log), writes the page with `gongkai report`, and lets check_quality_page.js open it
# in Debian's chromium and compare every chart with the warehouse.
# Usage: tests/browser/quality_page_test.sh GONGKAI_BINARY   (registered in tests/CMakeLists.txt)
set -euo pipefail
gongkai="$1"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [[ ! -d "$here/node_modules/puppeteer-core" ]]; then
  echo "FAIL: tests/browser/node_modules is missing: run scripts/deps.sh --test (npm ci)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
cp "$root"/tests/fixtures/seeds/*.txt "$root"/tests/fixtures/real/*.txt "$work/in/"
printf '这不是一份年度报告。\n只是一张便条。\n' > "$work/in/note.txt"
run() {  # run EXPECTED_EXIT_CODES...
  set +e
  "$gongkai" -c "$root/config/gongkai.yaml" -q run -i "$work/in" -w "$work/w.db" 2>/dev/null
  local rc=$?
  set -e
  [[ " $* " == *" $rc "* ]] || { echo "FAIL: gongkai run exited $rc, expected $*" >&2; exit 1; }
}
run 3      # some files could not be read as reports (note.txt), the rest loaded
run 0 1 3  # nothing changed (whether a failed file is retried is the runner's business)
# A decision any SQL client may record (finding_review): 东木镇's prose-versus-table finding
# dismissed, so the findings chart has more than one review state.
sqlite3 "$work/w.db" "INSERT INTO finding_review (division_code, unit, year, kind, table_code,
  row_code, col_code, source_text, state, reason, reviewer, reviewed_at)
  SELECT COALESCE(division_code, ''), unit, year, kind, COALESCE(table_code, ''),
         COALESCE(row_code, ''), COALESCE(col_code, ''), COALESCE(raw, ''), 'dismissed',
         'prose counts differently', 'test', '2026-12-01T00:00:00Z'
  FROM mart_findings WHERE kind = 'narrative_mismatch'"
"$gongkai" -c "$root/config/gongkai.yaml" report -o "$work/quality.html" -w "$work/w.db"
cd "$here"
node check_quality_page.js "$work/quality.html" "$work/w.db"
