#!/usr/bin/env bash
# Installs the Debian packages gongkai needs that are missing.
# Usage: scripts/deps.sh [--test|--bench]
# (The readers need libxml2 (HTML), libzip + pugixml (DOCX) and poppler-cpp (PDF); libmimalloc-dev
# is the allocator the extracting programs link, see CMakeLists.txt; libyaml-dev reads the
# national-size units.yaml, config/units_file.h.)
# (--test adds what the test suite needs: GoogleTest, and the PostgreSQL server that
# scripts/pg_test_server.sh runs a throw-away cluster of. "postgresql" brings initdb, pg_ctl and
# psql (postgresql-15, postgresql-client-15), ICU, and the "postgres" system user the server
# runs as when the tests run as root; runuser is in util-linux, which Debian always has.
# python3-openpyxl: the export test reads the xlsx back with Debian's /usr/bin/python3.
# chromium + Node.js/npm: the quality page test (tests/browser) drives Debian's chromium with
# puppeteer-core, installed from the npm registry by `npm ci` in tests/browser (pinned by its
# package-lock.json; no browser download).
# --bench adds what bench/run.sh needs: "time" (/usr/bin/time -v for peak memory) and postgresql.)
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config sqlite3 libsqlite3-dev libspdlog-dev
      libyaml-cpp-dev libyaml-dev libssl-dev libcli11-dev libpqxx-dev nlohmann-json3-dev
      libxlsxwriter-dev
      libxml2-dev libzip-dev libpugixml-dev libpoppler-cpp-dev libmimalloc-dev)
if [[ "${1:-}" == "--test" ]]; then
  pkgs+=(libgtest-dev postgresql python3-openpyxl chromium)
  command -v npm >/dev/null || pkgs+=(nodejs npm)
elif [[ "${1:-}" == "--bench" ]]; then
  pkgs+=(time postgresql)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} > 0)); then
  echo "gongkai: installing ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [[ "${1:-}" == "--test" ]]; then
  browser="$(cd "$(dirname "$0")/../tests/browser" && pwd)"
  if [[ ! -f "$browser/node_modules/.package-lock.json" ||
        "$browser/package-lock.json" -nt "$browser/node_modules/.package-lock.json" ]]; then
    echo "gongkai: npm ci in tests/browser" >&2
    (cd "$browser" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
