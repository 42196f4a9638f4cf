#!/usr/bin/env bash
# Copies the pinned front-end assets (USWDS 3, htmx 2) from tests/browser/node_modules
# into web/static/vendor/, which is committed and compiled into the binary. Only the
# files the pages use are copied: the minified CSS and JS, and the fonts and images
# that the CSS refers to with url(...). Run after changing versions in
# tests/browser/package.json (tools/bootstrap.sh installs node_modules).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
modules="$root/tests/browser/node_modules"
out="$root/web/static/vendor"
uswds="$modules/@uswds/uswds/dist"
htmx="$modules/htmx.org/dist"
[[ -d "$uswds" && -d "$htmx" ]] || { echo "vendor_assets: run 'npm ci' in tests/browser first" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/uswds/css" "$out/uswds/js" "$out/htmx"
cp "$uswds/css/uswds.min.css" "$out/uswds/css/"
cp "$uswds/js/uswds.min.js" "$uswds/js/uswds-init.min.js" "$out/uswds/js/"
cp "$htmx/htmx.min.js" "$out/htmx/"
# Every ../fonts/… and ../img/… the stylesheet names, so no url() 404s.
grep -o 'url([^)]*)' "$uswds/css/uswds.min.css" | sed -e 's/^url(//' -e 's/)$//' -e 's/["'\'']//g' -e 's/[?#].*//' |
  grep '^\.\./' | sort -u | while read -r rel; do
    src="$uswds/css/$rel"
    dst="$out/uswds/css/$rel"
    mkdir -p "$(dirname "$dst")"
    cp "$src" "$dst"
  done
# The sprite the JS components use for icons.
mkdir -p "$out/uswds/img"
cp "$uswds/img/sprite.svg" "$out/uswds/img/"
{
  echo "# web/static/vendor"
  echo "Third-party front-end assets, copied by tools/vendor_assets.sh from tests/browser/node_modules"
  echo "(pinned in tests/browser/package.json); do not edit by hand. Versions:"
  echo "- @uswds/uswds $(node -p "require('$modules/@uswds/uswds/package.json').version") (public domain / MIT / OFL fonts)"
  echo "- htmx.org $(node -p "require('$modules/htmx.org/package.json').version") (0BSD)"
  echo "The server serves each file also under a content-hashed name with a one-year cache lifetime."
} > "$out/README.md"
du -sh "$out"
