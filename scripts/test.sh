#!/usr/bin/env bash
# Runs the whole test suite (unit, integration and end-to-end tests of both modules).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/prepare.sh
kanal_find_jdk
kanal_install_tools chromium chromium-driver
exec ./mvnw -B -ntp verify "$@"
