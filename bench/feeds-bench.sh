#!/usr/bin/env bash
# Feeds benchmark: Tocsin's feeds side by side with nginx serving the identical bytes as a static file
# (the physical limit for serving them), on 127.0.0.1:
#   1. revalidations answered 304 (If-None-Match), closed model, Tocsin vs nginx;
#   2. the full 1,000-event feed, closed model, Tocsin vs nginx; then p50/p99 at 200 requests/s (open model);
#   3. rendering a 10,000-event feed: cold (first request), and after one of its events changed;
#   4. memory with 10 and then 400 concurrent subscribers polling the full feed: heap after GC and RSS.
# Both organizations' events are seeded through the bulk NDJSON import (bench/import_seed.py,
# docs/bulk-import.md): the BIG generated ones are those tocsin.demo.events=BIG made (tag generated).
#
#   ./mvnw -B -DskipTests package && bench/feeds-bench.sh
#
# Needs wrk and nginx (apt-get install wrk nginx). Never part of ./mvnw verify; only ever against 127.0.0.1.
set -euo pipefail

PORT=${PORT:-18180}
NGINX_PORT=${NGINX_PORT:-18181}
EVENTS=${EVENTS:-1000}
BIG=${BIG:-10000}
SECONDS_CLOSED=${SECONDS_CLOSED:-15}
CONNECTIONS=${CONNECTIONS:-8}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR="$HERE/../backend/target/tocsin.jar"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
WORK=$(mktemp -d /tmp/tocsin-feeds-bench.XXXXXX)
chmod 755 "$WORK"

[[ -f $JAR ]] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $NGINX ]] || { echo "needs nginx (apt-get install nginx)" >&2; exit 1; }

"$JAVA" -Xmx1g -jar "$JAR" --tocsin.data-dir="$WORK/data" --server.port="$PORT" --server.address=127.0.0.1 \
  --tocsin.demo=true --tocsin.rate-limits.enabled=false --tocsin.accounts.require-verified-email=false \
  --tocsin.secure-cookies=false --tocsin.admins=bench@tocsin.invalid >"$WORK/tocsin.log" 2>&1 &
SERVER=$!
cleanup() {
  kill $SERVER 2>/dev/null || true
  wait $SERVER 2>/dev/null || true
  [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

echo "starting Tocsin, then importing $BIG generated events and the $EVENTS-event feed (log: $WORK/tocsin.log)"
until grep -qE "Demo data: [0-9]+ organizations" "$WORK/tocsin.log" \
  && curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; do
  kill -0 $SERVER 2>/dev/null || { tail -20 "$WORK/tocsin.log"; exit 1; }
  sleep 1
done
python3 "$HERE/import_seed.py" --port "$PORT" --events "$BIG" --org bench-generated >/dev/null
TOKEN=$(python3 "$HERE/import_seed.py" --port "$PORT" --events "$EVENTS" --org feed-bench --name "Feed bench" --kind feeds)
FEED=/feeds/organizations/feed-bench.ics
BIG_FEED=/feeds/tags/generated.ics
URL=http://127.0.0.1:$PORT

# nginx: the same bytes as static files, with its own ETag and Last-Modified, no access log.
mkdir -p "$WORK/www"
curl -sf "$URL$FEED" -o "$WORK/www/feed.ics"
cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/calendar ics; }
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf"
NGINX_URL=http://127.0.0.1:$NGINX_PORT

echo
echo "the $EVENTS-event feed: $(wc -c <"$WORK/www/feed.ics") bytes, $(grep -c BEGIN:VEVENT "$WORK/www/feed.ics") VEVENTs"
etag_of() { curl -sfI "$1" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }
TOCSIN_ETAG=$(etag_of "$URL$FEED")
NGINX_ETAG=$(etag_of "$NGINX_URL/feed.ics")

closed() { # label url path [header]
  echo "$3" >"$WORK/paths"
  PATHS_FILE="$WORK/paths" KIND="$1" HEADER="${4:-}" wrk -t1 -c"$CONNECTIONS" -d5s -s "$HERE/paths.lua" "$2" >/dev/null
  PATHS_FILE="$WORK/paths" KIND="$1" HEADER="${4:-}" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_CLOSED}s" \
    -s "$HERE/paths.lua" "$2" | grep '^closed'
}
rate_of() { sed -n 's/.* = \([0-9]*\)\/s.*/\1/p' <<<"$1"; }

echo
echo "1. revalidation (If-None-Match, 304), $CONNECTIONS connections"
t=$(closed "tocsin 304" "$URL" "$FEED" "If-None-Match: $TOCSIN_ETAG"); echo "$t"
n=$(closed "nginx 304" "$NGINX_URL" /feed.ics "If-None-Match: $NGINX_ETAG"); echo "$n"
echo "   Tocsin/nginx: $(python3 -c "print(f'{$(rate_of "$t")/$(rate_of "$n"):.2f}')") (target >= 0.5)"

echo
echo "2. the full feed (200), $CONNECTIONS connections"
t=$(closed "tocsin full" "$URL" "$FEED" "Accept: text/calendar"); echo "$t"
n=$(closed "nginx full" "$NGINX_URL" /feed.ics "Accept: text/calendar"); echo "$n"
echo "   Tocsin/nginx: $(python3 -c "print(f'{$(rate_of "$t")/$(rate_of "$n"):.2f}')") (target >= 0.25)"
python3 "$HERE/discovery_load.py" open --port "$PORT" --path "$FEED" --header "Accept: text/calendar" \
  --rate 200 --duration 20 | sed 's/^/   /'
echo "   (target p99 < 100 ms at 200/s)"

echo
echo "3. rendering the $BIG-event feed $BIG_FEED"
curl -sf -o "$WORK/big.ics" -w "   cold, first request: %{time_total} s, %{size_download} bytes\n" "$URL$BIG_FEED"
echo "   $(grep -c BEGIN:VEVENT "$WORK/big.ics") VEVENTs"
SOME_ID=$(grep -m1 '^UID:' "$WORK/big.ics" | sed 's/^UID:\([^@]*\)@.*/\1/' | tr -d '\r')
for i in 1 2 3 4 5; do
  curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Renamed $i\"}" "$URL/api/v1/events/$SOME_ID"
  curl -sf -o /dev/null -w "   after one event changed: %{time_total} s\n" "$URL$BIG_FEED"
done
echo "   (target < 0.3 s)"

echo
echo "4. memory while subscribers poll the full $EVENTS-event feed"
heap() {
  "$JCMD" $SERVER GC.run >/dev/null
  local used rss
  used=$("$JCMD" $SERVER GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
  rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER/status)
  echo "heap after GC $((used / 1024)) MB, RSS $((rss / 1024)) MB"
}
echo "   idle: $(heap)"
for c in 10 400; do
  echo "$FEED" >"$WORK/paths"
  # Peak resident memory during the load, sampled twice a second.
  (peak=0; while kill -0 $SERVER 2>/dev/null; do
     rss=$(awk '/VmRSS/ {print $2}' /proc/$SERVER/status); if (( rss > peak )); then peak=$rss; fi
     echo $peak >"$WORK/peak.new"; mv "$WORK/peak.new" "$WORK/peak"; sleep 0.5; done) &
  SAMPLER=$!
  PATHS_FILE="$WORK/paths" KIND="$c subscribers" HEADER="Accept: text/calendar" \
    wrk -t2 -c$c -d"${SECONDS_CLOSED}s" --timeout 10s -s "$HERE/paths.lua" "$URL" | grep '^closed' | sed 's/^/   /'
  kill $SAMPLER; wait $SAMPLER 2>/dev/null || true
  echo "   $c concurrent subscribers: peak RSS during the load $(( $(cat "$WORK/peak") / 1024 )) MB; then $(heap)"
done
