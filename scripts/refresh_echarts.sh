#!/usr/bin/env bash
# Refreshes data/echarts/ (Apache ECharts, embedded in the page `gongkai report` writes) from
# the npm package echarts. Usage: scripts/refresh_echarts.sh [VERSION]
# (default: the version in data/echarts/VERSION). Needs npm and the package registry.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/data/echarts"
version="${1:-$(cat "$dest/VERSION")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "echarts@$version" >/dev/null)
tar -xzf "$work"/echarts-*.tgz -C "$work"
mkdir -p "$dest"
cp "$work/package/dist/echarts.min.js" "$dest/echarts.min.js"
cp "$work/package/LICENSE" "$dest/LICENSE"
cp "$work/package/NOTICE" "$dest/NOTICE"
echo "$version" > "$dest/VERSION"
ls -l "$dest"
