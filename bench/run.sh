#!/usr/bin/env bash
# Benchmark at national scale: bench/run.sh [N ...] (default 1000 10000 100000).
# For each N: a synthetic corpus (cached in build-bench/work/corpus-N), then
#   - extraction alone (gongkai_extract_bench), one thread and all cores;
#   - gongkai run into SQLite vs sqlite3 .import of the same rows (CSV) into a fresh warehouse;
#   - gongkai run into PostgreSQL vs psql \copy of the same rows into a fresh database;
#   - a re-run over the unchanged corpus, as a fraction of the first run (both databases);
#   - peak resident memory of each client process (/usr/bin/time -v).
# Prints one table at the end and writes it to build-bench/work/results.md. Exits non-zero on
# any failure; the PostgreSQL server it starts is stopped on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-bench
work=$build/work
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000 100000)
cores=$(nproc)

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

command -v /usr/bin/time >/dev/null && command -v sqlite3 >/dev/null &&
  command -v psql >/dev/null || "$root/scripts/deps.sh" --bench
[[ -f $build/build.ninja ]] ||
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" gongkai gongkai_extract_bench gongkai_gen_corpus >/dev/null
mkdir -p "$work"

pg=$work/pg
pg_started=0
cleanup() { ((pg_started)) && "$root/scripts/pg_test_server.sh" stop "$pg" >/dev/null 2>&1; true; }
trap cleanup EXIT
"$root/scripts/pg_test_server.sh" start "$pg" >/dev/null || die "cannot start PostgreSQL"
pg_started=1
pg_conn=$(<"$pg/conninfo")
pg_base=${pg_conn% dbname=*}  # "host=DIR port=PORT"
pgsql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
export PGOPTIONS="-c client_min_messages=warning"

# timed OUT CMD...: runs CMD under /usr/bin/time -v; OUT gets "seconds peak_rss_MB".
# gongkai's exit code 1 (findings to review) counts as success.
timed() {
  local out=$1 tv=$work/time.txt rc=0 t0 t1
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$tv" "$@" || rc=$?
  t1=$(date +%s.%N)
  [[ $rc == 0 || ($rc == 1 && $(basename "$1") == gongkai) ]] || die "failed (exit $rc): $*"
  awk -v s="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
    '/Maximum resident set size/ { kb = $NF } END { printf "%.3f %.1f\n", s, kb / 1024 }' \
    "$tv" >"$out"
}
secs() { cut -d' ' -f1 "$1"; }
rss() { cut -d' ' -f2 "$1"; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.0f}" 'BEGIN { printf(f, (b > 0) ? a / b : 0) }'; }

tables=(report cell finding rule_result)
rows_sqlite() {
  sqlite3 "$1" "SELECT (SELECT count(*) FROM report) + (SELECT count(*) FROM cell) +
                       (SELECT count(*) FROM finding) + (SELECT count(*) FROM rule_result)"
}
rows_pg() {
  pgsql -At -d "$1" -c "SELECT (SELECT count(*) FROM report) + (SELECT count(*) FROM cell) +
                        (SELECT count(*) FROM finding) + (SELECT count(*) FROM rule_result)"
}

table="| N | MB | step | seconds | MB/s | reports/s | rows/s | peak RSS MB | ratio |
|---|---|---|---|---|---|---|---|---|"
# row N MB STEP SECONDS MB/S REPORTS/S ROWS/S RSS RATIO
row() {
  local line="|" f
  for f in "$@"; do line+=" $f |"; done
  table+=$'\n'"$line"
}

# report DB FIRST BULK RERUN BULK_NAME BULK_SHORT: the rows of one database's measurements.
report() {
  local f=$r/$2 b=$r/$3 re=$r/$4 g i
  g=$(div "$rows" "$(secs "$f")")
  i=$(div "$rows" "$(secs "$b")")
  row "$n" "$mb" "$1: gongkai run" "$(secs "$f")" "$(div "$mb" "$(secs "$f")" %.1f)" \
    "$(div "$n" "$(secs "$f")")" "$g" "$(rss "$f")" "$(div "$g" "$i" %.2f) of $6"
  row "$n" "$mb" "$1: $5" "$(secs "$b")" "" "" "$i" "$(rss "$b")" ""
  row "$n" "$mb" "$1: re-run, unchanged" "$(secs "$re")" "" "" "" "$(rss "$re")" \
    "$(div "$(secs "$re")" "$(secs "$f")" %.3f) of first run"
}

for n in "${sizes[@]}"; do
  c=$work/corpus-$n
  if [[ ! -f $c/.done ]]; then
    log "generating $n reports in $c"
    rm -rf "$c"
    "$build/gongkai_gen_corpus" --n "$n" --out "$c" --seed 1 >/dev/null
    touch "$c/.done"
  fi
  cat >"$c/gongkai.yaml" <<EOF
identify:
  gazetteer: $c/units.yaml
extract:
  template_dir: $root/config/templates
EOF
  cfg=$c/gongkai.yaml
  r=$work/run-$n
  rm -rf "$r"
  mkdir -p "$r"
  mb=$(find "$c/reports" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }')
  find "$c/reports" -type f -exec cat {} + >/dev/null  # page cache warm for every step alike
  repeat=$(((10000 + n - 1) / n))  # at least 10 000 reports per extraction measurement

  for t in 1 "$cores"; do
    log "N=$n: extraction, $t thread(s)"
    out=$("$build/gongkai_extract_bench" --config "$cfg" --threads "$t" --repeat "$repeat" \
      "$c/reports")
    ok=$(sed -E 's/.* ok=([0-9]+).*/\1/' <<<"$out")
    [[ $ok == $((n * repeat)) ]] || die "extraction read $ok of $((n * repeat)) reports: $out"
    get() { sed -E "s|.* $1=([0-9.]+).*|\1|" <<<"$out"; }
    x=""
    ((repeat > 1)) && x=" (corpus read ${repeat}x)"
    row "$n" "$mb" "extract, $t thread(s)$x" "$(get secs)" "$(get MB/s)" "$(get reports/s)" "" \
      "$(get peak_rss_MB)" ""
  done

  # --- SQLite ---
  log "N=$n: SQLite, gongkai run"
  db=$r/gongkai.db
  timed "$r/sqlite1" "$build/gongkai" run -i "$c/reports" -w "$db" -c "$cfg" -q
  rows=$(rows_sqlite "$db")
  loaded=$(sqlite3 "$db" "SELECT count(*) FROM report WHERE status='loaded'")
  [[ $loaded == "$n" ]] || die "SQLite: $loaded of $n reports loaded"
  log "N=$n: SQLite, re-run over the unchanged corpus"
  timed "$r/sqlite2" "$build/gongkai" run -i "$c/reports" -w "$db" -c "$cfg" -q
  [[ $(rows_sqlite "$db") == "$rows" ]] || die "SQLite: the re-run changed the row count"
  log "N=$n: SQLite, .import of the same $rows rows"
  imp=(sqlite3 "$r/import.db")
  for t in "${tables[@]}"; do
    sqlite3 -csv "$db" "SELECT * FROM $t" >"$r/$t.csv"
    imp+=(".import --csv $r/$t.csv $t")
  done
  "$build/gongkai" init -w "$r/import.db" -c "$cfg" -q
  timed "$r/sqlite_import" "${imp[@]}"
  [[ $(rows_sqlite "$r/import.db") == "$rows" ]] || die "SQLite: .import loaded a different row count"
  report 'SQLite' sqlite1 sqlite_import sqlite2 'sqlite3 .import' '.import'

  # --- PostgreSQL ---
  gdb=gk_run_$n cdb=gk_copy_$n
  for d in $gdb $cdb; do
    pgsql "$pg_conn" -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d"
  done
  log "N=$n: PostgreSQL, gongkai run"
  timed "$r/pg1" "$build/gongkai" run -i "$c/reports" -w "$pg_base dbname=$gdb user=postgres" -c "$cfg" -q
  prows=$(rows_pg "$pg_base dbname=$gdb user=postgres")
  [[ $prows == "$rows" ]] || die "PostgreSQL holds $prows rows, SQLite $rows"
  log "N=$n: PostgreSQL, re-run over the unchanged corpus"
  timed "$r/pg2" "$build/gongkai" run -i "$c/reports" -w "$pg_base dbname=$gdb user=postgres" -c "$cfg" -q
  [[ $(rows_pg "$pg_base dbname=$gdb user=postgres") == "$rows" ]] ||
    die "PostgreSQL: the re-run changed the row count"
  log "N=$n: PostgreSQL, \\copy of the same $rows rows"
  cp=()
  for t in "${tables[@]}"; do
    pgsql -d "$pg_base dbname=$gdb user=postgres" -c "\\copy $t TO '$r/$t.pg.csv' CSV"
    cp+=(-c "\\copy $t FROM '$r/$t.pg.csv' CSV")
  done
  "$build/gongkai" init -w "$pg_base dbname=$cdb user=postgres" -c "$cfg" -q
  timed "$r/pg_copy" psql -X -q -v ON_ERROR_STOP=1 -d "$pg_base dbname=$cdb user=postgres" \
    -c "BEGIN" "${cp[@]}" -c "COMMIT"
  [[ $(rows_pg "$pg_base dbname=$cdb user=postgres") == "$rows" ]] ||
    die "PostgreSQL: \\copy loaded a different row count"
  report 'PostgreSQL' pg1 pg_copy pg2 'psql \copy' '\copy'
  for d in $gdb $cdb; do pgsql "$pg_conn" -c "DROP DATABASE $d"; done
  rm -f "$r"/*.csv
done

table+=$'\n\n'"$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); rows = report + cell + finding + rule_result rows; peak RSS of the client process (gongkai, sqlite3, psql), not the PostgreSQL server."
echo "$table" | tee "$work/results.md"
