#!/usr/bin/env sh
# Parse-time benchmark for the site scrapers (kept out of the normal test run).
# Usage: bench/providers/run.sh            (from anywhere; needs JAVA_HOME or java on PATH)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
./mvnw -q -o -pl providers -DskipTests package
CP_FILE=providers/target/bench-classpath.txt
./mvnw -q -o -pl providers dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$ROOT/$CP_FILE" >/dev/null
CP="providers/target/classes:$(cat "$CP_FILE")"
OUT=providers/target/bench-classes
rm -rf "$OUT" && mkdir -p "$OUT"
"${JAVA_BIN}javac" -d "$OUT" -cp "$CP" $(find bench/providers/src -name '*.java')
exec "${JAVA_BIN}java" -Xmx256m -cp "$OUT:$CP" dev.kanal.bench.ProvidersBench "$@"
