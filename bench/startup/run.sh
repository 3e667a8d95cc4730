#!/usr/bin/env bash
# Start-up benchmark: time from process start to the first `GET /health` 200 on an empty data
# directory, and the resident set size once Kanal has been idle for a few seconds.
# Every site points at a closed local port, so nothing leaves this machine.
#
# Usage: bench/startup/run.sh [runs] [-- extra JVM options]
#   runs          how many starts to time (default 7); the first is reported apart (cold page cache)
#   extra options e.g. bench/startup/run.sh 7 -- -Xshare:off  to compare a JVM flag
# Prints each run, then min / median / max for both figures.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/prepare.sh
kanal_find_jdk
runs=${1:-7}
shift || true
[ "${1:-}" = "--" ] && shift
jvm_opts=("$@")
[ -f app/target/kanal.jar ] || ./mvnw -q -o -B -DskipTests package
command -v curl >/dev/null || { echo "error: needs curl" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
starts=() rss=()
for i in $(seq 1 "$runs"); do
  rm -rf "$tmp/data" "$tmp/downloads"
  t0=$(date +%s%N)
  KANAL_PORT="$port" KANAL_HOST=127.0.0.1 KANAL_DATA_DIR="$tmp/data" KANAL_DOWNLOAD_DIR="$tmp/downloads" \
    KANAL_LOG_LEVEL=WARN KANAL_SITES=aniworld,sto,megakino KANAL_ANIWORLD_URL=http://127.0.0.1:9 \
    KANAL_STO_URL=http://127.0.0.1:9 KANAL_MEGAKINO_URL=http://127.0.0.1:9 \
    KANAL_SKYHOOK_URL=http://127.0.0.1:9/skyhook \
    "$JAVA_HOME/bin/java" "${jvm_opts[@]}" -jar app/target/kanal.jar >"$tmp/log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "Kanal exited:" >&2; cat "$tmp/log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  sleep 5
  r=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  ms=$(( (t1 - t0) / 1000000 ))
  printf 'run %d: start to /health 200 %d ms, idle RSS %d MiB\n' "$i" "$ms" $((r / 1024))
  starts+=("$ms"); rss+=($((r / 1024)))
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d  median %d  max %d", a[1], a[int((NR+1)/2)], a[NR]}'; }
echo "start to /health 200 (ms): $(stats "${starts[@]}")"
echo "idle RSS after 5 s (MiB):  $(stats "${rss[@]}")"
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), opts: ${jvm_opts[*]:-none}, load: $(cut -d' ' -f1-3 /proc/loadavg)"
