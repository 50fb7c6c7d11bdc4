#!/usr/bin/env bash
# The README's start command with no configuration at all: embedded PostgreSQL,
# migrations applied, landing page served, data kept across a restart, and a broken
# config refused with one line naming the field.
set -euo pipefail
cd "$(dirname "$0")/.."
unset DATABASE_URL
work=$(mktemp -d)
export EMBEDDED_DB_DIR="$work/pglite" PORT=3210 EMBEDDED_DB_PORT=54339
log="$work/start.log"
pid=

fail() {
  echo "SMOKE FAILED: $*"
  [ -f "$log" ] && tail -40 "$log"
  [ -n "$pid" ] && kill -INT -- "-$pid" 2>/dev/null
  exit 1
}

start_app() {
  # Its own process group, so that stopping it is like Ctrl-C in a terminal.
  setsid npm start >"$log" 2>&1 &
  pid=$!
  local t0=$SECONDS
  until curl -fsS -o /dev/null "http://localhost:$PORT/api/health" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || fail "npm start exited"
    [ $((SECONDS - t0)) -lt 600 ] || fail "npm start did not serve within 600 s"
    sleep 1
  done
  echo "started in $((SECONDS - t0)) s"
}

stop_app() {
  kill -INT -- "-$pid"
  local t0=$SECONDS
  while pgrep -g "$pid" >/dev/null; do
    [ $((SECONDS - t0)) -lt 30 ] || fail "the app did not stop within 30 s of Ctrl-C"
    sleep 0.2
  done
  pid=
  [ ! -e "$work/pglite.lock" ] || fail "the embedded database lock was not released"
}

psql_embedded() { psql -X -q -t -A -h 127.0.0.1 -p "$EMBEDDED_DB_PORT" -U postgres postgres -c "$1"; }

start_app
code=$(curl -s -o /dev/null -w '%{http_code}' -L "http://localhost:$PORT/")
[ "$code" = 200 ] || fail "GET / answered $code"
migrations=$(find prisma/migrations -mindepth 1 -maxdepth 1 -type d | wc -l)
curl -fsS "http://localhost:$PORT/api/health" | grep -q "\"migrations\":$migrations[,}]" || fail "migrations not applied (expected $migrations)"
psql_embedded "INSERT INTO stat_counters (campaign_id, key, shard, value) VALUES ('smoke', 'restart', 0, 42)"
stop_app

start_app
[ "$(psql_embedded "SELECT value FROM stat_counters WHERE campaign_id = 'smoke'")" = 42 ] || fail "data lost across a restart"
stop_app

echo '{"id": "Bad Id"}' >"$work/bad.json"
if CAMPAIGN_CONFIG="$work/bad.json" npm start >"$log" 2>&1; then fail "a broken campaign config was accepted"; fi
grep -q '^Invalid campaign config .* at id: ' "$log" || fail "the broken config was not named"
if DATABASE_URL=mysql://nope npm start >"$log" 2>&1; then fail "a broken DATABASE_URL was accepted"; fi
grep -q '^Invalid environment variable DATABASE_URL: ' "$log" || fail "the broken env var was not named"

rm -rf "$work"
echo "embedded smoke test passed"
