#!/usr/bin/env bash
# The whole suite in nine lanes side by side. Most tests wait on servers, browsers and clocks,
# so one lane keeps about one of this machine's two cores busy; nine overlap their waits and
# keep both busy.
#   real:          real people's messages through the real Rasa and action servers
#   conversations_1, conversations_2: the multi-turn conversations (tests/scenarios/), every
#                  other file each, through their own servers. A lane's Rasa server answers on
#                  one core: one lane for them all was the suite's last lane, alone on one core
#                  for its last minutes (stop 62: 1,231 s, a third of the suite's CPU)
#   integration:   the real servers otherwise (Telegram's fake, programmes, the store down),
#                  and the security tests
#   app:         knowledge base and actions, on SQLite and PostgreSQL
#   review:      the review app, on SQLite and PostgreSQL
#   stories:     `rasa test` on the test stories
#   bot:         the bot environment's tests
#   deploy:      the production profile's tests, then the browser tests. Each is a pytest
#                session of its own: the browser tests' Playwright keeps an event loop running,
#                and the production tests drive their load with asyncio.run().
# Every lane starts its own servers on free loopback ports and its own private databases.
# Each lane writes its own log, shown whole when all have ended, with its slowest tests
# (--durations) to tell which test costs the suite its time; any failure fails the run.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$root"
logs=var/test-logs
mkdir -p "$logs"

# Wall-clock bounds (`-m timing`) wait for a quiet machine: they run after the lanes.
real_lane() { "$APP_PY" -m pytest tests/integration/test_real_messages.py -q -m "not timing" --durations=15; }
conversations_lane() {
  CONVERSATIONS_PART=$1 "$APP_PY" -m pytest tests/integration/test_conversations.py -q -m "not timing" --durations=15
}
conversations_1_lane() { conversations_lane 1/2; }
conversations_2_lane() { conversations_lane 2/2; }
integration_lane() {
  "$APP_PY" -m pytest tests/integration tests/security -q -m "not timing" --durations=15 \
    --ignore=tests/integration/test_real_messages.py \
    --ignore=tests/integration/test_conversations.py \
    --ignore=tests/integration/test_known_gaps.py
}
app_lane() { "$APP_PY" -m pytest tests/app -q -m "not timing" --durations=15; }
review_lane() { "$APP_PY" -m pytest tests/review -q -m "not timing" --durations=15; }
# The test stories in a lane of their own: run before the bot tests in one lane, the two were the
# suite's last lane (stop 62: 1,030 s, the others ending by 950 s)
stories_lane() { scripts/story_test.sh; }
bot_lane() { "$BOT_PY" -m pytest tests/bot -q --durations=15; }
deploy_lane() { "$APP_PY" -m pytest tests/prod -q --durations=15 && "$APP_PY" -m pytest tests/browser -q --durations=15; }

# The lanes' servers, databases and logs share one disk: a full disk fails them all at once, so
# the free space is printed before and after, to tell such a run from a real failure.
free_disk() { df -h --output=avail "$root" | tail -n 1 | tr -d ' '; }
echo "free disk before the lanes: $(free_disk)"
# The machine's busy and total CPU ticks (/proc/stat): how much of both cores the lanes kept
# busy, counting what `times` does not (servers that leave their parent: PostgreSQL, nginx).
cpu_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
read -r busy_before total_before < <(cpu_ticks)
lanes=(real conversations_1 conversations_2 integration app review stories bot deploy)
declare -A pid
start=$SECONDS
for lane in "${lanes[@]}"; do
  # `times`' second line is the CPU the lane's processes used (user, system): the lanes share
  # two cores, so that, not the wall clock, says which lane costs the suite its time.
  ( lane_start=$SECONDS; "${lane}_lane"; code=$?
    times > "$logs/$lane.cpu"
    echo "lane $lane: exit $code after $((SECONDS - lane_start)) s, CPU $(tail -n 1 "$logs/$lane.cpu")"
    exit $code ) \
    > "$logs/$lane.log" 2>&1 &
  pid[$lane]=$!
done
failed=0
for lane in "${lanes[@]}"; do
  wait "${pid[$lane]}" || failed=1
done
for lane in "${lanes[@]}"; do
  echo "=============================== lane: $lane ==============================="
  cat "$logs/$lane.log"
done
read -r busy_after total_after < <(cpu_ticks)
echo "all lanes ended after $((SECONDS - start)) s, the CPUs" \
  "$(( 100 * (busy_after - busy_before) / (total_after - total_before) ))% busy; free disk: $(free_disk)"
echo "=============================== timing bounds ==============================="
"$APP_PY" -m pytest tests/app tests/security -q -m timing || failed=1
exit $failed
