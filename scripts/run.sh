#!/usr/bin/env bash
# Start the action server, the Rasa server and the web chat page on localhost; Ctrl-C stops all.
set -euo pipefail
# An empty token would leave the Rasa HTTP API open: refused before anything starts.
if [ -n "${RASA_AUTH_TOKEN+set}" ] && [ -z "${RASA_AUTH_TOKEN//[[:space:]]/}" ]; then
  echo "error: RASA_AUTH_TOKEN is set but empty, which would leave the Rasa HTTP API open:" \
       "set a token, or unset it to have one generated into var/rasa-auth-token." >&2
  exit 2
fi
source "$(dirname "$0")/env.sh"
cd "$root"
"$APP_PY" -m backcare.ports RASA_PORT ACTIONS_PORT WEB_PORT REVIEW_PORT
model=$(scripts/current_model.sh)
mkdir -p var/logs
# Two cores: one TensorFlow thread each way keeps serving latency steady under concurrency.
export TF_INTRA_OP_PARALLELISM_THREADS=${TF_INTRA_OP_PARALLELISM_THREADS:-1}
export TF_INTER_OP_PARALLELISM_THREADS=${TF_INTER_OP_PARALLELISM_THREADS:-1}
pids=()
stop_all() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -eq 0 ] || kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  echo "Stopped."
}
# Ctrl-C is how people stop it: a clean exit. Anything else ending the script also stops all.
trap 'stop_all; exit 0' INT TERM
trap stop_all EXIT
all_alive() {
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done
}

"$APP_PY" -m rasa_sdk --actions actions -p "$ACTIONS_PORT" >var/logs/actions.log 2>&1 &
pids+=($!)
# The Rasa HTTP API always needs a token: RASA_AUTH_TOKEN, else one generated once into
# var/rasa-auth-token (mode 600). It reaches Rasa and the page server through the environment
# (a file name), never a command line: bot_extensions/serve.py hands it to Rasa in-process.
if [ -z "${RASA_AUTH_TOKEN:-}" ]; then
  scripts/ensure_secret.sh var/rasa-auth-token
  export RASA_AUTH_TOKEN_FILE="$root/var/rasa-auth-token"
  token_note="in var/rasa-auth-token, e.g. --token \"\$(cat var/rasa-auth-token)\""
else
  token_note="RASA_AUTH_TOKEN from your environment"
fi
# The page server and Rasa's socket.io channel share the secret of the chat page's session keys:
# WEB_SESSION_SECRET if set (in the environment of both), else var/web-session-secret, generated
# once (mode 600) by whichever starts first.
# Sites allowed to embed the chat widget (web/public/widget.js), comma- or space-separated.
widget_list=${WIDGET_ORIGINS:-}
read -r -a widget_origins <<<"${widget_list//,/ }"
# The chat page's origins and the widget's: the only web pages whose requests Rasa accepts
# (bot_extensions/http_guard.py).
"$BOT_PY" -m bot_extensions.serve run -i 127.0.0.1 -p "$RASA_PORT" --model "$model" \
  --endpoints endpoints.yml --credentials credentials.yml \
  --cors "http://127.0.0.1:$WEB_PORT" "http://localhost:$WEB_PORT" "${widget_origins[@]}" \
  >var/logs/rasa.log 2>&1 &
pids+=($!)
"$APP_PY" -m backcare.web >var/logs/web.log 2>&1 &
pids+=($!)
# Programme reminders: read from the database on every pass, so they survive restarts.
"$APP_PY" -m backcare.programme.scheduler >var/logs/scheduler.log 2>&1 &
pids+=($!)
# The review app's session key: from the environment, else generated once into var/.
if [ -z "${REVIEW_SECRET_KEY:-}" ]; then
  [ -s var/review_secret_key ] || (umask 077 && "$APP_PY" -c 'import secrets; print(secrets.token_urlsafe(48))' >var/review_secret_key)
  REVIEW_SECRET_KEY=$(<var/review_secret_key)
  export REVIEW_SECRET_KEY
fi
"$APP_PY" -m backcare.review >var/logs/review.log 2>&1 &
pids+=($!)

echo "Starting (model $model; logs in var/logs/)..."
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$RASA_PORT/" >/dev/null 2>&1; then
    echo "Backbone is running:"
    echo "  chat page:      http://127.0.0.1:$WEB_PORT"
    echo "  Rasa server:    http://127.0.0.1:$RASA_PORT (REST: /webhooks/rest/webhook)"
    echo "  Rasa HTTP API token: $token_note"
    echo "  action server:  http://127.0.0.1:$ACTIONS_PORT"
    echo "  clinician review: http://127.0.0.1:$REVIEW_PORT (accounts: make review-user EMAIL=you@example.org ROLE=admin)"
    echo "Press Ctrl-C to stop."
    # Poll rather than `wait -n`: Ctrl-C reaches the children too, and a child that exits
    # first would end `wait -n` before the INT trap could run.
    while all_alive; do sleep 1; done
    echo "error: a process stopped unexpectedly; see var/logs/" >&2
    exit 1
  fi
  all_alive || { echo "error: a process failed to start:" >&2; tail -n 20 var/logs/*.log >&2; exit 1; }
  sleep 0.5
done
echo "error: the Rasa server did not answer within 120 s; see var/logs/rasa.log" >&2
exit 1
