#!/usr/bin/env bash
# Builds Kanal and starts it with its defaults (port 8080, ./data, ./downloads).
# Extra arguments go to Kanal, e.g. scripts/run.sh --config kanal.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prepare.sh
kanal_find_jdk
kanal_install_tools
./mvnw -q -B -DskipTests package
exec "$JAVA_HOME/bin/java" -jar app/target/kanal.jar "$@"
