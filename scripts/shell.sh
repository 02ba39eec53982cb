#!/usr/bin/env bash
# Talk to the assistant in the terminal, with the action server running beside it.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
"$APP_PY" -m backcare.ports ACTIONS_PORT
model=$(scripts/current_model.sh)
mkdir -p var/logs
"$APP_PY" -m rasa_sdk --actions actions -p "$ACTIONS_PORT" >var/logs/actions.log 2>&1 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null || true' EXIT INT TERM
"$RASA" shell --model "$model" --endpoints endpoints.yml
