#!/usr/bin/env bash
# Catalog/Torznab benchmark: builds Kanal, then runs CatalogBench against the real server on a
# generated catalog (scale 1: 20,000 titles in all, ~400,000 episodes; scale 3: 60,000 titles, about 20,000 a
# site, ~1.2 M episodes).
# Usage: bench/catalog/run.sh [requests per query type, default 400; 0: bootstrap and size only] [scale, default 1]
# BENCH_XMX: the heap (default 1g; bench/catalog/size.sh runs 60,000 titles under 256m)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/prepare.sh
kanal_find_jdk
./mvnw -q -o package -DskipTests # package, not install: the local repository is shared
if ./mvnw -q -o -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath 2>/dev/null; then
  CP="app/target/classes:providers/target/classes:$(cat app/target/bench.classpath)"
else
  CP="app/target/kanal.jar" # offline without the dependency plugin: the shaded jar carries every dependency
fi
# BENCH_JAVA_OPTS: extra JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile
exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -Xmx"${BENCH_XMX:-1g}" -Dkanal.log.level=WARN -cp "$CP" bench/catalog/CatalogBench.java "$@"
