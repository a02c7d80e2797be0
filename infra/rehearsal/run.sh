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
stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/nginx/nginx.pid" ]] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "${REHEARSAL_KEEP:-}" ]]; then echo "rehearsal: logs kept in $work"; else rm -rf "$work"; fi
}
trap stop_all EXIT

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$1/actuator/health" 2>/dev/null | grep -q '"UP"'; }
wait_until() { # what, seconds, command...
  local what=$1 limit=$2 t0=$SECONDS
  shift 2
  until "$@"; do
    if ((SECONDS - t0 > limit)); then echo "rehearsal: $what not up within ${limit}s" >&2; tail -n 40 "$work"/*.log >&2; exit 1; fi
    sleep 1
  done
}

aot="${jar%.jar}.aot"
jvm=(-Xmx768m)
[[ -f "$aot" ]] && jvm+=(-XX:+IgnoreUnrecognizedVMOptions "-XX:AOTCache=$aot")
t_start=$SECONDS

# The database: its secret in a file only its owner reads; the backends get it in their environment (not
# their command line, which every local account can read in /proc).
(umask 077 && mkdir -p "$work/db" && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/db/secret")
"$java" "${jvm[@]}" -jar "$jar" --tocsin.database-only=true --tocsin.database.port="$db_port" \
  --tocsin.database.secret-file="$work/db/secret" --tocsin.data-dir="$work/db" >"$work/db.log" 2>&1 &
pids+=($!)
echo "$!" >"$work/db.pid"
wait_until "the database (port $db_port)" 120 listening "$db_port"

export SPRING_MONGODB_URI="mongodb://tocsin:$(cat "$work/db/secret")@127.0.0.1:$db_port/tocsin?authMechanism=PLAIN"
for i in 0 1 2; do
  n=$((i + 1))
  # nginx is the backends' only client, so the X-Forwarded-For it overwrites is the real client address.
  "$java" "${jvm[@]}" -jar "$jar" --server.address=127.0.0.1 --server.port="${backend_ports[$i]}" \
    --tocsin.data-dir="$work/backend$n" --server.forward-headers-strategy=native \
    --tocsin.public-url="http://127.0.0.1:$nginx_port" --tocsin.secure-cookies=false \
    --tocsin.accounts.require-verified-email=false --tocsin.admins=admin@rehearsal.test \
    --tocsin.mail.poll-interval=PT1S --tocsin.mail.lease=PT10S --tocsin.rsvps.reminder-interval=PT5S --tocsin.feeds.max-age=PT5S \
    --logging.level.root=WARN >"$work/backend$n.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$work/backend$n.pid"
  # The first backend alone on the fresh database: mongo-java-server once failed a find with "Unknown error:
  # null" when three backends created the database, its collections and indexes at the same moment.
  ((i == 0)) && wait_until "the backend on ${backend_ports[0]}" 900 healthy "${backend_ports[0]}"
done
unset SPRING_MONGODB_URI
for port in "${backend_ports[@]}"; do wait_until "the backend on $port" 900 healthy "$port"; done
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
  -g "pid $work/nginx/nginx.pid; error_log $work/nginx/logs/error.log warn;"
wait_until "nginx" 30 listening "$nginx_port"

echo "rehearsal: database :$db_port, backends :${backend_ports[*]}, nginx :$nginx_port (up in ${t_backends}s)"
cd "$root/frontend"
set +e
REHEARSAL_BASE="http://127.0.0.1:$nginx_port" REHEARSAL_WORK="$work" \
  REHEARSAL_BACKEND_PORTS="${backend_ports[*]}" REHEARSAL_NGINX_ERROR_LOG="$work/nginx/logs/error.log" \
  node --test --test-concurrency=1 --test-reporter=spec "$here/suite.mjs"
status=$?
set -e
echo "rehearsal: finished in $((SECONDS - t_start))s (suite exit $status)"
exit $status
