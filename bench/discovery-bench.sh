#!/usr/bin/env bash
# Discovery benchmark: seeds N generated events (plus the demo day of action) into the embedded
# database of the packaged jar through the bulk NDJSON import (bench/import_seed.py: the same events
# tocsin.demo.events=N made, docs/bulk-import.md), then measures GET /api/v1/events by city, by radius and by text:
# saturation throughput with wrk (closed model), then p50/p99 at a fixed 100 requests/s (open model);
# and the worst case, q= words that match almost nothing (at RARE_RATE, default 10/s).
#
#   ./mvnw -B -DskipTests package && bench/discovery-bench.sh 100000
#
# The data directory (/tmp/tocsin-bench-N) is kept: a second run on it skips the seeding.
# Never part of ./mvnw verify; only ever against 127.0.0.1.
set -euo pipefail

N=${1:?usage: bench/discovery-bench.sh EVENTS [PORT]}
PORT=${2:-18080}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../backend/target/tocsin.jar"
DATA=${TOCSIN_BENCH_DATA:-/tmp/tocsin-bench-$N}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
SECONDS_CLOSED=${SECONDS_CLOSED:-15}
SECONDS_OPEN=${SECONDS_OPEN:-20}
RATE=${RATE:-100}

[[ -f $JAR ]] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }

LOG="$DATA.log"
mkdir -p "$DATA"
"$JAVA" -jar "$JAR" --tocsin.data-dir="$DATA" --server.port="$PORT" --server.address=127.0.0.1 \
  --tocsin.demo=true --tocsin.rate-limits.enabled=false --tocsin.secure-cookies=false \
  --tocsin.accounts.require-verified-email=false >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT

echo "seeding/loading $N events into $DATA (log: $LOG)"
started=$(date +%s)
until grep -qE "Demo data: [0-9]+ organizations|Demo data already loaded" "$LOG" \
  && curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; do
  kill -0 $SERVER 2>/dev/null || { tail -20 "$LOG"; exit 1; }
  sleep 1
done
echo "started after $(( $(date +%s) - started )) s; $(grep -o 'Event index loaded.*' "$LOG" | tail -1)"
# A kept data directory already has its organization and events: the seeder then imports nothing.
python3 "$HERE/import_seed.py" --port "$PORT" --events "$N" --org bench-generated >/dev/null
echo "ready after $(( $(date +%s) - started )) s"

PATHS=$(mktemp)
# JIT warm-up on every query shape first: on two shared cores C2 needs tens of seconds after start-up.
for kind in city near q rare; do python3 "$HERE/discovery_load.py" paths --kind $kind; done >"$PATHS"
PATHS_FILE=$PATHS KIND=all wrk -t1 -c4 -d"${WARMUP:-20}s" -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" >/dev/null
for kind in city near q rare; do
  python3 "$HERE/discovery_load.py" paths --kind $kind >"$PATHS"
  # Rare words cost a walk of the whole index; 100/s of them would only measure a growing queue.
  rate=$RATE; [[ $kind == rare ]] && rate=${RARE_RATE:-10}
  # Warm the JIT on this query shape, then measure.
  PATHS_FILE=$PATHS KIND=$kind wrk -t1 -c4 -d5s -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" >/dev/null
  PATHS_FILE=$PATHS KIND=$kind wrk -t1 -c4 -d"${SECONDS_CLOSED}s" -s "$HERE/paths.lua" "http://127.0.0.1:$PORT" \
    | grep '^closed'
  python3 "$HERE/discovery_load.py" open --kind $kind --port "$PORT" --rate "$rate" --duration "$SECONDS_OPEN"
done
rm -f "$PATHS"
curl -s -o /dev/null -w 'one page (city=Berlin, 50 items): %{size_download} bytes\n' \
  "http://127.0.0.1:$PORT/api/v1/events?city=Berlin&country=DE"
