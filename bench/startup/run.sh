#!/usr/bin/env bash
# Start-up benchmark: time from process start to the first `GET /health` 200 on an empty data
# directory, and the resident set size (RSS, and PSS beside it) once Kanal has been idle for 5 s.
# Kanal starts as its launchers start it: scripts/run.sh's options (scripts/lib/prepare.sh,
# kanal_java_opts; docker/entrypoint.sh uses the same) with the class-data archive in a temporary
# folder. A first start writes that archive and is not counted (the launchers' first start is slower).
# Every site points at a closed local port, so nothing leaves this machine.
#
# Usage: bench/startup/run.sh [runs] [-- extra JVM options]
#          runs: timed starts (default 7); extra options come last and win, like KANAL_JAVA_OPTS,
#          e.g. bench/startup/run.sh 7 -- -XX:TrimNativeHeapInterval=0
#        bench/startup/run.sh --compare [pairs] 'options A' 'options B'
#          A/B on a busy machine: starts A and B in turns (ABBA…), each with its own archive, and
#          prints both medians and their ratio, e.g. the launchers' options against main's before
#          the native-heap trim: bench/startup/run.sh --compare 5 '-XX:TrimNativeHeapInterval=0' ''
#        BENCH_PLAIN=1 drops the launchers' options (a plain `java -jar`).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/prepare.sh
kanal_find_jdk
compare=false
if [ "${1:-}" = "--compare" ]; then
  compare=true
  runs=${2:-5}
  opts_a=${3:-}
  opts_b=${4:-}
else
  runs=${1:-7}
  shift || true
  [ "${1:-}" = "--" ] && shift
  opts_a="$*"
fi
[ -f app/target/kanal.jar ] || ./mvnw -q -o -B -DskipTests package
command -v curl >/dev/null || { echo "error: needs curl" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$tmp"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

# start_once LABEL EXTRA_OPTIONS: sets ms, rss and pss (MiB) of one start (no subshell: the trap
# must know the pid)
start_once() {
  local label=$1 extra=$2 launcher="" t0 t1
  [ "${BENCH_PLAIN:-0}" = 1 ] || launcher=$(KANAL_JAVA_OPTS="" kanal_java_opts "$tmp/$label.jsa")
  rm -rf "$tmp/data" "$tmp/downloads"
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the options are words
  KANAL_PORT="$port" KANAL_HOST=127.0.0.1 KANAL_DATA_DIR="$tmp/data" KANAL_DOWNLOAD_DIR="$tmp/downloads" \
    KANAL_LOG_LEVEL=WARN KANAL_SITES=aniworld,sto,megakino KANAL_ANIWORLD_URL=http://127.0.0.1:9 \
    KANAL_STO_URL=http://127.0.0.1:9 KANAL_MEGAKINO_URL=http://127.0.0.1:9 \
    KANAL_SKYHOOK_URL=http://127.0.0.1:9/skyhook \
    "$JAVA_HOME/bin/java" $launcher $extra -jar app/target/kanal.jar >"$tmp/log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "Kanal exited:" >&2; cat "$tmp/log" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  sleep 5
  rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup")
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
  kill "$pid"; wait "$pid" 2>/dev/null || true # a graceful stop: the JVM writes the archive now
  ms=$(( (t1 - t0) / 1000000 )) rss=$((rss / 1024)) pss=$((pss / 1024))
}

stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %d  median %d  max %d", a[1], a[int((NR+1)/2)], a[NR]}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
report() { # report LABEL: the figures of every counted run of LABEL
  local starts=() rss=() pss=() l ms r p
  while read -r l ms r p; do
    [ "$l" = "$1" ] || continue
    starts+=("$ms"); rss+=("$r"); pss+=("$p")
  done <"$tmp/results"
  echo "$1 start to /health 200 (ms): $(stats "${starts[@]}")"
  echo "$1 idle RSS after 5 s (MiB):  $(stats "${rss[@]}")   PSS median $(median "${pss[@]}")"
  echo "$(median "${starts[@]}") $(median "${rss[@]}")" >"$tmp/median-$1"
}

labels=(A)
$compare && labels=(A B)
for l in "${labels[@]}"; do # the first start writes the archive
  [ "$l" = A ] && extra=$opts_a || extra=$opts_b
  start_once "$l" "$extra"
  echo "$l first start (writes the archive): $ms ms, $rss MiB"
done
: >"$tmp/results"
for i in $(seq 1 "$runs"); do
  order=("${labels[@]}")
  $compare && [ $((i % 2)) = 0 ] && order=(B A)
  for l in "${order[@]}"; do
    [ "$l" = A ] && extra=$opts_a || extra=$opts_b
    start_once "$l" "$extra"
    echo "$l $ms $rss $pss" >>"$tmp/results"
    printf 'run %d %s: start to /health 200 %d ms, idle RSS %d MiB (PSS %d)\n' "$i" "$l" "$ms" "$rss" "$pss"
  done
done
for l in "${labels[@]}"; do report "$l"; done
if $compare; then
  read -r sa ra <"$tmp/median-A"
  read -r sb rb <"$tmp/median-B"
  awk -v sa="$sa" -v sb="$sb" -v ra="$ra" -v rb="$rb" 'BEGIN {printf "B/A: start %.2f, idle RSS %.2f (medians)\n", sb / sa, rb / ra}'
  echo "A: ${opts_a:-no extra options}; B: ${opts_b:-no extra options}"
fi
launcher=$([ "${BENCH_PLAIN:-0}" = 1 ] && echo "none (BENCH_PLAIN=1)" || KANAL_JAVA_OPTS="" kanal_java_opts kanal.jsa)
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), launcher options: $launcher"
echo "extra options: ${opts_a:-none}, load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
