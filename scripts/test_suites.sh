#!/usr/bin/env bash
# The whole suite in two lanes side by side. This machine has two cores and one lane alone
# keeps about one of them busy: most of the main lane waits on servers, browsers and clocks.
#   main: the app environment's tests (knowledge base, actions, review app, integration,
#         security, browser)
#   side: the bot environment's tests, then the production profile's (a pytest session of its
#         own: the browser tests' Playwright keeps an event loop running, and the production
#         tests drive their load with asyncio.run()), then the test stories.
# Each lane writes its own log, shown whole when both have ended; any failure fails the run.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
logs=var/test-logs
mkdir -p "$logs"

main_lane() {
  "$APP_PY" -m pytest tests/app tests/review tests/integration tests/security tests/browser -q
}
side_lane() {
  "$BOT_PY" -m pytest tests/bot -q && "$APP_PY" -m pytest tests/prod -q && scripts/story_test.sh
}

start=$SECONDS
main_lane > "$logs/main.log" 2>&1 & main=$!
side_lane > "$logs/side.log" 2>&1 & side=$!
wait "$main"; main_status=$?
wait "$side"; side_status=$?

for lane in side main; do
  echo "=============================== lane: $lane ==============================="
  cat "$logs/$lane.log"
done
echo "lanes: main exit $main_status, side exit $side_status, $((SECONDS - start)) s"
[[ $main_status -eq 0 && $side_status -eq 0 ]]
