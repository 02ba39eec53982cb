#!/usr/bin/env bash
# rasa test on the test stories; any wrong prediction fails the run.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
model=$(scripts/current_model.sh)
"$RASA" test core --model "$model" --stories tests/stories --out var/results/stories \
  --fail-on-prediction-errors
