#!/usr/bin/env bash
# A throw-away PostgreSQL server for the test suite.
#
#   scripts/pg_test_server.sh start DIR   initdb a fresh cluster in DIR/data and start it,
#                                         listening on a Unix socket in DIR and on 127.0.0.1
#                                         at a free port; prints the superuser conninfo
#   scripts/pg_test_server.sh stop DIR    stop it and remove DIR
#
# After start, DIR holds:
#   conninfo   superuser over the Unix socket, no password (trust), e.g.
#              "host=DIR port=PORT dbname=postgres user=postgres"
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

stop_server() {
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    pgctl -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
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
mkdir -p "$dir/data"
# The server user needs to reach DIR (socket, data): every parent must be searchable.
if [[ ${#as_user[@]} -gt 0 ]]; then
  chown "$owner" "$dir" "$dir/data"
  "${as_user[@]}" test -w "$dir" || die "user $owner cannot write $dir (a parent directory is not searchable)"
fi
chmod 700 "$dir/data"
# A Unix socket path is limited to 107 bytes.
(( ${#dir} + 20 < 107 )) || die "DIR path too long for a Unix socket: $dir"

locale_args=(--locale=C.UTF-8)
if [[ "$("$bindir/initdb" --help)" == *--icu-locale* ]]; then
  locale_args+=(--locale-provider=icu --icu-locale=zh-Hans)
fi
if ! "${as_user[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --encoding=UTF8 \
    "${locale_args[@]}" --auth-local=trust --auth-host=scram-sha-256 --no-sync \
    --no-instructions >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log" >&2
  die "initdb failed in $dir/data"
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
  opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir'"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
  opts+=" -c shared_buffers=32MB -c log_min_messages=warning"
  if pgctl -D "$dir/data" -l "$dir/server.log" -o "$opts" -w -t 30 start >/dev/null 2>&1; then
    started=1
    break
  fi
  # Most likely the port was taken in between: try another one.
  stop_server
done
if ((started == 0)); then
  tail -n 30 "$dir/server.log" >&2 || true
  die "PostgreSQL did not start (log: $dir/server.log)"
fi

psql_admin() {
  "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
}
role_pw="gongkai-test-$RANDOM$RANDOM"
psql_admin -c "CREATE ROLE gongkai LOGIN CREATEDB PASSWORD '$role_pw'" >/dev/null ||
  die "cannot create the test role"

echo "$port" >"$dir/port"
echo "gongkai $role_pw" >"$dir/role"
conninfo="host=$dir port=$port dbname=postgres user=postgres"
echo "$conninfo" >"$dir/conninfo"
echo "$conninfo"
