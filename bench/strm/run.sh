#!/usr/bin/env bash
# Stream proxy benchmark: direct vs nginx reverse proxy vs Kanal on a 1 GiB local file.
# Usage: bench/strm/run.sh   (from the repository root; builds first; needs nginx and curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -o install -DskipTests
./mvnw -q -o -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
CP="app/target/classes:$(cat app/target/bench.classpath)"
exec java -Xmx512m ${BENCH_OPTS:-} -cp "$CP" bench/strm/StrmBenchmark.java "$@"
