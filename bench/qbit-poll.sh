#!/usr/bin/env bash
# Load benchmark of the qBittorrent API (issue #5, point 11): Sonarr's polling (webapiVersion,
# preferences, torrents/info) at RATE req/s against TORRENTS torrents while 3 real yt-dlp downloads
# run from a rate-limited local media host; /health is measured in the same window as the floor.
# Target: polling p99 within 2x the /health p99, zero errors.
#
#   bench/qbit-poll.sh                  # 500 torrents, 50 req/s, 30 s
#   RATE=100 SECONDS=60 bench/qbit-poll.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -o install -DskipTests
./mvnw -o -pl app surefire:test -Dtest=QbPollBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dkanal.bench=true -Dkanal.bench.torrents="${TORRENTS:-500}" -Dkanal.bench.rate="${RATE:-50}" \
  -Dkanal.bench.seconds="${SECONDS_RUN:-30}" -DtrimStackTrace=false \
  | grep -E '^bench:|Tests run|ERROR' || true
cat app/target/surefire-reports/dev.kanal.bench.QbPollBench-output.txt 2>/dev/null | grep '^bench:' || true
