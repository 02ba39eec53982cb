# Shared settings for the scripts: sourced, not run. Every value can be overridden from outside.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export BACKCARE_HOME="$root"
export RASA_PORT=${RASA_PORT:-5005}
export ACTIONS_PORT=${ACTIONS_PORT:-5055}
export WEB_PORT=${WEB_PORT:-8080}
export REVIEW_PORT=${REVIEW_PORT:-8090}
export TRACKER_SQLITE_PATH=${TRACKER_SQLITE_PATH:-$root/var/tracker.db}
export TRACKER_DB_URL=${TRACKER_DB_URL:-sqlite:///$TRACKER_SQLITE_PATH}
export DATABASE_URL=${DATABASE_URL:-sqlite:///$root/var/knowledge.db}
# The action server binds to loopback only.
export SANIC_HOST=${SANIC_HOST:-127.0.0.1}
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
export RASA_TELEMETRY_ENABLED=false
export PYTHONPATH="$root${PYTHONPATH:+:$PYTHONPATH}"
# Python keeps its bytecode caches. The environments are installed with --no-compile, so when
# the machine sets PYTHONDONTWRITEBYTECODE every process compiled every module it imported again:
# importing Rasa cost 12.6 s of CPU instead of 5.2 s, at each of the suite's many server starts.
unset PYTHONDONTWRITEBYTECODE
BOT_PY="$root/.venv/bot/bin/python"
APP_PY="$root/.venv/app/bin/python"
# Rasa with the project's patches installed first (bot_extensions/rasa_patches.py)
RASA="$root/scripts/rasa"
mkdir -p "$root/var" "$root/models"
