# shellcheck shell=bash
# Shared helpers for deploy/local/kafka.sh and deploy/local/opensearch.sh. Sourced, not run.
# Callers must set HK_LOCAL_DIR (the deploy/local folder) before sourcing.

: "${HK_LOCAL_DIR:?HK_LOCAL_DIR must be set before sourcing lib.sh}"

hk_log() { printf '%s\n' "$*"; }
hk_err() { printf 'error: %s\n' "$*" >&2; }
hk_die() { hk_err "$*"; exit 1; }

# Repo root = git top of the scripts' location (not of the cwd); fall back to ../.. of deploy/local.
hk_repo_root() {
  local top
  if top=$(git -C "$HK_LOCAL_DIR" rev-parse --show-toplevel 2>/dev/null) && [[ -n "$top" ]]; then
    printf '%s\n' "$top"
  else
    (cd "$HK_LOCAL_DIR/../.." && pwd)
  fi
}

# Absolute path of a (possibly relative, possibly not yet existing) directory; creates it.
hk_abs_dir() {
  mkdir -p "$1"
  (cd "$1" && pwd)
}

HK_REPO_ROOT=$(hk_repo_root)
HK_DIST_DIR=$(hk_abs_dir "${HK_DIST_DIR:-$HK_REPO_ROOT/.hk/dist}")
HK_STATE_DIR=$(hk_abs_dir "${HK_STATE_DIR:-$HK_REPO_ROOT/.hk}")
HK_START_TIMEOUT=${HK_START_TIMEOUT:-120}
MVNW=${MVNW:-$HK_REPO_ROOT/mvnw}
export HK_REPO_ROOT HK_DIST_DIR HK_STATE_DIR

# The Java installation to use: $JAVA_HOME if set, else the `java` on PATH.
hk_java_home() {
  if [[ -n "${JAVA_HOME:-}" ]]; then
    [[ -x "$JAVA_HOME/bin/java" ]] || hk_die "JAVA_HOME=$JAVA_HOME has no bin/java"
    printf '%s\n' "$JAVA_HOME"
    return
  fi
  local java
  java=$(command -v java) || hk_die "no java on PATH and JAVA_HOME not set (Java 17 is expected)"
  java=$(readlink -f "$java")
  dirname "$(dirname "$java")"
}

# Feature version (17, 21, ...) of the java binary given.
hk_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1
}

# Run the Maven wrapper: offline first (works without network once ~/.m2 has the artifacts),
# then online if the offline attempt failed.
hk_mvn() {
  [[ -x "$MVNW" ]] || hk_die "Maven wrapper not found or not executable: $MVNW (set MVNW)"
  if "$MVNW" -B -q -o "$@"; then
    return 0
  fi
  hk_log "offline resolution failed; fetching from Maven Central"
  "$MVNW" -B -q "$@"
}

# Hold an exclusive lock on $1 while running the rest of the arguments (a command).
# The lock fd is closed before the command runs, so daemons it starts do not inherit it.
hk_with_lock() {
  local lock=$1
  shift
  mkdir -p "$(dirname "$lock")"
  if command -v flock >/dev/null 2>&1; then
    (
      exec 9>"$lock"
      flock -w 900 9 || hk_die "timed out waiting for lock $lock"
      "$@" 9>&-
    )
  else
    "$@"
  fi
}

hk_pid_alive() {
  local pid=$1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null
}

# True if the process has the given substring in its command line (guards against pid reuse).
hk_pid_matches() {
  local pid=$1 needle=$2
  hk_pid_alive "$pid" || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$needle"
}

# Reads a pid file; prints the pid if its process is alive and matches the needle.
hk_read_live_pid() {
  local pidfile=$1 needle=$2 pid
  [[ -f "$pidfile" ]] || return 1
  pid=$(tr -dc '0-9' <"$pidfile")
  [[ -n "$pid" ]] || return 1
  hk_pid_matches "$pid" "$needle" || return 1
  printf '%s\n' "$pid"
}

# True if something accepts TCP connections on 127.0.0.1:$1.
hk_port_open() {
  local port=$1
  if command -v timeout >/dev/null 2>&1; then
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# Stops a process by pid: TERM, wait up to 30 s, then KILL.
hk_stop_pid() {
  local name=$1 pid=$2 i
  hk_log "$name: stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 300; i++)); do
    hk_pid_alive "$pid" || { hk_log "$name: stopped"; return 0; }
    sleep 0.1
  done
  hk_log "$name: still alive after 30 s, sending KILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    hk_pid_alive "$pid" || { hk_log "$name: killed"; return 0; }
    sleep 0.1
  done
  hk_die "$name: pid $pid did not exit"
}

# Moves the previous log aside (one generation kept).
hk_rotate_log() {
  local log=$1
  if [[ -f "$log" ]]; then
    mv -f "$log" "$log.1"
  fi
}

hk_tail_log() {
  local name=$1 log=$2
  hk_err "$name: last 40 lines of $log:"
  if [[ -f "$log" ]]; then
    tail -n 40 "$log" >&2
  else
    hk_err "(no log file)"
  fi
}

hk_now() { date +%s; }

# Validates a TCP port number from an environment variable.
hk_check_port() {
  local var=$1 value=$2
  if ! [[ "$value" =~ ^[0-9]+$ ]] || ((value < 1 || value > 65535)); then
    hk_die "$var=$value is not a port number"
  fi
}

# Stops the process named by a pid file (if it is alive and matches the needle), then removes the file.
hk_stop_pidfile() {
  local name=$1 pidfile=$2 needle=$3 pid
  if pid=$(hk_read_live_pid "$pidfile" "$needle"); then
    hk_stop_pid "$name" "$pid"
  else
    hk_log "$name: not running"
  fi
  rm -f "$pidfile"
}

# Prints "<name>: running (pid N, 127.0.0.1:PORT)" and returns 0, or "<name>: stopped" and returns 3.
hk_status_pidfile() {
  local name=$1 pidfile=$2 needle=$3 portfile=$4 default_port=$5 pid port
  if pid=$(hk_read_live_pid "$pidfile" "$needle"); then
    port=$(cat "$portfile" 2>/dev/null || echo "$default_port")
    if hk_port_open "$port"; then
      hk_log "$name: running (pid $pid, 127.0.0.1:$port)"
    else
      hk_log "$name: running (pid $pid, 127.0.0.1:$port not answering yet)"
    fi
    return 0
  fi
  hk_log "$name: stopped"
  return 3
}
