#!/usr/bin/env bash
# Content hash of everything a trained model depends on: the config, the domain, data/ and the
# bot-side components. Same inputs, same hash, so an existing model is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
find config.yml domain data bot_extensions -type f \( -name '*.yml' -o -name '*.yaml' -o -name '*.py' \) \
  -not -path '*/__pycache__/*' | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16
