#!/usr/bin/env bash
# Runs the whole test suite (unit, integration and end-to-end tests of both modules).
# Extra arguments go to Maven, e.g. scripts/test.sh -o (offline).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prepare.sh
kanal_find_jdk
kanal_install_tools chromium chromium-driver
kanal_note_shared_fixtures
# the Radarr-style parser ArrParserTest runs release names through (npm package, pinned by its lock file)
if command -v npm >/dev/null 2>&1; then
  (cd app/src/test/node/arr-parser && npm ci --no-audit --no-fund --silent)
else
  echo "note: npm is not installed; ArrParserTest is skipped (install nodejs and npm to run it)" >&2
fi
exec ./mvnw -B -ntp verify "$@"
