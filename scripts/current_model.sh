#!/usr/bin/env bash
# The model to serve: the one for the current inputs, else the newest good one.
set -euo pipefail
cd "$(dirname "$0")/.."
model="models/backbone-$(scripts/model_hash.sh).tar.gz"
[ -f "$model" ] || model=$(ls -t models/backbone-*.tar.gz 2>/dev/null | head -n 1 || true)
[ -n "$model" ] || { echo "error: no trained model in models/: run make train" >&2; exit 1; }
echo "$model"
