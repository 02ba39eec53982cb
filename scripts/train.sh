#!/usr/bin/env bash
# Train only when the inputs changed since the last model; on failure keep the last good one.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
# The screening questions are domain responses written from the knowledge YAML.
"$APP_PY" -m backcare.knowledge.screening_responses
model="models/backbone-$(scripts/model_hash.sh).tar.gz"
"$BOT_PY" -m bot_extensions.spacy_model var/spacy/en_backbone
if [ -f "$model" ] && [ "${FORCE_TRAIN:-0}" != 1 ]; then
  echo "Model is up to date: $model"
  exit 0
fi
echo "Training $model (inputs changed)..."
if ! "$RASA" train --fixed-model-name "$(basename "$model" .tar.gz)" --out models \
     --config config.yml --domain domain --data data; then
  previous=$(ls -t models/backbone-*.tar.gz 2>/dev/null | head -n 1 || true)
  echo "error: training failed (see Rasa's message above); ${previous:+the previous model $previous is kept}" >&2
  exit 1
fi
