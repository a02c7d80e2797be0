#!/usr/bin/env bash
# Start-up and memory: restarts Tocsin as the README runs it (./tocsin: the unpacked jar with its AOT cache) on a
# kept data directory (made by bench/discovery-bench.sh N), and reports the time from launch to a healthy server, the event index's own load, the heap in use after a full
# GC and the process's RSS. Each run is given RUNS times (default 2: the first one after a clean stop reads the
# snapshot the previous stop wrote, if any).
#
#   bench/startup-bench.sh 100000
#
# Never part of ./mvnw verify; only ever against 127.0.0.1.
set -euo pipefail

N=${1:?usage: bench/startup-bench.sh EVENTS [PORT]}
PORT=${2:-18081}
HERE=$(cd "$(dirname "$0")" && pwd)
RUN="$HERE/../tocsin"
DATA=${TOCSIN_BENCH_DATA:-/tmp/tocsin-bench-$N}
RUNS=${RUNS:-2}

[[ -d $DATA ]] || { echo "no data directory $DATA: run bench/discovery-bench.sh $N first" >&2; exit 1; }

for run in $(seq "$RUNS"); do
  LOG="$DATA.startup-$run.log"
  started=$(date +%s%N)
  "$RUN" --tocsin.data-dir="$DATA" --server.port="$PORT" --server.address=127.0.0.1 \
    --tocsin.secure-cookies=false >"$LOG" 2>&1 &
  SERVER=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; do
    kill -0 $SERVER 2>/dev/null || { tail -20 "$LOG"; exit 1; }
    sleep 0.1
  done
  healthy=$(( ($(date +%s%N) - started) / 1000000 ))
  # CPU time (user + system) the process used to get there: on two cores, what overlapping work can save.
  cpu=$(awk -v tck="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tck}' "/proc/$SERVER/stat")
  jcmd $SERVER GC.run >/dev/null
  heap=$(jcmd $SERVER GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER/status)
  echo "run $run: healthy after $healthy ms ($cpu CPU-seconds); $(grep -oE 'Event index (loaded|restored).*' "$LOG" | tail -1);" \
    "heap after a full GC $(( heap / 1024 )) MB; RSS $(( rss / 1024 )) MB"
  kill $SERVER
  wait $SERVER 2>/dev/null || true
done
