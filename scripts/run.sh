#!/usr/bin/env bash
# Builds Kanal when its sources changed since the last build, then starts it with its defaults
# (port 8080, ./data, ./downloads). Extra arguments go to Kanal, e.g. scripts/run.sh --config kanal.yaml
# Kanal prints "open http://…/ and log in with …" once it is ready.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prepare.sh
kanal_find_jdk
kanal_install_tools
jar=app/target/kanal.jar
if kanal_build_needed "$jar"; then
  echo "building Kanal (the first build downloads its dependencies and takes a few minutes)…" >&2
  kanal_build
else
  echo "Kanal is up to date ($jar); starting it" >&2
fi
# shellcheck disable=SC2046 # the options are words
exec "$JAVA_HOME/bin/java" $(kanal_java_opts app/target/kanal.jsa) -jar "$jar" "$@"
