#!/usr/bin/env bash
# Starts Kanal from the built jar on a temporary data dir and runs conformance.mjs against it.
#   bench/ctrl-qbittorrent/run.sh      (needs node, npm, and `./mvnw -o install -DskipTests` first)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
tmp="$(mktemp -d)"
port="${PORT:-18080}"
(cd "$here" && npm install --silent --no-audit --no-fund >/dev/null)
KANAL_PORT="$port" KANAL_HOST=127.0.0.1 KANAL_DATA_DIR="$tmp/data" KANAL_DOWNLOAD_DIR="$tmp/downloads" \
  KANAL_QBIT_PASSWORD=ctrl-pass KANAL_API_KEY=ctrl-api-key-0123456789 \
  "$JAVA_HOME/bin/java" -jar "$root/app/target/kanal.jar" serve >"$tmp/kanal.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
(cd "$here" && KANAL_URL="http://127.0.0.1:$port/" KANAL_QBIT_PASSWORD=ctrl-pass node conformance.mjs)
