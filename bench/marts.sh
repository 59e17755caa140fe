#!/usr/bin/env bash
# Mart query times at N reports on SQLite and PostgreSQL: bench/marts.sh N (default 100000).
# Generates the synthetic corpus (gongkai_gen_corpus --n N --seed 1, cached in
# build-bench/work/corpus-N as bench/run.sh does), loads it once with `gongkai run` into a fresh
# SQLite warehouse and into a fresh database of a throw-away PostgreSQL server
# (scripts/pg_test_server.sh; stopped on exit), runs ANALYZE on PostgreSQL (what autovacuum does
# after a bulk load), then reads every view of sql/staging and sql/marts fully (SELECT *, rows
# printed by the client, sqlite3 or psql -At, to /dev/null) and prints one line per view (all of
# sql/marts, and the staging views but stg_cell, stg_rule_result and stg_cross_year_result,
# which are every cell, rule result and cross-year result of the warehouse, for filtered
# queries):
#   view  rows  sqlite_seconds  postgres_seconds
# Each time is the fastest of BENCH_MART_TRIES (default 3) runs of the client process.
#
# For iterating on the SQL without reloading: bench/marts.sh --query SQLITE_DB PG_CONNINFO
# times the views of the warehouses given (after `gongkai init -w` on each has applied the
# views of the current build).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD:-$root/build-bench}
work=$build/work
tries=${BENCH_MART_TRIES:-3}
die() { echo "marts: $*" >&2; exit 1; }
log() { echo "marts: $*" >&2; }

# best_time CMD...: the fastest wall time (seconds) of `tries` runs of CMD, output discarded.
best_time() {
  local best="" k t0 t1 s
  for ((k = 0; k < tries; ++k)); do
    t0=$(date +%s.%N)
    "$@" >/dev/null || die "failed: $*"
    t1=$(date +%s.%N)
    s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    [[ -z $best ]] && best=$s
    best=$(awk -v a="$s" -v b="$best" 'BEGIN { print (a < b) ? a : b }')
  done
  echo "$best"
}

query() {
  local db=$1 conn=$2 f v rows
  printf '%-34s %9s %8s %8s\n' view rows sqlite postgres
  for f in "$root"/sql/staging/*.sql "$root"/sql/marts/*.sql; do
    v=$(sed -n 's/^CREATE VIEW \([a-z_0-9]*\) .*/\1/p' "$f" | head -1)
    [[ -n $v && $v != stg_cell && $v != stg_rule_result && $v != stg_cross_year_result ]] ||
      continue
    rows=$(sqlite3 "$db" "SELECT count(*) FROM $v")
    printf '%-34s %9s %8s %8s\n' "$v" "$rows" \
      "$(best_time sqlite3 "$db" "SELECT * FROM $v")" \
      "$(best_time psql -X -q -At -v ON_ERROR_STOP=1 -d "$conn" -c "SELECT * FROM $v")"
  done
}

if [[ ${1:-} == --query ]]; then
  (($# == 3)) || die "usage: $0 --query SQLITE_DB PG_CONNINFO"
  query "$2" "$3"
  exit 0
fi

n=${1:-100000}
command -v sqlite3 >/dev/null && command -v psql >/dev/null || "$root/scripts/deps.sh" --bench
[[ -f $build/build.ninja ]] ||
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C "$build" gongkai gongkai_gen_corpus >/dev/null
mkdir -p "$work"
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
  divisions: $root/data/divisions
extract:
  template_dir: $root/config/templates
EOF
r=$work/marts-$n
rm -rf "$r"
mkdir -p "$r"
pg=$r/pg
pg_started=0
cleanup() { ((pg_started)) && "$root/scripts/pg_test_server.sh" stop "$pg" >/dev/null 2>&1; true; }
trap cleanup EXIT
"$root/scripts/pg_test_server.sh" start "$pg" >/dev/null || die "cannot start PostgreSQL"
pg_started=1
pg_conn=$(<"$pg/conninfo")
conn="${pg_conn% dbname=*} dbname=marts user=postgres"
export PGOPTIONS="-c client_min_messages=warning"
psql -X -q -v ON_ERROR_STOP=1 -d "$pg_conn" -c "CREATE DATABASE marts"

# A copy of the binary, so that a rebuild while the loads run does not change it.
cp "$build/gongkai" "$r/gongkai"
# gongkai's exit code 1 (findings to review) counts as success.
load() { "$r/gongkai" run -i "$c/reports" -w "$1" -c "$c/gongkai.yaml" -q || (($? == 1)); }
log "N=$n: loading SQLite"
t0=$(date +%s)
load "$r/gongkai.db" || die "SQLite load failed"
log "N=$n: loading PostgreSQL ($(($(date +%s) - t0)) s for SQLite)"
t0=$(date +%s)
load "$conn" || die "PostgreSQL load failed"
log "N=$n: loaded ($(($(date +%s) - t0)) s for PostgreSQL); ANALYZE"
psql -X -q -v ON_ERROR_STOP=1 -d "$conn" -c "ANALYZE"
echo "N=$n, $(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD), build $(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' "$build/CMakeCache.txt"), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
query "$r/gongkai.db" "$conn"
