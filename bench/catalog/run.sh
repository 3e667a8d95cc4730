#!/usr/bin/env bash
# Catalog/Torznab benchmark: builds Kanal, then runs CatalogBench against the real server on a
# generated 20,000-title catalog. Usage: bench/catalog/run.sh [requests per query type, default 400]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -q -o install -DskipTests
./mvnw -q -o -pl app dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="app/target/classes:providers/target/classes:$(cat app/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$CP" bench/catalog/CatalogBench.java "$@"
