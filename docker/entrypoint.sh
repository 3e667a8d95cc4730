#!/bin/sh
# Runs Kanal as the user given by PUID/PGID so files in the download directory belong to the host
# user. Taking ownership of the directories is best effort: NFS and SMB shares often refuse chown
# (root squash, fixed uid mapping), and then the container still starts and Kanal itself says
# whether it can write there.
set -eu

PUID="${PUID:-1000}"
PGID="${PGID:-1000}"
DATA_DIR="${KANAL_DATA_DIR:-/config}"
DOWNLOAD_DIR="${KANAL_DOWNLOAD_DIR:-/data/torrents}"

# images before the TRaSH layout kept the database in /data; keep using it until it is moved
if [ "$DATA_DIR" = "/config" ] && [ ! -e /config/kanal.sqlite ] && [ -e /data/kanal.sqlite ]; then
  echo "kanal-entrypoint: found the database of an older image in /data; using KANAL_DATA_DIR=/data." >&2
  echo "kanal-entrypoint: move /data/kanal.sqlite* and /data/secrets.properties to /config to follow the new layout." >&2
  DATA_DIR=/data
  export KANAL_DATA_DIR=/data
fi

# the JVM options scripts/run.sh uses (scripts/lib/prepare.sh, kanal_java_opts): a class-data archive in
# the data directory, written when Kanal stops and mapped on every later start (about half the
# start-up time), the serial collector and a small first heap, and the C heap handed back to the
# system every 2 s (the image's Java 21 is a current update: TrimNativeHeapInterval needs 21.0.1);
# JAVA_OPTS comes last and wins
JAVA_DEFAULTS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$DATA_DIR/kanal.jsa -XX:+UseSerialGC -Xms16m"
JAVA_DEFAULTS="$JAVA_DEFAULTS -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000"

if [ "$(id -u)" = "0" ]; then
  group_name=$(getent group "$PGID" | cut -d: -f1 || true)
  if [ -z "$group_name" ]; then
    groupadd --gid "$PGID" kanal
    group_name=kanal
  fi
  user_name=$(getent passwd "$PUID" | cut -d: -f1 || true)
  if [ -z "$user_name" ]; then
    useradd --uid "$PUID" --gid "$PGID" --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin kanal
    user_name=kanal
  fi
  for dir in "$DATA_DIR" "$DOWNLOAD_DIR"; do
    mkdir -p "$dir" 2>/dev/null || echo "kanal-entrypoint: cannot create $dir; Kanal will say whether it can use it" >&2
    # only the directory itself, never recursively: /data is shared with Sonarr, Radarr and the library
    chown "$PUID:$PGID" "$dir" 2>/dev/null \
      || echo "kanal-entrypoint: cannot chown $dir to $PUID:$PGID (NFS/SMB share?); continuing — make sure that user may write there" >&2
  done
  exec gosu "$PUID:$PGID" java $JAVA_DEFAULTS ${JAVA_OPTS:-} -jar /opt/kanal/kanal.jar "$@"
fi

exec java $JAVA_DEFAULTS ${JAVA_OPTS:-} -jar /opt/kanal/kanal.jar "$@"
