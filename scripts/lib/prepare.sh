# Shared by scripts/run.sh and scripts/test.sh: find a JDK >= 21 and make sure the system tools
# Kanal drives (yt-dlp, ffmpeg/ffprobe) are installed. Sourced, not executed.

kanal_java_major() {
  # prints the major version of the java binary in $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

kanal_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(kanal_java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then
      return 0
    fi
    echo "note: JAVA_HOME=$JAVA_HOME is Java ${major:-?}; looking for a JDK 21+ under /usr/lib/jvm" >&2
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(kanal_java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "error: Kanal needs a JDK 21 or newer. Set JAVA_HOME to one, or install one under /usr/lib/jvm" >&2
    echo "       (for example Debian's openjdk-21-jdk or a Temurin 21 package)." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

kanal_install_tools() {
  local missing=() tool
  command -v yt-dlp >/dev/null 2>&1 || missing+=(yt-dlp)
  { command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; } || missing+=(ffmpeg)
  for tool in "$@"; do
    case "$tool" in
      chromium) command -v chromium >/dev/null 2>&1 || missing+=(chromium) ;;
      chromium-driver) command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver) ;;
      *) command -v "$tool" >/dev/null 2>&1 || missing+=("$tool") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "error: missing ${missing[*]}. Install them, e.g.: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
}

kanal_build_needed() {
  # true when $1 (the jar) is missing or any source, resource or build file is newer than it
  local jar="$1"
  [ -f "$jar" ] || return 0
  [ -n "$(find pom.xml app/pom.xml providers/pom.xml .mvn app/src/main providers/src/main \
            -newer "$jar" -print -quit 2>/dev/null)" ]
}

kanal_build() {
  # builds the jar without tests, showing one line per module and step instead of two silent minutes
  ./mvnw -B -ntp -DskipTests package 2>&1 | while IFS= read -r line; do
    case "$line" in
      *"Building kanal"*|*"Building Kanal"*) echo "  ${line#\[INFO\] }" >&2 ;;
      *"--- "*) step="${line#*--- }"; echo "    ${step%% *}" >&2 ;;
      *"BUILD SUCCESS"*|*"Total time"*) echo "  ${line#\[INFO\] }" >&2 ;;
      *"[ERROR]"*|*"BUILD FAILURE"*) echo "$line" >&2 ;;
    esac
  done
}

kanal_trims_native_heap() {
  # true when the JDK in $1 knows -XX:TrimNativeHeapInterval: 21.0.1 and later (experimental until
  # 21.0.3, hence the unlock), 22 and later; 21.0.0 would refuse to start with it. Read from the
  # JDK's release file, so no extra JVM start; a JDK without one is asked directly.
  local version
  version=$(sed -n 's/^JAVA_VERSION="\([0-9.]*\).*/\1/p' "$1/release" 2>/dev/null)
  if [ -z "$version" ]; then
    "$1/bin/java" -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000 -version >/dev/null 2>&1
    return
  fi
  local major="${version%%.*}" rest="${version#*.}"
  [ "$version" = "$major" ] && rest=0.0
  local update="${rest#*.}"
  [ "$major" -gt 21 ] || { [ "$major" -eq 21 ] && [ "${update%%.*}" -ge 1 ]; }
}

kanal_java_opts() {
  # The JVM options Kanal starts with (docker/entrypoint.sh uses the same): a class-data archive ($1)
  # that the JVM writes when Kanal stops and maps on every later start (classes arrive pre-parsed:
  # about half the start-up time; rewritten by itself after a rebuild), the serial collector and a
  # small first heap (Kanal's live heap is small, so the idle process stays small), and the C heap
  # handed back to the system every 2 s (glibc keeps what start-up and requests freed: about 15 MiB
  # of an idle Kanal's resident memory; a trim takes under a millisecond). KANAL_JAVA_OPTS comes
  # last and wins, e.g. KANAL_JAVA_OPTS="-Xmx1g" or "-XX:-UseSerialGC -XX:+UseG1GC".
  local trim=""
  if kanal_trims_native_heap "$JAVA_HOME"; then
    trim=" -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000"
  fi
  echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$1 -XX:+UseSerialGC -Xms16m$trim ${KANAL_JAVA_OPTS:-}"
}

kanal_note_shared_fixtures() {
  # the parser tests also run the real captures in shared/fixtures when a folder above the checkout
  # (or beside one) holds it, as CI does; found the way the tests' Fixtures class looks for it
  local dir
  dir="$(pwd)/providers"
  while [ -n "$dir" ] && [ "$dir" != "/" ]; do
    if [ -d "$dir/shared/fixtures" ] || [ -d "$(dirname "$dir")/shared/fixtures" ]; then
      return 0
    fi
    dir="$(dirname "$dir")"
  done
  echo "note: no shared/fixtures above this checkout: the parser tests run on the project's own pages;" >&2
  echo "      the tests on real captures are skipped (they run where ../shared/fixtures exists, as in CI)" >&2
}
