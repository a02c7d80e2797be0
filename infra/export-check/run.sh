#!/usr/bin/env bash
# Checks that an export of Tocsin's database is what mongorestore and mongoimport take, with the Go driver's own
# BSON and Extended JSON code (main.go says what is checked). Needs Go and Debian's Go driver:
#   apt-get install golang-go golang-mongodb-mongo-driver-dev
# Starts the packaged jar (./mvnw -DskipTests package) on 127.0.0.1 on a throw-away data directory with the demo's
# data plus EVENTS imported events (default 2000), has a platform admin export it, and runs the check.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
events=${EVENTS:-2000}
port=${PORT:-18095}
work=$(mktemp -d)
server=
stop() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

(cd "$here" && GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS= CGO_ENABLED=0 go build -o "$work/export-check" main.go)

"$root/tocsin" --server.port="$port" --server.address=127.0.0.1 --tocsin.data-dir="$work/data" \
  --tocsin.demo=true --tocsin.admins=export-check@example.org --tocsin.secure-cookies=false \
  --tocsin.rate-limits.enabled=false --tocsin.accounts.require-verified-email=false > "$work/server.log" 2>&1 &
server=$!
until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q UP; do
  kill -0 "$server" 2>/dev/null || { tail -20 "$work/server.log"; exit 1; }
  sleep 0.2
done
token=$(python3 "$root/bench/import_seed.py" --port "$port" --events "$events" --org export-check \
  --email export-check@example.org 2>/dev/null)
# An RSVP (and the confirmation mail it queues) on each of the first upcoming events, from one anonymous visitor.
csrf=$(curl -fs -c "$work/cookies" "http://127.0.0.1:$port/api/v1/auth/csrf" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for id in $(curl -fs "http://127.0.0.1:$port/api/v1/events?limit=5" \
    | python3 -c 'import json,sys; print(" ".join(e["id"] for e in json.load(sys.stdin)["items"]))'); do
  curl -fs -o /dev/null -b "$work/cookies" -X POST -H "X-XSRF-TOKEN: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"Ana","email":"ana@example.org","response":"GOING","guests":1}' \
    "http://127.0.0.1:$port/api/v1/events/$id/rsvps"
done
export_json=$(curl -fs -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$port/api/v1/admin/exports")
directory=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["directory"])' <<<"$export_json")
"$work/export-check" "$directory/tocsin"
