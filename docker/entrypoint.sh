#!/bin/sh
# Runs Kanal as the user given by PUID/PGID so files in /downloads belong to the host user.
set -eu

PUID="${PUID:-1000}"
PGID="${PGID:-1000}"

if [ "$(id -u)" = "0" ]; then
  group_name=$(getent group "$PGID" | cut -d: -f1 || true)
  if [ -z "$group_name" ]; then
    groupadd --gid "$PGID" kanal
    group_name=kanal
  fi
  user_name=$(getent passwd "$PUID" | cut -d: -f1 || true)
  if [ -z "$user_name" ]; then
    useradd --uid "$PUID" --gid "$PGID" --home-dir /data --no-create-home --shell /usr/sbin/nologin kanal
    user_name=kanal
  fi
  mkdir -p "${KANAL_DATA_DIR:-/data}" "${KANAL_DOWNLOAD_DIR:-/downloads}"
  chown "$PUID:$PGID" "${KANAL_DATA_DIR:-/data}" "${KANAL_DOWNLOAD_DIR:-/downloads}"
  exec gosu "$PUID:$PGID" java ${JAVA_OPTS:-} -jar /opt/kanal/kanal.jar "$@"
fi

exec java ${JAVA_OPTS:-} -jar /opt/kanal/kanal.jar "$@"
