#!/usr/bin/env bash
# Replicas rehearsed on one machine (docs/replicas.md): one database-only Tocsin process, three backends on it,
# nginx in front running infra/nginx.conf with only its upstream addresses, listen address and paths changed;
# then the suite in this folder (suite.mjs) against nginx, and everything stopped again.
#
#   infra/rehearsal/run.sh            # needs backend/target/app/tocsin.jar (./mvnw package), nginx, node, chromium
#
# Ports: REHEARSAL_PORT_BASE (default 18800): database +1, backends +11..+13, nginx +80; all on 127.0.0.1.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/infra/rehearsal"
jar="${TOCSIN_JAR:-$root/backend/target/app/tocsin.jar}"
base=${REHEARSAL_PORT_BASE:-18800}
db_port=$((base + 1))
backend_ports=($((base + 11)) $((base + 12)) $((base + 13)))
nginx_port=$((base + 80))
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

[[ -f "$jar" ]] || { echo "rehearsal: no jar at $jar (./mvnw -B package -DskipTests)" >&2; exit 1; }
[[ -x "$nginx_bin" ]] || { echo "rehearsal: nginx missing (apt-get install -y nginx)" >&2; exit 1; }
[[ -d "$root/frontend/node_modules/playwright-core" ]] || (cd "$root/frontend" && npm ci --no-audit --no-fund >/dev/null)

work=$(mktemp -d /tmp/tocsin-rehearsal.XXXXXX)
chmod 755 "$work" # nginx's workers (user nobody when started as root) write the feed cache below it
pids=()
# Everything this script started is a child of it (nginx too: daemon off), stopped on any exit: TERM, then after
# 20 s KILL for whatever has not ended.
stop_all() {
  local pid t0=$SECONDS
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && ((SECONDS - t0 < 20)); do sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n "${REHEARSAL_KEEP:-}" ]]; then echo "rehearsal: logs kept in $work"; else rm -rf "$work"; fi
}
trap stop_all EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"UP"'; }
fail() { echo "rehearsal: $*" >&2; tail -n 40 "$work"/*.log >&2; exit 1; }
wait_until() { # what, pid that must stay alive, seconds, command...
  local what=$1 pid=$2 limit=$3 t0=$SECONDS
  shift 3
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || fail "$what exited before it was up"
    ((SECONDS - t0 > limit)) && fail "$what not up within ${limit}s"
    sleep 0.5
  done
}
timings=()
took() { timings+=("$1 $((SECONDS - $2))s"); }

aot="${jar%.jar}.aot"
# C1 only: a start-up costs about 40 % less CPU (measured: 12 s instead of 20 s, docs/replicas.md), and on a
# shared two-core machine the CPU is the start-up time; the rehearsal checks behaviour, not peak throughput.
jvm=(-Xmx768m -XX:TieredStopAtLevel=1)
[[ -f "$aot" ]] && jvm+=(-XX:+IgnoreUnrecognizedVMOptions "-XX:AOTCache=$aot")
t_start=$SECONDS

# The database: its secret in a file only its owner reads; the backends get it in their environment (not
# their command line, which every local account can read in /proc).
(umask 077 && mkdir -p "$work/db" && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/db/secret")
"$java" "${jvm[@]}" -jar "$jar" --tocsin.database-only=true --tocsin.database.port="$db_port" \
  --tocsin.database.secret-file="$work/db/secret" --tocsin.data-dir="$work/db" >"$work/db.log" 2>&1 &
pids+=($!)
echo "$!" >"$work/db.pid"
wait_until "the database (port $db_port)" "$!" 300 listening "$db_port"
took database "$t_start"

export SPRING_MONGODB_URI="mongodb://tocsin:$(cat "$work/db/secret")@127.0.0.1:$db_port/tocsin?authMechanism=PLAIN"
t_first=$SECONDS
for i in 0 1 2; do
  n=$((i + 1))
  # nginx is the backends' only client, so the X-Forwarded-For it overwrites is the real client address.
  "$java" "${jvm[@]}" -jar "$jar" --server.address=127.0.0.1 --server.port="${backend_ports[$i]}" \
    --tocsin.data-dir="$work/backend$n" --server.forward-headers-strategy=native \
    --tocsin.public-url="http://127.0.0.1:$nginx_port" --tocsin.secure-cookies=false \
    --tocsin.accounts.require-verified-email=false --tocsin.admins=admin@rehearsal.test \
    --tocsin.mail.drop-directory="$work/mail" --tocsin.mail.poll-interval=PT1S --tocsin.mail.lease=PT10S --tocsin.rsvps.reminder-interval=PT5S --tocsin.feeds.max-age=PT5S \
    --logging.level.root=WARN >"$work/backend$n.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$work/backend$n.pid"
  # The first backend alone on the fresh database: mongo-java-server once failed a find with "Unknown error:
  # null" when three backends created the database, its collections and indexes at the same moment.
  if ((i == 0)); then
    wait_until "the backend on ${backend_ports[0]}" "$!" 600 healthy "${backend_ports[0]}"
    took "backend 1 (alone)" "$t_first"
    t_others=$SECONDS
  fi
done
unset SPRING_MONGODB_URI
for i in 1 2; do wait_until "the backend on ${backend_ports[$i]}" "${pids[$((i + 1))]}" 600 healthy "${backend_ports[$i]}"; done
took "backends 2 and 3 (together)" "$t_others"
t_backends=$((SECONDS - t_start))

# nginx: the production file, with the upstream servers, the listen address and the cache path replaced.
mkdir -p "$work/nginx/cache" "$work/nginx/logs"
[[ $(id -u) == 0 ]] && chown nobody "$work/nginx/cache"
servers=""
for port in "${backend_ports[@]}"; do servers+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;\n"; done
awk -v servers="$servers" -v listen="127.0.0.1:$nginx_port" -v cache="$work/nginx/cache" '
  /^[[:space:]]*server backend[0-9]+:8080/ { if (!done) { printf "%s", servers; done = 1 } next }
  { sub(/listen 80;/, "listen " listen ";"); sub(/\/var\/cache\/nginx\/feeds/, cache); print }
' "$root/infra/nginx.conf" >"$work/nginx/nginx.conf"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" \
  -g "daemon off; pid $work/nginx/nginx.pid; error_log $work/nginx/logs/error.log warn;" &
pids+=($!)
wait_until "nginx" "$!" 30 listening "$nginx_port"

echo "rehearsal: database :$db_port, backends :${backend_ports[*]}, nginx :$nginx_port (up in ${t_backends}s: $(IFS=,; echo "${timings[*]}"); load $(cut -d' ' -f1-3 /proc/loadavg))"
cd "$root/frontend"
# In the background and waited for, so that a TERM or Ctrl-C stops everything at once (bash runs a trap only
# after a foreground child ends); playwright closes its Chromium when node is terminated.
REHEARSAL_BASE="http://127.0.0.1:$nginx_port" REHEARSAL_WORK="$work" \
  REHEARSAL_BACKEND_PORTS="${backend_ports[*]}" REHEARSAL_NGINX_ERROR_LOG="$work/nginx/logs/error.log" \
  node --test --test-concurrency=1 --test-reporter=spec "$here/suite.mjs" &
pids+=($!)
status=0
wait "$!" || status=$?
echo "rehearsal: finished in $((SECONDS - t_start))s (start-up ${t_backends}s, suite $((SECONDS - t_start - t_backends))s; exit $status; load $(cut -d' ' -f1-3 /proc/loadavg))"
exit $status
