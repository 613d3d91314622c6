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

echo "Installing ${missing[*]} with apt-get (a few minutes on a fresh machine)…"
export DEBIAN_FRONTEND=noninteractive
# Another apt or dpkg process (unattended upgrades on a fresh machine) holds the package manager's lock: wait for it,
# saying so, for at most 10 minutes, rather than failing at once. apt-get's own lock timeout does the waiting.
lock_wait=600
for lock in /var/lib/dpkg/lock-frontend /var/lib/apt/lists/lock; do
  if command -v fuser >/dev/null 2>&1 && fuser "$lock" >/dev/null 2>&1; then
    echo "Waiting for another package manager process to release $lock (up to ${lock_wait} s)…"
  fi
done
apt_opts=(-o "DPkg::Lock::Timeout=${lock_wait}")
echo "  apt-get update…"
apt-get "${apt_opts[@]}" update -qq
echo "  apt-get install (${#missing[@]} packages and their dependencies)…"
# One line per package unpacked, so a long install shows it is moving.
apt-get "${apt_opts[@]}" install -y -q "${missing[@]}" | grep --line-buffered -E '^(Unpacking|Setting up) ' | sed -u 's/^/    /' || true
for p in "${missing[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    echo "install-prerequisites.sh: $p could not be installed (see apt-get's messages above)." >&2
    exit 1
  fi
done
echo "Installed ${missing[*]}."
