#!/usr/bin/env bash
# Starts a local PostgreSQL for the monitoring store's tests (and for development).
# Idempotent: installs Debian's postgresql when missing, starts the first cluster, makes it listen on
# 127.0.0.1:5432 and sets the postgres user's password to 'postgres'.
# Usage (as root on Debian 12): bash scripts/start-postgres.sh
# Tests then read CSP_TEST_POSTGRES (default "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres").
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "start-postgres.sh: run as root (it installs and starts Debian's postgresql)." >&2
  exit 1
fi

if [ ! -d /usr/lib/postgresql ] || [ -z "$(ls -A /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "Installing postgresql…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi

version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
cluster=main
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
  pg_createcluster "$version" "$cluster" >/dev/null
fi

conf="/etc/postgresql/$version/$cluster/postgresql.conf"
before="$(md5sum "$conf")"
# Listen on loopback only, on the standard port.
sed -i -E "s/^#?listen_addresses\s*=.*/listen_addresses = '127.0.0.1'/" "$conf"
sed -i -E "s/^#?port\s*=.*/port = 5432/" "$conf"

status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $4}')"
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start
elif [ "$before" != "$(md5sum "$conf")" ]; then
  # Running with the old address or port: restart to pick up the change.
  pg_ctlcluster "$version" "$cluster" restart
fi

for _ in $(seq 1 30); do
  if pg_isready -q -h 127.0.0.1 -p 5432; then
    break
  fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

# Password authentication over TCP uses the default pg_hba rules (scram-sha-256 for 127.0.0.1).
if command -v runuser >/dev/null 2>&1; then
  runuser -u postgres -- psql -q -p 5432 -c "ALTER USER postgres WITH PASSWORD 'postgres';"
else
  su postgres -c "psql -q -p 5432 -c \"ALTER USER postgres WITH PASSWORD 'postgres';\""
fi
echo "PostgreSQL $version is running on 127.0.0.1:5432 (user postgres, password postgres)."
