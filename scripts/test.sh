#!/usr/bin/env bash
# Runs the whole test suite (unit, integration and end-to-end tests of both modules).
# Extra arguments go to Maven, e.g. scripts/test.sh -o (offline).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prepare.sh
kanal_find_jdk
kanal_install_tools chromium chromium-driver
kanal_note_shared_fixtures
exec ./mvnw -B -ntp verify "$@"
