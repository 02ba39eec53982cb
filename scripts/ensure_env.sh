#!/usr/bin/env bash
# Create or refresh .venv/<bot|app> from the committed lock files. A stamp holding the locks'
# hash makes a second run a no-op; the stamp is written only after every step succeeded.
set -euo pipefail
name=${1:?usage: ensure_env.sh bot|app}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3.11}
pip_version=24.2

if ! command -v "$python" >/dev/null 2>&1 || ! "$python" -c 'import sys, venv; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
  echo "error: Python 3.11 with venv is required: install python3.11 and python3.11-venv (or set PYTHON=/path/to/python3.11)" >&2
  exit 1
fi

case "$name" in
  bot) locks=(requirements/bot.lock requirements/bot-ignore-python.lock) ;;
  app) locks=(requirements/app.lock pyproject.toml) ;;
  *) echo "error: unknown environment '$name' (bot or app)" >&2; exit 2 ;;
esac

venv=".venv/$name"
stamp="$venv/.installed"
hash=$(cat "${locks[@]}" | sha256sum | cut -c1-16)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  exit 0
fi

echo "Installing the $name environment into $venv (locks changed or first run)..."
rm -f "$stamp"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pip==$pip_version"
# --no-compile: byte-compiling every installed module (TensorFlow alone has thousands) costs
# more than Python compiling, once, the ones an import actually reads.
pip=("$venv/bin/python" -m pip install --disable-pip-version-check --no-deps --no-compile --quiet)
case "$name" in
  bot)
    "${pip[@]}" -r requirements/bot.lock
    # Rasa 3.6 declares Python < 3.11; the lock above already holds 3.11-compatible pins,
    # so only these two packages skip the Python-version check.
    "${pip[@]}" --ignore-requires-python -r requirements/bot-ignore-python.lock
    ;;
  app)
    "${pip[@]}" -r requirements/app.lock
    "${pip[@]}" --no-build-isolation -e .
    ;;
esac
echo "$hash" > "$stamp"
echo "The $name environment is ready."
