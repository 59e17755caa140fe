#!/usr/bin/env bash
# Mart query times at N reports on SQLite and PostgreSQL: bench/marts.sh N (default 100000).
# Generates the synthetic corpus (gongkai_gen_corpus --n N --seed 1, cached in
# build-bench/work/corpus-N as bench/run.sh does), loads it once with `gongkai run` into a fresh
# SQLite warehouse and into a fresh database of a throw-away PostgreSQL server
# (scripts/pg_test_server.sh; stopped on exit), runs ANALYZE on PostgreSQL (what autovacuum does
# after a bulk load), then reads every view of sql/staging and sql/marts fully (every row to
# the client, output to /dev/null) and prints one line per view (all of
# sql/marts, and the staging views but stg_cell, stg_rule_result and stg_cross_year_result,
# which are every cell, rule result and cross-year result of the warehouse, for filtered
# queries):
#   view  rows  sqlite_seconds  postgres_seconds  psql_At_seconds
# sqlite: `sqlite3 DB "SELECT * FROM view"` (rows printed by sqlite3). postgres: the query's
# time, `psql -c "COPY (SELECT * FROM view) TO STDOUT"` (the server sends every row as text and
# psql writes the bytes as they come). psql_At: `psql -At -c "SELECT * FROM view"`, the same
# rows through psql's row printer, which adds its own CPU (about 1 s for mart_unit_year's
# 5 million fields at 100,000 reports): what an analyst at a psql prompt waits, not what the
# warehouse costs. Each time is the fastest of BENCH_MART_TRIES (default 3) runs of the client
# process.
#
# For iterating on the SQL without reloading: bench/marts.sh --query SQLITE_DB PG_CONNINFO
# times the views of the warehouses given (after `gongkai init -w` on each has applied the
# views of the current build). bench/marts.sh --cpu SQLITE_DB PG_CONNINFO prints CPU seconds
# instead, what a busy machine changes much less than wall time:
#   view  rows  sqlite_cpu  postgres_cpu  (postgres_server + psql)
# sqlite_cpu is user + system time of the sqlite3 process (which does all of SQLite's work);
# postgres_server the backend's user + system time from /proc/PID/stat around the query
# (parallel workers off, so that one process does all the work; the server must run on this
# machine), psql the client's (it receives and prints every row). Best of BENCH_MART_TRIES.
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
  printf '%-34s %9s %8s %8s %8s\n' view rows sqlite postgres psql_At
  for f in "$root"/sql/staging/*.sql "$root"/sql/marts/*.sql; do
    v=$(sed -n 's/^CREATE VIEW \([a-z_0-9]*\) .*/\1/p' "$f" | head -1)
    [[ -n $v && $v != stg_cell && $v != stg_rule_result && $v != stg_cross_year_result ]] ||
      continue
    rows=$(sqlite3 "$db" "SELECT count(*) FROM $v")
    printf '%-34s %9s %8s %8s %8s\n' "$v" "$rows" \
      "$(best_time sqlite3 "$db" "SELECT * FROM $v")" \
      "$(best_time psql -X -q -v ON_ERROR_STOP=1 -d "$conn" -c "COPY (SELECT * FROM $v) TO STDOUT")" \
      "$(best_time psql -X -q -At -v ON_ERROR_STOP=1 -d "$conn" -c "SELECT * FROM $v")"
  done
}

# cpu_query DB CONN: the CPU seconds of each view, as described above.
cpu_query() {
  local db=$1 conn=$2 f v rows k s sbest pbest bbest cbest out c b a p tck
  tck=$(getconf CLK_TCK)
  printf '%-34s %9s %10s %12s %s\n' view rows sqlite_cpu postgres_cpu '(server + psql)'
  for f in "$root"/sql/staging/*.sql "$root"/sql/marts/*.sql; do
    v=$(sed -n 's/^CREATE VIEW \([a-z_0-9]*\) .*/\1/p' "$f" | head -1)
    [[ -n $v && $v != stg_cell && $v != stg_rule_result && $v != stg_cross_year_result ]] ||
      continue
    rows=$(sqlite3 "$db" "SELECT count(*) FROM $v")
    sbest=""; pbest=""
    for ((k = 0; k < tries; ++k)); do
      s=$({ /usr/bin/time -f "%U %S" sqlite3 "$db" "SELECT * FROM $v" >/dev/null; } 2>&1 |
        tail -1 | awk '{ print $1 + $2 }')
      [[ -z $sbest ]] || s=$(awk -v a="$s" -v b="$sbest" 'BEGIN { print (a < b) ? a : b }')
      sbest=$s
      out=$({ /usr/bin/time -f "CLIENT %U %S" psql -X -q -At -v ON_ERROR_STOP=1 -d "$conn" <<SQL
SET max_parallel_workers_per_gather = 0;
SELECT pg_backend_pid() AS pid \gset
\setenv GONGKAI_BENCH_PID :pid
\! cat /proc/\$GONGKAI_BENCH_PID/stat > $work/cpu_before
\o /dev/null
SELECT * FROM $v;
\o
\! cat /proc/\$GONGKAI_BENCH_PID/stat > $work/cpu_after
SQL
      } 2>&1) || die "psql failed on $v"
      c=$(awk '/^CLIENT/ { print $2 + $3 }' <<<"$out")
      b=$(awk '{ print $14 + $15 }' "$work/cpu_before")
      a=$(awk '{ print $14 + $15 }' "$work/cpu_after")
      p=$(awk -v a="$a" -v b="$b" -v t="$tck" 'BEGIN { printf "%.2f", (a - b) / t }')
      if [[ -z $pbest ]] || awk -v x="$p" -v y="$c" -v z="$pbest" 'BEGIN { exit !(x + y < z) }'; then
        pbest=$(awk -v x="$p" -v y="$c" 'BEGIN { printf "%.2f", x + y }'); bbest=$p; cbest=$c
      fi
    done
    printf '%-34s %9s %10s %12s (%s + %s)\n' "$v" "$rows" "$sbest" "$pbest" "$bbest" "$cbest"
  done
}

if [[ ${1:-} == --cpu ]]; then
  (($# == 3)) || die "usage: $0 --cpu SQLITE_DB PG_CONNINFO"
  mkdir -p "$work"
  echo "$(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
  cpu_query "$2" "$3"
  exit 0
fi

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
cpu_query "$r/gongkai.db" "$conn"
