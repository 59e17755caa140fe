#!/usr/bin/env bash
# Benchmark at national scale: bench/run.sh [N ...] (default 1000 10000 100000).
# First, the shared real reports (/work/shared/corpus/real or tests/fixtures/real) read over and
# over to a few MB. Then for each N: a synthetic corpus (cached in build-bench/work/corpus-N), and
#   - the baseline: reading the same files the same way and validating them as UTF-8, one thread;
#   - extraction alone (gongkai_extract_bench), one thread (as a fraction of the baseline) and
#     all cores (as a multiple of one thread);
#   - gongkai run into SQLite vs sqlite3 .import of the same rows (CSV) into a fresh warehouse;
#   - gongkai run into PostgreSQL vs psql \copy of the same rows into a fresh database, and the
#     same run with load.foreign_key_checks: always (every per-row check made);
#   - (the baseline, the extraction rows, the first runs and the bulk loads: fastest of
#     BENCH_TRIES, default 3, alternating)
#   - a re-run over the unchanged corpus, as a fraction of the first run (both databases);
#   - peak resident memory of each client process (/usr/bin/time -v);
#   - extraction of each original format (html, pdf, docx, ...) the shared corpus holds;
#   - at the largest N, every view of sql/marts queried on both databases (every row read by
#     the client, output discarded; wall time of the client process: sqlite3 with SELECT *;
#     psql with COPY (SELECT * ...) TO STDOUT, the query's time, and again with SELECT * and
#     -At, whose row printer adds its own CPU; PostgreSQL ANALYZEd first). bench/marts.sh N
#     does only this, fastest of 3 per view.
# BENCH_PARTS picks what is measured, a list of: real formats extract sqlite pg marts (default:
# all), e.g. BENCH_PARTS="extract pg" bench/run.sh 100000 for the PostgreSQL rows at 100,000.
# Prints one table at the end and writes it to build-bench/work/results.md. Exits non-zero on
# any failure; the PostgreSQL server it starts is stopped on exit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-bench
work=$build/work
sizes=("$@")
((${#sizes[@]})) || sizes=(1000 10000 100000)
cores=$(nproc)
# Loads into a fresh database and their bulk-load baselines are timed BENCH_TRIES times each,
# alternating, and the fastest of each kept: on shared machines a single pair is mostly noise.
tries=${BENCH_TRIES:-3}
mart_timeout=${BENCH_MART_TIMEOUT:-300}  # seconds per view; a slower one is reported as stopped
parts=" ${BENCH_PARTS:-real formats extract sqlite pg marts} "
for p in $parts; do
  [[ " real formats extract sqlite pg marts " == *" $p "* ]] || { echo "bench: unknown part in BENCH_PARTS: $p" >&2; exit 2; }
done
part() { [[ $parts == *" $1 "* ]]; }

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
# BENCH_PG_OPTS adds settings to the bench's server (both sides alike), as pg_ctl -o takes them,
# e.g. BENCH_PG_OPTS="-c shared_buffers=1GB -c max_wal_size=4GB" for a server configured as a
# deployment on this machine would be; unset, the test suite's defaults (scripts/pg_test_server.sh:
# shared_buffers 32MB, fsync off). Printed in the footnote.
bench_pg_opts=${BENCH_PG_OPTS:-}
PG_TEST_SERVER_OPTS="$bench_pg_opts" "$root/scripts/pg_test_server.sh" start "$pg" >/dev/null ||
  die "cannot start PostgreSQL"
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
  # The previous step's dirty pages (a 0.7 GB warehouse file) written out before the clock
  # starts, not during this step: otherwise whichever step follows a large write pays for it.
  sync
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$tv" "$@" || rc=$?
  t1=$(date +%s.%N)
  [[ $rc == 0 || ($rc == 1 && $(basename "$1") == gongkai) ]] || die "failed (exit $rc): $*"
  awk -v s="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" \
    '/Maximum resident set size/ { kb = $NF } END { printf "%.3f %.1f\n", s, kb / 1024 }' \
    "$tv" >"$out"
}
secs() { cut -d' ' -f1 "$1"; }
# keep_best OUT TRY: OUT becomes TRY if TRY was faster (or OUT does not exist yet).
keep_best() {
  [[ -f $1 ]] && awk -v a="$(secs "$2")" -v b="$(secs "$1")" 'BEGIN { exit !(a >= b) }' || cp "$2" "$1"
}
rss() { cut -d' ' -f2 "$1"; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.0f}" 'BEGIN { printf(f, (b > 0) ? a / b : 0) }'; }

# The bulk-load baselines load every table a run writes: the four base tables and the fact
# tables the load derives (loaders/fact_rows.*, sql/facts). The four base tables alone are timed
# beside them (the baseline before 2026-12-02, which had no counterpart for the fact rows).
tables=(report cell finding rule_result)
fact_tables=(report_fact report_applicant_fact report_rule_fact report_cross_year_fact)
all_tables=("${tables[@]}" "${fact_tables[@]}")
# count_sql TABLE...: one query summing the tables' row counts.
count_sql() {
  local q="SELECT 0" t
  for t in "$@"; do q+=" + (SELECT count(*) FROM $t)"; done
  echo "$q"
}
rows_sqlite() { sqlite3 "$1" "$(count_sql "${all_tables[@]}")"; }
rows_pg() { pgsql -At -d "$1" -c "$(count_sql "${all_tables[@]}")"; }

table="| N | MB | step | seconds | MB/s | reports/s | rows/s | peak RSS MB | ratio |
|---|---|---|---|---|---|---|---|---|"
# row N MB STEP SECONDS MB/S REPORTS/S ROWS/S RSS RATIO
row() {
  local line="|" f
  for f in "$@"; do line+=" $f |"; done
  table+=$'\n'"$line"
}

# run_row STEP RUN BULK BULK_SHORT: the row of a gongkai run (timed into RUN), its ratio that of
# its rows per second to those of the bulk load timed into BULK.
run_row() {
  local g i
  g=$(div "$rows" "$(secs "$2")")
  i=$(div "$rows" "$(secs "$3")")
  row "$n" "$mb" "$1" "$(secs "$2")" "$(div "$mb" "$(secs "$2")" %.1f)" \
    "$(div "$n" "$(secs "$2")")" "$g" "$(rss "$2")" "$(div "$g" "$i" %.2f) of $4"
}

# report DB FIRST BULK RERUN BULK_NAME BULK_SHORT BASE: the rows of one database's measurements;
# BASE is the bulk load of the four base tables alone, whose ratio column gives the first run's
# ratio to it.
report() {
  local f=$r/$2 b=$r/$3 re=$r/$4 b4=$r/$7 i
  i=$(div "$rows" "$(secs "$b")")
  run_row "$1: gongkai run" "$f" "$b" "$6"
  row "$n" "$mb" "$1: $5, every table the run writes" "$(secs "$b")" "" "" "$i" "$(rss "$b")" ""
  row "$n" "$mb" "$1: $5, the four base tables only" "$(secs "$b4")" "" "" \
    "$(div "$rows4" "$(secs "$b4")")" "$(rss "$b4")" \
    "gongkai run $(div "$(secs "$b4")" "$(secs "$f")" %.2f) of this"
  row "$n" "$mb" "$1: re-run, unchanged" "$(secs "$re")" "" "" "" "$(rss "$re")" \
    "$(div "$(secs "$re")" "$(secs "$f")" %.3f) of first run"
}

# extraction N MB REPEAT CONFIG DIR EXPECTED_OK: the baseline and the extraction rows of one corpus.
extraction() {
  local n=$1 mb=$2 repeat=$3 cfg=$4 dir=$5 want=$6 t out x="" base one ok k
  ((repeat > 1)) && x=" (corpus read ${repeat}x)"
  get() { sed -E "s|.* $1=([0-9.]+).*|\1|" <<<"$2"; }
  # faster OLD NEW: NEW if it took fewer seconds than OLD (or OLD is empty), else OLD.
  faster() {
    if [[ -z $1 ]] || awk -v a="$(get secs "$2")" -v b="$(get secs "$1")" 'BEGIN { exit !(a < b) }'
    then echo "$2"; else echo "$1"; fi
  }
  # The baseline and each extraction row alike: one untimed warm-up of each (page cache, the
  # binary's pages), then $tries tries alternating baseline, 1 thread, all cores; the fastest
  # of each kept. (One extraction try beside the fastest of several baselines made the
  # one-thread row the odd one out on a shared machine: 2.57 s in a run where 1.52 s was
  # measured by hand right after.)
  log "$n: read + validate UTF-8 and extraction, 1 and $cores thread(s), fastest of $tries"
  local best_base="" best_1="" best_n=""
  "$build/gongkai_extract_bench" --baseline --threads 1 --repeat "$repeat" "$dir" >/dev/null
  "$build/gongkai_extract_bench" --config "$cfg" --threads 1 --repeat "$repeat" "$dir" >/dev/null
  for ((k = 0; k < tries; ++k)); do
    out=$("$build/gongkai_extract_bench" --baseline --threads 1 --repeat "$repeat" "$dir")
    best_base=$(faster "$best_base" "$out")
    for t in 1 "$cores"; do
      out=$("$build/gongkai_extract_bench" --config "$cfg" --threads "$t" --repeat "$repeat" "$dir")
      ok=$(get ok "$out")
      [[ -z $want || $ok == "$want" ]] || die "extraction read $ok of $want reports: $out"
      if ((t == 1)); then best_1=$(faster "$best_1" "$out"); else best_n=$(faster "$best_n" "$out"); fi
    done
  done
  out=$best_base
  base=$(get MB/s "$out")
  row "$n" "$mb" "read + validate UTF-8, 1 thread$x, fastest of $tries" "$(get secs "$out")" "$base" \
    "$(get reports/s "$out")" "" "$(get peak_rss_MB "$out")" "baseline"
  for t in 1 "$cores"; do
    if ((t == 1)); then
      out=$best_1
      one=$(get MB/s "$out")
      ratio="$(div "$one" "$base" %.2f) of read+validate"
    else
      out=$best_n
      ratio="$(div "$(get MB/s "$out")" "$one" %.2f)x 1 thread; $(div "$(get MB/s "$out")" "$base" %.2f) of read+validate"
    fi
    row "$n" "$mb" "extract, $t thread(s)$x, fastest of $tries" "$(get secs "$out")" \
      "$(get MB/s "$out")" "$(get reports/s "$out")" "" "$(get peak_rss_MB "$out")" "$ratio"
  done
}

# marts NAME SQL QUERY_CMD...: one row per view of sql/marts, QUERY_CMD run with SQL appended
# (SQL a printf format for the view's name).
marts() {
  local db=$1 sql=$2 v t0 t1 rc secs
  shift 2
  for v in "$root"/sql/marts/*.sql; do
    v=$(basename "$v" .sql)
    t0=$(date +%s.%N)
    rc=0
    # shellcheck disable=SC2059
    timeout "$mart_timeout" "$@" "$(printf "$sql" "$v")" >/dev/null || rc=$?
    t1=$(date +%s.%N)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    ((rc == 124)) && secs="> $mart_timeout (stopped)"
    ((rc == 0 || rc == 124)) || die "$db: $(printf "$sql" "$v") failed (exit $rc)"
    row "$n" "$mb" "$db: $(printf "$sql" "$v")" "$secs" "" "" "" "" ""
  done
}

# The shared real reports, read over and over to a few MB: the same measurements on real layouts.
real=/work/shared/corpus/real
[[ -d $real ]] || real=$root/tests/fixtures/real
real_files=$(find "$real" -type f | wc -l)
real_bytes=$(find "$real" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
real_repeat=$(((4000000 + real_bytes - 1) / real_bytes))
part real && extraction "real ($real_files files)" "$(div "$real_bytes" 1e6 %.2f)" "$real_repeat" \
  "$root/config/gongkai.yaml" "$real" ""
# Each original format the readers take (HTML, PDF, DOCX, ...): the originals of the shared
# corpus, read over and over to ~2 MB; "ok" says how many of them extracted (0 = no reader yet).
originals=/work/shared/corpus/originals
[[ -d $originals ]] || originals=$root/tests/fixtures/originals
for ext in html pdf docx doc wps; do
  part formats || break
  fdir=$work/formats/$ext
  rm -rf "$fdir"
  mkdir -p "$fdir"
  find "$originals" -maxdepth 1 -type f -name "*.$ext" -exec cp {} "$fdir" \;
  fn=$(find "$fdir" -type f | wc -l)
  ((fn > 0)) || continue
  fbytes=$(find "$fdir" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
  frepeat=$(((2000000 + fbytes - 1) / fbytes))
  printf 'discover:\n  extensions: [.%s]\nidentify:\n  gazetteer: %s\nextract:\n  template_dir: %s\n' \
    "$ext" "$root/config/units.yaml" "$root/config/templates" >"$fdir.yaml"
  log "format .$ext: extraction, 1 thread"
  out=$("$build/gongkai_extract_bench" --config "$fdir.yaml" --threads 1 --repeat "$frepeat" "$fdir")
  fget() { sed -E "s|.* $1=([0-9.]+).*|\1|" <<<"$out"; }
  row ".$ext ($fn files)" "$(div "$fbytes" 1e6 %.2f)" "extract, 1 thread (read ${frepeat}x)" \
    "$(fget secs)" "$(fget MB/s)" "$(fget reports/s)" "" "$(fget peak_rss_MB)" \
    "ok $(fget ok) of $(fget reports)"
done
largest=$(printf '%s\n' "${sizes[@]}" | sort -n | tail -1)

for n in "${sizes[@]}"; do
  c=$work/corpus-$n
  # .done holds the generator's corpus version: a corpus of an older generator is regenerated
  # (2: a real-size gazetteer, the same for every N).
  if [[ $(cat "$c/.done" 2>/dev/null) != 2 ]]; then
    log "generating $n reports in $c"
    rm -rf "$c"
    "$build/gongkai_gen_corpus" --n "$n" --out "$c" --seed 1 >/dev/null
    echo 2 >"$c/.done"
  fi
  cat >"$c/gongkai.yaml" <<EOF
identify:
  gazetteer: $c/units.yaml
  divisions: $root/data/divisions
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

  part extract && extraction "$n" "$mb" "$repeat" "$cfg" "$c/reports" "$((n * repeat))"

  rows=""
  # --- SQLite ---
  if part sqlite; then
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
  imp=(sqlite3 "$r/import.db") imp4=(sqlite3 "$r/import.db")
  for t in "${all_tables[@]}"; do
    sqlite3 -csv "$db" "SELECT * FROM $t" >"$r/$t.csv"
    imp+=(".import --csv $r/$t.csv $t")
    if [[ " ${tables[*]} " == *" $t "* ]]; then imp4+=(".import --csv $r/$t.csv $t"); fi
  done
  rows4=$(sqlite3 "$db" "$(count_sql "${tables[@]}")")
  for ((k = 0; k < tries; ++k)); do
    rm -f "$r/import.db"
    "$build/gongkai" init -w "$r/import.db" -c "$cfg" -q
    timed "$r/try" "${imp[@]}"
    keep_best "$r/sqlite_import" "$r/try"
    [[ $(rows_sqlite "$r/import.db") == "$rows" ]] || die "SQLite: .import loaded a different row count"
    log "N=$n: SQLite, .import of the four base tables ($rows4 rows)"
    rm -f "$r/import.db"
    "$build/gongkai" init -w "$r/import.db" -c "$cfg" -q
    timed "$r/try" "${imp4[@]}"
    keep_best "$r/sqlite_import4" "$r/try"
    ((k + 1 < tries)) || break
    log "N=$n: SQLite, gongkai run into a fresh file again (try $((k + 2)) of $tries)"
    rm -f "$r/again.db"
    timed "$r/try" "$build/gongkai" run -i "$c/reports" -w "$r/again.db" -c "$cfg" -q
    keep_best "$r/sqlite1" "$r/try"
  done
  rm -f "$r/again.db"
  report 'SQLite' sqlite1 sqlite_import sqlite2 'sqlite3 .import' '.import' sqlite_import4
  ((n == largest)) && part marts && marts SQLite 'SELECT * FROM %s' sqlite3 "$db"
  fi

  if part pg; then

  # --- PostgreSQL ---
  gdb=gk_run_$n cdb=gk_copy_$n
  for d in $gdb $cdb; do
    pgsql "$pg_conn" -c "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d"
  done
  # The same run with every foreign-key check PostgreSQL would make (load.foreign_key_checks:
  # always), as a role that may not set session_replication_role loads: timed beside it.
  cfg_fk=$r/gongkai-fk-always.yaml
  { cat "$cfg"; printf 'load:\n  foreign_key_checks: always\n'; } >"$cfg_fk"
  log "N=$n: PostgreSQL, gongkai run"
  timed "$r/pg1" "$build/gongkai" run -i "$c/reports" -w "$pg_base dbname=$gdb user=postgres" -c "$cfg" -q
  prows=$(rows_pg "$pg_base dbname=$gdb user=postgres")
  [[ -z $rows || $prows == "$rows" ]] || die "PostgreSQL holds $prows rows, SQLite $rows"
  rows=$prows
  log "N=$n: PostgreSQL, re-run over the unchanged corpus"
  timed "$r/pg2" "$build/gongkai" run -i "$c/reports" -w "$pg_base dbname=$gdb user=postgres" -c "$cfg" -q
  [[ $(rows_pg "$pg_base dbname=$gdb user=postgres") == "$rows" ]] ||
    die "PostgreSQL: the re-run changed the row count"
  log "N=$n: PostgreSQL, \\copy of the same $rows rows"
  cp=() cp4=()
  for t in "${all_tables[@]}"; do
    pgsql -d "$pg_base dbname=$gdb user=postgres" -c "\\copy $t TO '$r/$t.pg.csv' CSV"
    cp+=(-c "\\copy $t FROM '$r/$t.pg.csv' CSV")
    if [[ " ${tables[*]} " == *" $t "* ]]; then cp4+=(-c "\\copy $t FROM '$r/$t.pg.csv' CSV"); fi
  done
  rows4=$(pgsql -At -d "$pg_base dbname=$gdb user=postgres" -c "$(count_sql "${tables[@]}")")
  # bulk TRY_FILE COPY_ARGS...: \copy into a fresh, initialised database, in one transaction.
  bulk() {
    local out=$1
    shift
    pgsql "$pg_conn" -c "DROP DATABASE IF EXISTS $cdb" -c "CREATE DATABASE $cdb"
    "$build/gongkai" init -w "$pg_base dbname=$cdb user=postgres" -c "$cfg" -q
    timed "$out" psql -X -q -v ON_ERROR_STOP=1 -d "$pg_base dbname=$cdb user=postgres" \
      -c "BEGIN" "$@" -c "COMMIT"
  }
  # fresh_run BEST CFG: gongkai run into a fresh database with CFG; BEST keeps the fastest.
  fresh_run() {
    pgsql "$pg_conn" -c "DROP DATABASE IF EXISTS $cdb" -c "CREATE DATABASE $cdb"
    timed "$r/try" "$build/gongkai" run -i "$c/reports" -w "$pg_base dbname=$cdb user=postgres" \
      -c "$2" -q
    keep_best "$1" "$r/try"
  }
  for ((k = 0; k < tries; ++k)); do
    bulk "$r/try" "${cp[@]}"
    keep_best "$r/pg_copy" "$r/try"
    [[ $(rows_pg "$pg_base dbname=$cdb user=postgres") == "$rows" ]] ||
      die "PostgreSQL: \\copy loaded a different row count"
    log "N=$n: PostgreSQL, \\copy of the four base tables ($rows4 rows)"
    bulk "$r/try" "${cp4[@]}"
    keep_best "$r/pg_copy4" "$r/try"
    ((k + 1 < tries)) || break
    log "N=$n: PostgreSQL, gongkai run into a fresh database again (try $((k + 2)) of $tries)"
    fresh_run "$r/pg1" "$cfg"
  done
  for ((k = 0; k < tries; ++k)); do
    log "N=$n: PostgreSQL, gongkai run with every foreign-key check (try $((k + 1)) of $tries)"
    fresh_run "$r/pg1fk" "$cfg_fk"
  done
  report 'PostgreSQL' pg1 pg_copy pg2 'psql \copy' '\copy' pg_copy4
  run_row "PostgreSQL: gongkai run, load.foreign_key_checks: always" "$r/pg1fk" "$r/pg_copy" \
    '\copy'
  # The planner's statistics as autovacuum leaves them after a bulk load (bench/marts.sh alike).
  ((n == largest)) && part marts && pgsql -d "$pg_base dbname=$gdb user=postgres" -c "ANALYZE"
  # The query's time: every row sent to the client (COPY … TO STDOUT, psql writes the bytes as
  # they come); and the same rows through psql's row printer (-At), which adds its own CPU.
  if ((n == largest)) && part marts; then
    marts PostgreSQL 'COPY (SELECT * FROM %s) TO STDOUT' \
      psql -X -q -v ON_ERROR_STOP=1 -d "$pg_base dbname=$gdb user=postgres" -c
    marts 'PostgreSQL, psql -At' 'SELECT * FROM %s' \
      psql -X -q -At -v ON_ERROR_STOP=1 -d "$pg_base dbname=$gdb user=postgres" -c
  fi
  for d in $gdb $cdb; do pgsql "$pg_conn" -c "DROP DATABASE $d WITH (FORCE)"; done  # a stopped mart query may linger
  fi
  rm -f "$r"/*.csv
done

table+=$'\n\n'"$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); rows = every row a run writes (report, cell, finding, rule_result and the fact tables report_fact, report_applicant_fact, report_rule_fact, report_cross_year_fact), which the bulk loads load too; the four base tables alone are timed beside them (the baseline until 2026-12-02); baseline = the same files read the same way and validated as UTF-8 (the floor any extractor pays); mart rows: wall time of the client process reading every row of the view, output discarded (PostgreSQL: COPY (SELECT * FROM view) TO STDOUT, and SELECT * through psql -At, whose row printer adds its own CPU); peak RSS of the client process (gongkai, sqlite3, psql), not the PostgreSQL server; a first run and its bulk-load baseline: the fastest of $tries tries each, alternating; PostgreSQL: the throw-away server of scripts/pg_test_server.sh (fsync off) with ${bench_pg_opts:-its defaults (shared_buffers 32MB)}, for both sides alike."
echo "$table" | tee "$work/results.md"
