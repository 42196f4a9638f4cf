#!/usr/bin/env bash
# Installs every Debian 12 package planwatch needs to build, test and run, by
# package name, and only those that are missing, so running it again costs a
# dpkg query. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache make
  # libraries (see ../shared/design/stack.md for why each)
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev
  # SOCI 4.0.3's soci-config.h defines SOCI_HAVE_BOOST, so <soci/soci.h> includes
  # boost/fusion, boost/optional, boost/date_time; libsoci-dev does not pull them in
  libboost-dev libboost-date-time-dev
  libzip-dev libpugixml-dev libpoppler-cpp-dev libxlsxwriter-dev
  libicu-dev libkainjow-mustache-dev nlohmann-json3-dev
  libcli11-dev libfmt-dev libspdlog-dev libsodium-dev
  librestinio-dev libasio-dev libhttp-parser-dev
  # reminders: the SMTP sender (services/smtp_sender.cc) is the only user of libcurl
  libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # reports: HTML -> PDF (WeasyPrint subprocess), chart PNGs for DOCX (cairo, libpng), IATI XML checks (xmllint)
  weasyprint fonts-dejavu-core libcairo2-dev libpango1.0-dev libpng-dev libxml2-utils
  # the PostgreSQL server that the test harness starts in a temp dir
  postgresql postgresql-contrib
  # test tools: JSON Schema checks, fixture generation, PDF text
  python3-jsonschema python3-docx poppler-utils
  # make bench: the DOCX reader is timed against `pandoc -t plain` (bench/parse_bench.cc)
  pandoc
  # DOCX -> PDF fixtures (tools/make_fixtures.py); libFuzzer targets (make fuzz)
  libreoffice-writer-nogui clang libclang-rt-dev
  # web: browser tests (Playwright drives Debian's chromium), make bench (wrk against us and nginx)
  chromium wrk nginx-light nodejs
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

# Browser tests and tools/vendor_assets.sh use the npm packages pinned in
# tests/browser/package.json (USWDS, htmx, playwright-core, axe-core).
install_npm() {
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
  if [[ -f "$dir/package-lock.json" && ! -d "$dir/node_modules" ]] && command -v npm >/dev/null; then
    echo "bootstrap: npm ci in tests/browser" >&2
    (cd "$dir" && npm ci --no-audit --no-fund >&2)
  fi
}

if ((${#missing[@]} == 0)); then
  install_npm
  exit 0
fi

echo "bootstrap: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_npm
