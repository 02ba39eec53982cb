#!/usr/bin/env bash
# Stop the production profile started by scripts/prod/up.sh (make down-prod). Stops only the
# processes whose pid files are under PROD_DIR; keeps the data (PostgreSQL, secrets) for the next
# start. `down.sh --purge` also deletes PROD_DIR.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
PROD_DIR=${PROD_DIR:-$root/var/prod}
pids="$PROD_DIR/pids"

stop_groups() {  # pid files: SIGTERM to each process group up.sh created, SIGKILL after 20 s
  local pidfile pid waiting=()
  for pidfile in "$@"; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
      waiting+=("$pid")
    fi
    rm -f "$pidfile"
  done
  for _ in $(seq 1 80); do
    local left=()
    for pid in "${waiting[@]}"; do kill -0 "$pid" 2>/dev/null && left+=("$pid"); done
    waiting=("${left[@]}")
    [ ${#waiting[@]} -gt 0 ] || return 0
    sleep 0.25
  done
  for pid in "${waiting[@]}"; do
    echo "process $pid did not stop in 20 s: killing its group" >&2
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
  done
}

if [ -f "$PROD_DIR/nginx/nginx.pid" ]; then
  nginx -p "$PROD_DIR/nginx" -c "$PROD_DIR/nginx/nginx.conf" -e "$PROD_DIR/logs/nginx-error.log" -s quit 2>/dev/null \
    || stop_groups "$PROD_DIR/nginx/nginx.pid"
fi
# nginx first, and wait for it: its keep-alive connections would hold Sanic's graceful shutdown.
for _ in $(seq 1 40); do [ -f "$PROD_DIR/nginx/nginx.pid" ] || break; sleep 0.25; done
shopt -s nullglob
stop_groups "$pids"/rasa-*.pid "$pids"/actions-*.pid "$pids"/review.pid "$pids"/web.pid "$pids"/scheduler-*.pid
if [ -f "$PROD_DIR/redis/redis.pid" ]; then
  pid=$(cat "$PROD_DIR/redis/redis.pid")
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$PROD_DIR/redis/redis.pid"
fi
if [ -f "$PROD_DIR/pg/data/postmaster.pid" ]; then
  pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)")
  as_pg=()
  [ "$(id -u)" -ne 0 ] || as_pg=(runuser -u postgres --)
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$PROD_DIR/pg/data" -m fast -w stop >/dev/null
fi
if [ "${1:-}" = "--purge" ]; then
  rm -rf "$PROD_DIR"
  echo "Stopped and deleted $PROD_DIR."
else
  echo "Stopped (data kept in $PROD_DIR)."
fi
