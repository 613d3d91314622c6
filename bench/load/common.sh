# Shared by bench/load.sh and bench/load/cpu.sh (sourced, not run): a fresh PostgreSQL database on the server given by
# CSP_PG ("host port user password", default 127.0.0.1 5432 postgres postgres), `csp serve` instances over it, and an
# analyst signed in. The caller sets `repo`, `work` (a temporary folder) and `password` first, then calls:
#   csp_database NAME_PREFIX     creates the database: sets db, conn (CSP_CONNECTION_EXTRA is appended to conn)
#   csp_build                    builds csp in Release: sets csp (the dll)
#   csp_start PORT [ENV=VALUE…]  starts `csp serve` on 127.0.0.1:PORT, adds its pid to pids, waits until it answers
#   csp_sign_in PORT             signs analyst@example.org in (cookie jar $work/cookies): sets cookie
#   token_of                     reads HTML on standard input, prints its anti-forgery token
#   free_port                    prints a free TCP port on loopback
#   csp_cleanup                  stops the instances, drops the database, removes $work (install with trap … EXIT)

read -r pg_host pg_port pg_user pg_password <<<"${CSP_PG:-127.0.0.1 5432 postgres postgres}"
export PGHOST=$pg_host PGPORT=$pg_port PGUSER=$pg_user PGPASSWORD=$pg_password
pids=()
db=""

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

csp_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$db" ] && { psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true; }
  rm -rf "$work"
}

csp_database() {
  db="$1_$(date +%s)_$$"
  psql -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null
  conn="Host=$pg_host;Port=$pg_port;Database=$db;Username=$pg_user;Password=$pg_password;Maximum Pool Size=60${CSP_CONNECTION_EXTRA:-}"
}

csp_build() {
  dotnet build "$repo/src/CommunitySafety.Cli" -c Release -v quiet -nologo >&2
  csp="$repo/src/CommunitySafety.Cli/bin/Release/net10.0/csp.dll"
}

csp_start() {
  local port=$1; shift
  (cd "$work" && exec env Logging__LogLevel__Default=Warning "$@" dotnet "$csp" serve --monitoring-provider postgresql --monitoring-db "$conn" \
      --urls "http://127.0.0.1:$port" >"$work/instance-$port.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/account/sign-in" && return 0
    sleep 0.5
  done
  echo "instance on $port did not start; its log:" >&2; cat "$work/instance-$port.log" >&2; exit 1
}

csp_sign_in() {
  local port=$1 jar="$work/cookies" sign_in_token status
  sign_in_token=$(curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" | token_of)
  status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/sign-in" \
    --data-urlencode "email=analyst@example.org" --data-urlencode "password=$password" --data-urlencode "__RequestVerificationToken=$sign_in_token")
  [ "$status" = 302 ] || { echo "sign-in failed ($status)" >&2; exit 1; }
  cookie=$(awk -F'\t' '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " } /^#HttpOnly_/ { split($0, f, "\t"); printf "%s%s=%s", sep, f[6], f[7]; sep="; " }' "$jar")
  [ -n "$cookie" ] || { echo "no sign-in cookie" >&2; exit 1; }
}
