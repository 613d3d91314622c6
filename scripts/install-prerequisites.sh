#!/usr/bin/env bash
# Installs the system packages the tests use, from Debian's archive, when any is missing:
#   postgresql (monitoring store on PostgreSQL), chromium (PDF reports, browser tests),
#   libreoffice-writer-nogui (opens the Word reports), poppler-utils (pdftotext, pdftoppm), fonts,
#   wrk (the web load test, bench/load.sh and its smoke test).
# Idempotent and quiet when everything is there. Needs root (apt-get).
set -euo pipefail

packages=(postgresql chromium libreoffice-writer-nogui poppler-utils fonts-dejavu fonts-liberation wrk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-prerequisites.sh: these Debian packages are missing: ${missing[*]}; run this script as root (apt-get)." >&2
  exit 1
fi

echo "Installing ${missing[*]}…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
