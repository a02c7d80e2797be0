#!/usr/bin/env bash
# Bulk import benchmark: events/s through POST .../events/import beside POST /api/v1/events (the
# baseline), in one run against one fresh server on the embedded database.
#
#   ./mvnw -B -DskipTests package && bench/import-bench.sh 20000 [BASELINE] [PORT]
#   TOCSIN_JAR=other.jar BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=run.jfr bench/import-bench.sh 20000 200
#
# A fresh data directory each run (removed at the end); only ever against 127.0.0.1.
set -euo pipefail

N=${1:?usage: bench/import-bench.sh EVENTS [BASELINE] [PORT]}
BASELINE=${2:-1000}
PORT=${3:-18090}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${TOCSIN_JAR:-$HERE/../backend/target/tocsin.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
[[ -f $JAR ]] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }

DATA=$(mktemp -d /tmp/tocsin-import-bench.XXXXXX)
LOG="$DATA.log"
"$JAVA" ${BENCH_JAVA_OPTS:-} -jar "$JAR" --tocsin.data-dir="$DATA" --server.port="$PORT" --server.address=127.0.0.1 \
  --tocsin.secure-cookies=false --tocsin.rate-limits.enabled=false --tocsin.accounts.require-verified-email=false >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
until curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; do
  kill -0 $SERVER 2>/dev/null || { tail -20 "$LOG"; exit 1; }
  sleep 0.5
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$HERE/import_bench.py" --port "$PORT" --events "$N" --baseline "$BASELINE" --pid $SERVER
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); heap: $(grep -c OutOfMemory "$LOG" || true) OOM lines"
