#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite.
#
#   scripts/pg_test_server.sh start DIR   initdb a fresh cluster and start it, listening on a
#                                         Unix socket and on 127.0.0.1 at a free port; prints
#                                         the superuser conninfo
#   scripts/pg_test_server.sh stop DIR    stop it and remove DIR and the cluster
#
# The cluster (data, socket, logs) lives in its own /tmp/gongkai_pg.XXXXXX folder, which the
# server user can always reach (DIR may sit under a private 0700 folder, as a CI checkout does)
# and whose path is short enough for a Unix socket. After start, DIR holds:
#   server_dir the cluster folder
#   conninfo   superuser over the Unix socket, no password (trust), e.g.
#              "host=/tmp/gongkai_pg.XXXXXX port=PORT dbname=postgres user=postgres"
#   port       the TCP port on 127.0.0.1 (password authentication, scram-sha-256)
#   role       "USER PASSWORD" of a LOGIN role for password tests over TCP
#
# The cluster uses an ICU default collation (zh-Hans) like a Chinese production database, so
# that a view comparing or sorting text in the database's collation rather than byte order
# differs from SQLite and the parity tests see it. fsync is off: nothing here is kept.
#
# PostgreSQL refuses to run as root; when run as root the server runs as the "postgres" system
# user (the postgresql package creates it), or a "gongkai_test" system user created on demand.
# Any failure exits non-zero with the server log: the tests that need the server then fail.
#
# PG_TEST_SERVER_OPTS (optional) adds server settings after the defaults below, as pg_ctl -o
# takes them, e.g. PG_TEST_SERVER_OPTS="-c shared_buffers=1GB -c max_wal_size=4GB" for a
# benchmark server configured as a deployment would be; unset (the test suite), nothing changes.
set -euo pipefail

die() {
  echo "pg_test_server: $*" >&2
  exit 1
}

[[ $# -eq 2 ]] || die "usage: $0 start|stop DIR"
cmd=$1
dir=$2
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# DIR is wiped by start and removed by stop: only ever one this script made (marker file) or an
# empty one, so a mistyped DIR cannot delete anything else.
marker="$dir/.gongkai_pg_test"
if [[ ! -f "$marker" && -n "$(ls -A "$dir")" ]]; then
  die "$dir is not empty and was not made by this script; refusing to use it"
fi

bindir=""
if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
  bindir=$(pg_config --bindir)
fi
if [[ -z "$bindir" ]]; then
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" ]]; then bindir=$d; break; fi
  done
fi
[[ -n "$bindir" ]] || die "no PostgreSQL server binaries (initdb, pg_ctl) found; run scripts/deps.sh --test"

as_user=()
owner=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  owner=postgres
  if ! id -u "$owner" >/dev/null 2>&1; then
    owner=gongkai_test
    id -u "$owner" >/dev/null 2>&1 ||
      useradd --system --no-create-home --shell /usr/sbin/nologin "$owner" ||
      die "cannot create system user $owner"
  fi
  as_user=(runuser -u "$owner" --)
fi

pgctl() { "${as_user[@]}" "$bindir/pg_ctl" "$@"; }

srv=""
if [[ -f "$dir/server_dir" ]]; then
  srv=$(cat "$dir/server_dir")
  [[ "$srv" == /tmp/gongkai_pg.* ]] || die "unexpected server_dir in $dir: $srv"
fi

stop_server() {
  if [[ -n "$srv" && -f "$srv/data/postmaster.pid" ]]; then
    pgctl -D "$srv/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$srv" ]]; then rm -rf "$srv"; fi
}

case "$cmd" in
  stop)
    stop_server
    rm -rf "$dir"
    exit 0
    ;;
  start) ;;
  *) die "unknown command $cmd (start|stop)" ;;
esac

# A leftover from an interrupted run: stop it and start clean.
stop_server
find "$dir" -mindepth 1 -delete
touch "$marker"
srv=$(mktemp -d /tmp/gongkai_pg.XXXXXX)
echo "$srv" >"$dir/server_dir"
chmod 755 "$srv"
mkdir -p "$srv/data"
if [[ ${#as_user[@]} -gt 0 ]]; then
  chown "$owner" "$srv" "$srv/data"
  "${as_user[@]}" test -w "$srv" || die "user $owner cannot write $srv"
fi
chmod 700 "$srv/data"

locale_args=(--locale=C.UTF-8)
if [[ "$("$bindir/initdb" --help)" == *--icu-locale* ]]; then
  locale_args+=(--locale-provider=icu --icu-locale=zh-Hans)
fi
if ! "${as_user[@]}" "$bindir/initdb" -D "$srv/data" -U postgres --encoding=UTF8 \
    "${locale_args[@]}" --auth-local=trust --auth-host=scram-sha-256 --no-sync \
    --no-instructions >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  die "initdb failed in $srv/data"
fi

free_port() {
  # A random port no socket uses (IPv4 or IPv6 local address, any state). pg_ctl start is
  # retried with another port should one be taken in between.
  local -A used=()
  local _sl local_addr _rest port
  for f in /proc/net/tcp /proc/net/tcp6; do
    [[ -r $f ]] || continue
    while read -r _sl local_addr _rest; do
      [[ $local_addr == *:* ]] && used[$((16#${local_addr##*:}))]=1
    done < <(tail -n +2 "$f")
  done
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    [[ -z ${used[$port]:-} ]] && { echo "$port"; return 0; }
  done
  return 1
}

started=0
for attempt in 1 2 3 4 5; do
  port=$(free_port) || die "no free TCP port"
  opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$srv'"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
  opts+=" -c shared_buffers=32MB -c log_min_messages=warning"
  opts+="${PG_TEST_SERVER_OPTS:+ $PG_TEST_SERVER_OPTS}"
  if pgctl -D "$srv/data" -l "$srv/server.log" -o "$opts" -w -t 30 start >/dev/null 2>&1; then
    started=1
    break
  fi
  # Most likely the port was taken in between: try another one.
  pgctl -D "$srv/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
done
if ((started == 0)); then
  tail -n 30 "$srv/server.log" >&2 || true
  die "PostgreSQL did not start (log: $srv/server.log)"
fi

psql_admin() {
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$srv" -p "$port" -U postgres -d postgres "$@"
}
role_pw="gongkai-test-$RANDOM$RANDOM"
psql_admin -c "CREATE ROLE gongkai LOGIN CREATEDB PASSWORD '$role_pw'" >/dev/null ||
  die "cannot create the test role"

echo "$port" >"$dir/port"
echo "gongkai $role_pw" >"$dir/role"
conninfo="host=$srv port=$port dbname=postgres user=postgres"
echo "$conninfo" >"$dir/conninfo"
echo "$conninfo"
