#!/usr/bin/env bash
# Start the production profile on loopback, in the background (make up-prod; make down-prod stops):
#   PostgreSQL (tracker store + knowledge base), Redis (lock store), the action server with several
#   Sanic workers, RASA_SERVERS Rasa servers and nginx in front of them on PROD_PORT.
# Private processes with their own data, logs and pid files under PROD_DIR (default var/prod).
# Secrets come from the environment; any that is unset is generated once into
# PROD_DIR/secrets.env (mode 600) and reused on the next start.
set -euo pipefail
source "$(dirname "$0")/../env.sh"
cd "$root"

export PROD_DIR=${PROD_DIR:-$root/var/prod}
export PROD_HOST=${PROD_HOST:-127.0.0.1}
export PROD_PORT=${PROD_PORT:-8000}
export RASA_SERVERS=${RASA_SERVERS:-2}
export RASA_BASE_PORT=${RASA_BASE_PORT:-5105}
if [ -z "${RASA_PORTS:-}" ]; then
  RASA_PORTS=$(seq -s ' ' "$RASA_BASE_PORT" $((RASA_BASE_PORT + RASA_SERVERS - 1)))
fi
export RASA_PORTS
export ACTIONS_PORT=${PROD_ACTIONS_PORT:-5155}
export ACTIONS_PROXY_HOST=127.0.0.1
export ACTIONS_PROXY_PORT=${ACTIONS_PROXY_PORT:-5150}
# The action server: ACTION_SERVERS processes behind nginx (ports from PROD_ACTIONS_PORT up), each
# with ACTION_SERVER_SANIC_WORKERS Sanic workers.
export ACTION_SERVERS=${ACTION_SERVERS:-1}
export ACTION_SERVER_SANIC_WORKERS=${ACTION_SERVER_SANIC_WORKERS:-2}
ACTIONS_PORTS=$(seq -s ' ' "$ACTIONS_PORT" $((ACTIONS_PORT + ACTION_SERVERS - 1)))
export ACTIONS_PORTS
# nginx gives up on an action call after ACTION_TIMEOUT seconds (Rasa 3.6 would wait 5 minutes).
export ACTION_TIMEOUT=${ACTION_TIMEOUT:-10}
export POSTGRES_HOST=127.0.0.1
export POSTGRES_PORT=${POSTGRES_PORT:-5433}
export POSTGRES_USER=${POSTGRES_USER:-backbone}
export TRACKER_DB=${TRACKER_DB:-backbone_tracker}
export KNOWLEDGE_DB=${KNOWLEDGE_DB:-backbone}
export REDIS_HOST=127.0.0.1
export REDIS_PORT=${REDIS_PORT:-6380}
export REDIS_DB=${REDIS_DB:-1}
# Rate limits (nginx): per sender on the channels, and a looser one per client address.
export RATE_LIMIT=${RATE_LIMIT:-2r/s}
export RATE_BURST=${RATE_BURST:-10}
export ADDRESS_RATE_LIMIT=${ADDRESS_RATE_LIMIT:-20r/s}
export ADDRESS_RATE_BURST=${ADDRESS_RATE_BURST:-100}
export RATE_LIMIT_EXEMPT=${RATE_LIMIT_EXEMPT:-127.0.0.1/32}
export NGINX_WORKERS=${NGINX_WORKERS:-1}
# Rasa's SQL tracker store opens up to 150 connections per server by default; it uses one or two.
export SQL_POOL_SIZE=${SQL_POOL_SIZE:-4}
export SQL_MAX_OVERFLOW=${SQL_MAX_OVERFLOW:-4}
# One TensorFlow thread each way per server: several servers share two cores.
export TF_INTRA_OP_PARALLELISM_THREADS=${TF_INTRA_OP_PARALLELISM_THREADS:-1}
export TF_INTER_OP_PARALLELISM_THREADS=${TF_INTER_OP_PARALLELISM_THREADS:-1}
STARTUP_SECONDS=${STARTUP_SECONDS:-240}

logs="$PROD_DIR/logs" pids="$PROD_DIR/pids"
mkdir -p "$PROD_DIR"

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
for pidfile in "$pids"/*.pid "$PROD_DIR/nginx/nginx.pid" "$PROD_DIR/redis/redis.pid"; do
  if alive "$pidfile"; then
    echo "error: the production profile is already running in $PROD_DIR ($(basename "$pidfile" .pid)); run make down-prod first" >&2
    exit 1
  fi
done

# Whatever fails from here on, stop what was started.
trap 'status=$?; [ $status -eq 0 ] || { echo "error: start-up failed (exit $status); stopping what was started" >&2; "$root/scripts/prod/down.sh" >&2 || true; }' EXIT

export REVIEW_PORT=${PROD_REVIEW_PORT:-8190}
export WEB_PORT=${PROD_WEB_PORT:-8180}
mkdir -p "$logs" "$pids" "$PROD_DIR/nginx/tmp" "$PROD_DIR/redis"
# Logs name senders and hold what people wrote: readable by their owner only. nginx creates its
# files 0644, so they are made here first (it appends to existing files and keeps their mode).
chmod 700 "$logs"
(umask 077 && touch "$logs/nginx-access.log" "$logs/nginx-routed.log" "$logs/nginx-error.log")
chmod 600 "$logs/nginx-access.log" "$logs/nginx-routed.log" "$logs/nginx-error.log"
# Private: only root's services (postgres, nginx's workers) may pass through to their own parts.
if [ "$(id -u)" -eq 0 ]; then chmod 711 "$PROD_DIR"; else chmod 700 "$PROD_DIR"; fi

port_vars=(PROD_PORT ACTIONS_PROXY_PORT REDIS_PORT REVIEW_PORT WEB_PORT)
i=0
for port in $ACTIONS_PORTS; do export "ACTIONS_PORT_$i=$port"; port_vars+=("ACTIONS_PORT_$i"); i=$((i + 1)); done
# Our own PostgreSQL may still run from an earlier start (down.sh keeps data, not processes).
[ -f "$PROD_DIR/pg/data/postmaster.pid" ] || port_vars+=(POSTGRES_PORT)
i=0
for port in $RASA_PORTS; do export "RASA_PORT_$i=$port"; port_vars+=("RASA_PORT_$i"); i=$((i + 1)); done
"$APP_PY" -m backcare.ports "${port_vars[@]}"
dupes=$(for v in "${port_vars[@]}"; do echo "${!v}"; done | sort | uniq -d)
[ -z "$dupes" ] || { echo "error: port(s) $dupes configured twice: check the *_PORT variables" >&2; exit 1; }

# ---- secrets: environment first, else generated once into PROD_DIR/secrets.env -----------------
secrets="$PROD_DIR/secrets.env"
touch "$secrets" && chmod 600 "$secrets"
generated=()
for name in RASA_AUTH_TOKEN POSTGRES_PASSWORD REDIS_PASSWORD REVIEW_SECRET_KEY WEB_SESSION_SECRET; do
  if [ -n "${!name+set}" ] && [ -z "${!name//[[:space:]]/}" ]; then
    echo "error: $name is set but empty: set a value, or unset it to have one generated." >&2
    exit 2
  fi
  if [ -n "${!name:-}" ]; then continue; fi
  saved=$(sed -n "s/^$name=//p" "$secrets" | tail -n 1)
  if [ -z "$saved" ]; then
    saved=$("$APP_PY" -c 'import secrets; print(secrets.token_hex(24))')
    echo "$name=$saved" >>"$secrets"
    generated+=("$name")
  fi
  export "$name=$saved"
done
[ ${#generated[@]} -eq 0 ] || echo "Generated ${generated[*]} into $secrets (mode 600); export them to use your own."

# Non-secret settings, for down.sh, bench/load.py and the tests.
{
  for name in PROD_DIR PROD_HOST PROD_PORT RASA_PORTS ACTIONS_PORTS ACTIONS_PROXY_HOST ACTIONS_PROXY_PORT \
              POSTGRES_HOST POSTGRES_PORT POSTGRES_USER TRACKER_DB KNOWLEDGE_DB REDIS_HOST REDIS_PORT \
              REDIS_DB REVIEW_PORT WEB_PORT SQL_POOL_SIZE SQL_MAX_OVERFLOW \
              TF_INTRA_OP_PARALLELISM_THREADS TF_INTER_OP_PARALLELISM_THREADS; do
    printf '%s=%q\n' "$name" "${!name}"
  done
} >"$PROD_DIR/stack.env"

# ---- PostgreSQL ------------------------------------------------------------------------------
pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)")
[ -x "$pg_bin/pg_ctl" ] || { echo "error: PostgreSQL is not installed: run make system-packages" >&2; exit 1; }
pg_data="$PROD_DIR/pg/data" pg_sock="$PROD_DIR/pg/socket"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then as_pg=(runuser -u postgres --); fi
mkdir -p "$PROD_DIR/pg" "$pg_sock"
[ "$(id -u)" -ne 0 ] || chown -R postgres:postgres "$PROD_DIR/pg"
chmod 700 "$PROD_DIR/pg"
pg_admin=$([ "$(id -u)" -eq 0 ] && echo postgres || id -un)
if [ ! -f "$pg_data/PG_VERSION" ]; then
  echo "Initialising PostgreSQL in $pg_data..."
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U "$pg_admin" -E UTF8 --auth-local=trust \
    --auth-host=scram-sha-256 >"$logs/initdb.log"
fi
pg_ctl=("${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data")
"${pg_ctl[@]}" status >/dev/null 2>&1 || "${pg_ctl[@]}" -w -t 60 -l "$PROD_DIR/pg/postgres.log" \
  -o "-p $POSTGRES_PORT -k $pg_sock -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
psql_admin=("${as_pg[@]}" "$pg_bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_sock" -p "$POSTGRES_PORT" -U "$pg_admin" -d postgres)
# The role's password follows POSTGRES_PASSWORD on every start (passed on stdin, never in argv).
"${psql_admin[@]}" -v user="$POSTGRES_USER" -v password="$POSTGRES_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'user') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'user', :'password') \gexec
SQL
for db in "$TRACKER_DB" "$KNOWLEDGE_DB"; do
  "${psql_admin[@]}" -v db="$db" -v user="$POSTGRES_USER" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
done
export DATABASE_URL="postgresql://$POSTGRES_USER:$POSTGRES_PASSWORD@127.0.0.1:$POSTGRES_PORT/$KNOWLEDGE_DB"
export TRACKER_DB_URL="postgresql://$POSTGRES_USER:$POSTGRES_PASSWORD@127.0.0.1:$POSTGRES_PORT/$TRACKER_DB"

# ---- Redis (lock store: nothing to persist) ----------------------------------------------------
umask 077
cat >"$PROD_DIR/redis/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
requirepass $REDIS_PASSWORD
daemonize yes
pidfile $PROD_DIR/redis/redis.pid
logfile $logs/redis.log
dir $PROD_DIR/redis
save ""
appendonly no
EOF
umask 022
redis-server "$PROD_DIR/redis/redis.conf"

# ---- knowledge base on the same PostgreSQL -----------------------------------------------------
"$APP_PY" -m backcare.knowledge

# ---- action server, nginx, Rasa servers --------------------------------------------------------
start_bg() {  # name, command...: own session (so down.sh can stop its whole process group)
  local name=$1; shift
  setsid "$@" >>"$logs/$name.log" 2>&1 </dev/null &
  echo $! >"$pids/$name.pid"
}

for port in $ACTIONS_PORTS; do
  start_bg "actions-$port" "$APP_PY" -m rasa_sdk --actions actions -p "$port"
done
# Programme reminders: two schedulers, as with several servers; each reminder is claimed once
# (SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL).
for n in 1 2; do
  start_bg "scheduler-$n" "$APP_PY" -m backcare.programme.scheduler
done
# The clinician review app, on the same PostgreSQL, when the app package provides its runner.
if "$APP_PY" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("backcare.review.__main__") is None)' 2>/dev/null; then
  start_bg review "$APP_PY" -m backcare.review
fi
# The chat page's server: reads conversations through nginx's internal port (any Rasa server),
# and tells browsers to talk to the public port.
export PUBLIC_URL=${PUBLIC_URL:-http://$PROD_HOST:$PROD_PORT}
# nginx on loopback is its only way in: its X-Forwarded-For gives the address the /api/ rate
# limit counts.
RASA_URL="http://$ACTIONS_PROXY_HOST:$ACTIONS_PROXY_PORT/rasa" RASA_PUBLIC_URL="$PUBLIC_URL" \
  WEB_TRUSTED_PROXIES=${WEB_TRUSTED_PROXIES:-127.0.0.1} start_bg web "$APP_PY" -m backcare.web

if [ "$(id -u)" -eq 0 ]; then
  export NGINX_USER_LINE="user nobody nogroup;"
  chown -R nobody:nogroup "$PROD_DIR/nginx/tmp"
else
  export NGINX_USER_LINE=""
fi
RASA_UPSTREAM_SERVERS=$(for port in $RASA_PORTS; do printf '        server 127.0.0.1:%s max_fails=2 fail_timeout=3s;\n' "$port"; done)
ACTIONS_UPSTREAM_SERVERS=$(for port in $ACTIONS_PORTS; do printf '        server 127.0.0.1:%s max_fails=0;\n' "$port"; done)
RATE_LIMIT_EXEMPT_LINES=$(for net in $RATE_LIMIT_EXEMPT; do printf '        %s 0;\n' "$net"; done)
export RASA_UPSTREAM_SERVERS ACTIONS_UPSTREAM_SERVERS RATE_LIMIT_EXEMPT_LINES
export PUBLIC_LISTEN="$PROD_HOST:$PROD_PORT" INTERNAL_LISTEN="$ACTIONS_PROXY_HOST:$ACTIONS_PROXY_PORT"
export WEB_UPSTREAM="127.0.0.1:$WEB_PORT" RESOLVER_LINE="    # (fixed loopback addresses: no resolver)"
# Clients reach this nginx directly: their own address is the one limited (no real_ip).
export REAL_IP_LINES=${REAL_IP_LINES:-"    # (clients connect directly: no real_ip)"}
envsubst '${NGINX_USER_LINE} ${NGINX_WORKERS} ${PROD_DIR} ${PUBLIC_LISTEN} ${INTERNAL_LISTEN} ${RATE_LIMIT}
          ${RATE_BURST} ${ADDRESS_RATE_LIMIT} ${ADDRESS_RATE_BURST} ${RATE_LIMIT_EXEMPT_LINES}
          ${RASA_UPSTREAM_SERVERS} ${ACTIONS_UPSTREAM_SERVERS} ${ACTION_TIMEOUT} ${WEB_UPSTREAM} ${RESOLVER_LINE}
          ${REAL_IP_LINES}' \
  <scripts/prod/nginx.conf.template >"$PROD_DIR/nginx/nginx.conf"
nginx_cmd=(nginx -p "$PROD_DIR/nginx" -c "$PROD_DIR/nginx/nginx.conf" -e "$logs/nginx-error.log")
"${nginx_cmd[@]}" -t -q
"${nginx_cmd[@]}"

model=${MODEL:-$(scripts/current_model.sh)}
endpoints=${PROD_ENDPOINTS:-scripts/prod/endpoints.prod.yml}
credentials=${PROD_CREDENTIALS:-credentials.yml}
# Other sites allowed to embed the chat widget (WIDGET_ORIGINS, comma- or space-separated); the
# page itself is served by nginx on the same origin as Rasa and needs no CORS.
widget_list=${WIDGET_ORIGINS:-}
read -r -a widget_origins <<<"${widget_list//,/ }"
cors=()
[ ${#widget_origins[@]} -eq 0 ] || cors=(--cors "${widget_origins[@]}")
started=$(date +%s.%N)
# The token reaches Rasa through the environment (bot_extensions/serve.py), never the command
# line; so does WEB_SESSION_SECRET (exported with the other secrets above, the page server's
# too), with which Rasa's socket.io channel checks the chat page's session keys.
# Host and Origin are checked (bot_extensions/http_guard.py): nginx passes the client's
# Host on /socket.io/, its upstream's name on /webhooks/ ("rasa_channels", after the router hop)
# and on /health and the page server's /rasa/ ("rasa_any"); the page's origin is PUBLIC_URL's.
public_host=${PUBLIC_URL#*://}; public_host=${public_host%%/*}
export RASA_ALLOWED_HOSTS="${RASA_ALLOWED_HOSTS:-} rasa_channels rasa_any $PROD_HOST $public_host"
export RASA_ALLOWED_ORIGINS="${RASA_ALLOWED_ORIGINS:-} $PUBLIC_URL"
# Rasa's accept queue (its default is 100): under load a turn holds the event loop, and new
# connections from nginx beyond the queue are dropped and end as 504s after the timeouts.
for port in $RASA_PORTS; do
  SANIC_WORKERS=1 SANIC_BACKLOG=${RASA_ACCEPT_BACKLOG:-1024} start_bg "rasa-$port" "$BOT_PY" -m bot_extensions.serve run -i 127.0.0.1 -p "$port" \
    --model "$model" --endpoints "$endpoints" --credentials "$credentials" "${cors[@]}"
done
echo "Starting $RASA_SERVERS Rasa servers (model $model; logs in $logs)..."

first_answer=""
deadline=$(( $(date +%s) + STARTUP_SECONDS ))
while :; do
  for pidfile in "$pids"/*.pid; do
    alive "$pidfile" || { echo "error: $(basename "$pidfile" .pid) stopped; log tail:" >&2;
                          tail -n 30 "$logs/$(basename "$pidfile" .pid).log" >&2; exit 1; }
  done
  if [ -z "$first_answer" ] && curl -fsS -m 10 "http://$PROD_HOST:$PROD_PORT/webhooks/rest/webhook" \
       -d "{\"sender\":\"up-prod-$started\",\"message\":\"hi\"}" 2>/dev/null | grep -q '"text"'; then
    first_answer=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    echo "$first_answer" >"$PROD_DIR/cold_start_seconds"
  fi
  up=0
  for port in $RASA_PORTS; do
    curl -fsS -m 2 "http://127.0.0.1:$port/" >/dev/null 2>&1 && up=$((up + 1))
  done
  [ -n "$first_answer" ] && [ "$up" -eq "$RASA_SERVERS" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || { echo "error: not up within $STARTUP_SECONDS s; see $logs" >&2; exit 1; }
  sleep 0.5
done
all_up=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')

cat <<EOF
Backbone production profile is running (first answer ${first_answer} s after launch, all $RASA_SERVERS servers ${all_up} s):
  public (nginx):   $PUBLIC_URL  (chat page, REST /webhooks/rest/webhook, socket.io, /health)
  Rasa servers:     $(for p in $RASA_PORTS; do printf 'http://127.0.0.1:%s ' "$p"; done)(HTTP API: RASA_AUTH_TOKEN)
  action servers:   $(for p in $ACTIONS_PORTS; do printf 'http://127.0.0.1:%s ' "$p"; done)($ACTION_SERVER_SANIC_WORKERS Sanic worker(s) each; Rasa calls them through nginx :$ACTIONS_PROXY_PORT)
  PostgreSQL:       127.0.0.1:$POSTGRES_PORT (databases $TRACKER_DB, $KNOWLEDGE_DB; user $POSTGRES_USER)
  Redis:            127.0.0.1:$REDIS_PORT (lock store, db $REDIS_DB)
  review app:       $([ -f "$pids/review.pid" ] && echo "http://127.0.0.1:$REVIEW_PORT" || echo "not started (no backcare.review runner)")
  secrets:          environment, else $secrets
  logs:             $logs
Stop with: make down-prod
EOF
