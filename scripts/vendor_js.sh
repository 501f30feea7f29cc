#!/usr/bin/env bash
# Fetch the dashboard's JavaScript libraries, the world map and the API docs
# pages (Swagger UI, ReDoc) from npm into the package, so the dashboard and
# /docs work with no internet. Versions are pinned; run
# again to reproduce the committed files (needs npm and tar, nothing else).
set -euo pipefail
cd "$(dirname "$0")/.."

dest=src/eventwire/server/dashboard/vendor
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$dest"

# package@version  file-inside-package  file-in-vendor
files=(
  "echarts@6.1.0 dist/echarts.min.js echarts.min.js"
  "echarts@6.1.0 LICENSE LICENSE-echarts.txt"
  "gridjs@6.2.0 dist/gridjs.umd.js gridjs.umd.js"
  "gridjs@6.2.0 dist/theme/mermaid.min.css gridjs-mermaid.min.css"
  "gridjs@6.2.0 LICENSE LICENSE-gridjs.txt"
  "topojson-client@3.1.0 dist/topojson-client.min.js topojson-client.min.js"
  "topojson-client@3.1.0 LICENSE LICENSE-topojson-client.txt"
  "world-atlas@2.0.2 countries-110m.json countries-110m.json"
  "world-atlas@2.0.2 LICENSE LICENSE-world-atlas.txt"
  "world-atlas@2.0.2 README.md README-world-atlas.md"
  "swagger-ui-dist@5.35.0 swagger-ui-bundle.js swagger-ui-bundle.js"
  "swagger-ui-dist@5.35.0 swagger-ui.css swagger-ui.css"
  "swagger-ui-dist@5.35.0 favicon-32x32.png favicon-32x32.png"
  "swagger-ui-dist@5.35.0 LICENSE LICENSE-swagger-ui.txt"
  "swagger-ui-dist@5.35.0 NOTICE NOTICE-swagger-ui.txt"
  "redoc@2.5.4 bundles/redoc.standalone.js redoc.standalone.js"
  "redoc@2.5.4 bundles/redoc.standalone.js.LICENSE.txt LICENSE-redoc-bundled.txt"
  "redoc@2.5.4 LICENSE LICENSE-redoc.txt"
)

for row in "${files[@]}"; do
  read -r spec inner target <<<"$row"
  dir="$work/${spec//[@\/]/_}"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir"
    tarball="$(cd "$work" && npm pack --silent "$spec" 2>/dev/null | tail -n 1)"
    tar -xzf "$work/$tarball" -C "$dir"
  fi
  cp "$dir/package/$inner" "$dest/$target"
done

( cd "$dest" && sha256sum ./*.js ./*.css ./*.json ./*.png | sort -k 2 > SHA256SUMS )
echo "vendored into $dest:"
ls -l "$dest"
