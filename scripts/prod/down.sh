#!/usr/bin/env bash
# Stop the production profile started by scripts/prod/up.sh (make down-prod). Stops only the
# processes whose pid files are under PROD_DIR; keeps the data (PostgreSQL, secrets) for the next
# start. `down.sh --purge` also deletes PROD_DIR.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
PROD_DIR=${PROD_DIR:-$root/var/prod}
pids="$PROD_DIR/pids"

stop_group() {  # pid file: SIGTERM to the process group up.sh created, SIGKILL after 20 s
  local pidfile=$1 pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$(basename "$pidfile" .pid) did not stop in 20 s: killing it" >&2
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$pidfile"
}

if [ -f "$PROD_DIR/nginx/nginx.pid" ]; then
  nginx -p "$PROD_DIR/nginx" -c "$PROD_DIR/nginx/nginx.conf" -e "$PROD_DIR/logs/nginx-error.log" -s quit 2>/dev/null \
    || stop_group "$PROD_DIR/nginx/nginx.pid"
  for _ in $(seq 1 40); do [ -f "$PROD_DIR/nginx/nginx.pid" ] || break; sleep 0.25; done
fi
for pidfile in "$pids"/rasa-*.pid; do stop_group "$pidfile"; done
for pidfile in "$pids"/actions-*.pid; do stop_group "$pidfile"; done
stop_group "$pids/review.pid"
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
