#!/usr/bin/env bash
# Single-node OpenSearch 2.19.6 (+ k-NN, neural-search, analysis-common, lang-painless) on 127.0.0.1,
# security off, no Docker.
#
# usage: deploy/local/opensearch.sh install|start|stop|status
#
# Environment (defaults):
#   HK_DIST_DIR                <repo>/.hk/dist   installs (shared between state dirs)
#   HK_STATE_DIR               <repo>/.hk        data/opensearch, logs/opensearch.log, run/opensearch.pid,
#                                                config/opensearch (per-instance config incl. analysis/t2s.txt)
#   OPENSEARCH_PORT            9200              HTTP
#   OPENSEARCH_TRANSPORT_PORT  9300              transport
#   OPENSEARCH_HEAP            512m              -Xms/-Xmx
#   HK_START_TIMEOUT           120               seconds to wait for yellow health
#   MVNW                       <repo>/mvnw       Maven wrapper used to fetch from Maven Central
#   OPENSEARCH_JAVA_HOME       $JAVA_HOME, else the java on PATH (Java 17; must be < 24)
# When run as root the node runs as system user hkgai-os (created if missing): OpenSearch refuses root.
set -euo pipefail

HK_LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=deploy/local/lib.sh
. "$HK_LOCAL_DIR/lib.sh"

OS_VERSION=2.19.6
OS_PLUGIN_VERSION=2.19.6.0
ICU4J_VERSION=77.1
OS_USER=hkgai-os
OPENSEARCH_PORT=${OPENSEARCH_PORT:-9200}
OPENSEARCH_TRANSPORT_PORT=${OPENSEARCH_TRANSPORT_PORT:-9300}
OPENSEARCH_HEAP=${OPENSEARCH_HEAP:-512m}
hk_check_port OPENSEARCH_PORT "$OPENSEARCH_PORT"
hk_check_port OPENSEARCH_TRANSPORT_PORT "$OPENSEARCH_TRANSPORT_PORT"
[[ "$OPENSEARCH_HEAP" =~ ^[0-9]+[kmgKMG]$ ]] || hk_die "OPENSEARCH_HEAP=$OPENSEARCH_HEAP is not a heap size like 512m"

OS_HOME=$HK_DIST_DIR/opensearch-$OS_VERSION
DATA_DIR=$HK_STATE_DIR/data/opensearch
CONF_DIR=$HK_STATE_DIR/config/opensearch
LOG_DIR=$HK_STATE_DIR/logs
NODE_LOG_DIR=$LOG_DIR/opensearch        # path.logs of the node (hs_err files etc.)
LOG_FILE=$LOG_DIR/opensearch.log        # stdout/stderr of the node (console logging)
RUN_DIR=$HK_STATE_DIR/run
PID_FILE=$RUN_DIR/opensearch.pid
PORT_FILE=$RUN_DIR/opensearch.port
TMP_DIR=$HK_STATE_DIR/tmp/opensearch
PID_NEEDLE=opensearch                   # substring of the node's command line (bin/opensearch, then java)

os_java_home() {
  if [[ -n "${OPENSEARCH_JAVA_HOME:-}" ]]; then
    [[ -x "$OPENSEARCH_JAVA_HOME/bin/java" ]] || hk_die "OPENSEARCH_JAVA_HOME=$OPENSEARCH_JAVA_HOME has no bin/java"
    printf '%s\n' "$OPENSEARCH_JAVA_HOME"
  else
    hk_java_home
  fi
}

is_root() { [[ $(id -u) -eq 0 ]]; }

ensure_os_user() {
  if id -u "$OS_USER" >/dev/null 2>&1; then
    return 0
  fi
  hk_log "opensearch: creating system user $OS_USER (OpenSearch refuses to run as root)"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$OS_USER" \
    || id -u "$OS_USER" >/dev/null 2>&1 || hk_die "could not create user $OS_USER"
}

# Runs a command as the node's user (root: $OS_USER via runuser; otherwise the current user).
as_node_user() {
  if is_root; then
    runuser -u "$OS_USER" -- "$@"
  else
    "$@"
  fi
}

do_install() {
  if [[ -f "$OS_HOME/.installed" ]]; then
    return 0
  fi
  hk_with_lock "$HK_DIST_DIR/.opensearch.lock" install_locked
}

write_module_descriptor() {
  local dir=$1 name=$2 desc=$3 classname=$4 extended=$5
  cat >"$dir/plugin-descriptor.properties" <<EOF
description=$desc
version=$OS_VERSION
name=$name
classname=$classname
java.version=11
opensearch.version=$OS_VERSION
custom.foldername=
extended.plugins=$extended
has.native.controller=false
EOF
}

install_locked() {
  if [[ -f "$OS_HOME/.installed" ]]; then
    return 0
  fi
  command -v unzip >/dev/null 2>&1 || hk_die "unzip is required"
  local t0 tmp fetch java_home
  t0=$(hk_now)
  java_home=$(os_java_home)
  hk_log "opensearch: installing OpenSearch $OS_VERSION into $OS_HOME (from Maven Central via $MVNW)"
  tmp=$OS_HOME.tmp.$$
  fetch=$tmp/fetch
  rm -rf "$tmp"
  mkdir -p "$fetch"
  hk_mvn -f "$HK_LOCAL_DIR/opensearch/pom.xml" dependency:copy -Dhk.fetch.dir="$fetch" \
    || { rm -rf "$tmp"; hk_die "opensearch: fetching artifacts failed"; }

  unzip -q "$fetch/opensearch-$OS_VERSION.zip" -d "$tmp/unpacked"
  mv "$tmp/unpacked/opensearch-$OS_VERSION" "$tmp/home"
  local home=$tmp/home

  # modules the integ-test distribution lacks
  local m=$home/modules/lang-painless
  mkdir -p "$m"
  cp "$fetch"/lang-painless-"$OS_VERSION".jar "$fetch"/opensearch-scripting-painless-spi-"$OS_VERSION".jar \
    "$fetch"/antlr4-runtime-*.jar "$fetch"/asm-*.jar "$m/"
  write_module_descriptor "$m" lang-painless \
    "An easy, safe and fast scripting language for OpenSearch" org.opensearch.painless.PainlessPlugin ""
  cat >"$m/plugin-security.policy" <<'EOF'
grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";
  // needed to find the classloader to load allowlisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF
  m=$home/modules/analysis-common
  mkdir -p "$m"
  cp "$fetch"/analysis-common-"$OS_VERSION".jar "$m/"
  write_module_descriptor "$m" analysis-common \
    "Adds \"built in\" analyzers to OpenSearch." org.opensearch.analysis.common.CommonAnalysisPlugin lang-painless

  # plugins, offline from the fetched zips
  local plugin
  for plugin in opensearch-knn neural-search; do
    hk_log "opensearch: installing plugin $plugin"
    OPENSEARCH_JAVA_HOME=$java_home OPENSEARCH_PATH_CONF=$home/config \
      "$home/bin/opensearch-plugin" install --batch "file://$fetch/$plugin-$OS_PLUGIN_VERSION.zip" \
      || { rm -rf "$tmp"; hk_die "opensearch: installing plugin $plugin failed"; }
  done

  # Traditional->Simplified one-character mapping for a `mapping` char_filter
  mkdir -p "$home/hk"
  hk_log "opensearch: generating Traditional->Simplified mapping (ICU4J $ICU4J_VERSION)"
  "$java_home/bin/java" -cp "$fetch/icu4j-$ICU4J_VERSION.jar" "$HK_LOCAL_DIR/tools/T2sMapping.java" "$home/hk/t2s.txt" \
    || { rm -rf "$tmp"; hk_die "opensearch: generating t2s.txt failed"; }

  rm -rf "$home/logs"
  chmod -R a+rX "$home"
  touch "$home/.installed"
  rm -rf "$OS_HOME"
  mv "$home" "$OS_HOME"
  rm -rf "$tmp"
  hk_log "opensearch: installed ($(du -sh "$OS_HOME" | cut -f1)) in $(($(hk_now) - t0)) s"
}

# Per-instance config: the dist's config (plugin config folders included), then our own files.
write_config() {
  mkdir -p "$CONF_DIR/analysis"
  cp -R "$OS_HOME/config/." "$CONF_DIR/"
  cp "$OS_HOME/hk/t2s.txt" "$CONF_DIR/analysis/t2s.txt"
  cat >"$CONF_DIR/opensearch.yml" <<EOF
# Generated by deploy/local/opensearch.sh on every start (ports may change between starts).
cluster.name: hkgai-local
node.name: hkgai-local-1
path.data: $DATA_DIR
path.logs: $NODE_LOG_DIR
network.host: 127.0.0.1
http.port: $OPENSEARCH_PORT
transport.port: $OPENSEARCH_TRANSPORT_PORT
discovery.type: single-node
bootstrap.memory_lock: false
# dev machines often have full-ish disks: do not flip indices to read-only
cluster.routing.allocation.disk.threshold_enabled: false
action.auto_create_index: true
EOF
  cat >"$CONF_DIR/jvm.options" <<EOF
# Generated by deploy/local/opensearch.sh
-Xms$OPENSEARCH_HEAP
-Xmx$OPENSEARCH_HEAP
-XX:+UseG1GC
-XX:G1ReservePercent=25
-XX:InitiatingHeapOccupancyPercent=30
-Djava.io.tmpdir=\${OPENSEARCH_TMPDIR}
-XX:-HeapDumpOnOutOfMemoryError
-XX:ErrorFile=$NODE_LOG_DIR/hs_err_pid%p.log
18-:-Djava.security.manager=allow
20-:--add-modules=jdk.incubator.vector
-Djava.util.concurrent.ForkJoinPool.common.threadFactory=org.opensearch.secure_sm.SecuredForkJoinWorkerThreadFactory
EOF
  rm -rf "$CONF_DIR/jvm.options.d"
  mkdir -p "$CONF_DIR/jvm.options.d"
  cat >"$CONF_DIR/log4j2.properties" <<'EOF'
# Generated by deploy/local/opensearch.sh: console only (redirected to $HK_STATE_DIR/logs/opensearch.log)
status = error
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = console
logger.deprecation.name = org.opensearch.deprecation
logger.deprecation.level = error
EOF
}

prepare_dirs() {
  mkdir -p "$DATA_DIR" "$NODE_LOG_DIR" "$RUN_DIR" "$CONF_DIR" "$TMP_DIR"
  if is_root; then
    ensure_os_user
    chown -R "$OS_USER:" "$DATA_DIR" "$NODE_LOG_DIR" "$CONF_DIR" "$TMP_DIR"
    local d
    for d in "$DATA_DIR" "$NODE_LOG_DIR" "$CONF_DIR" "$TMP_DIR"; do
      as_node_user test -w "$d" -a -x "$d" \
        || hk_die "opensearch: user $OS_USER cannot write $d (a parent folder is not traversable by others?)"
    done
    as_node_user test -r "$OS_HOME/lib/opensearch-$OS_VERSION.jar" \
      || hk_die "opensearch: user $OS_USER cannot read $OS_HOME (a parent folder is not traversable by others?)"
  fi
}

health_ok() {
  local port=$1
  curl -fsS -m 5 "http://127.0.0.1:$port/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null \
    | grep -qE '"status":"(yellow|green)"'
}

wait_ready() {
  local pid=$1 port=$2 deadline
  deadline=$(($(hk_now) + HK_START_TIMEOUT))
  while (($(hk_now) < deadline)); do
    hk_pid_alive "$pid" || { hk_err "opensearch: process $pid exited during startup"; return 1; }
    if hk_port_open "$port" && health_ok "$port"; then
      return 0
    fi
    sleep 0.5
  done
  hk_err "opensearch: not ready after ${HK_START_TIMEOUT} s"
  return 1
}

# Pid of the process that ends up as the node's JVM: the launcher's own pid when not root (nohup/setsid/env
# exec into bin/opensearch, which execs java), the child of runuser when root (runuser forks).
node_pid_of() {
  local launcher=$1 i child
  if ! is_root; then
    printf '%s\n' "$launcher"
    return 0
  fi
  for ((i = 0; i < 100; i++)); do
    child=$(pgrep -P "$launcher" 2>/dev/null | head -n1 || true)
    if [[ -n "$child" ]]; then
      printf '%s\n' "$child"
      return 0
    fi
    hk_pid_alive "$launcher" || break
    sleep 0.05
  done
  return 1
}

do_start() {
  command -v curl >/dev/null 2>&1 || hk_die "curl is required"
  do_install
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  local pid port
  if pid=$(hk_read_live_pid "$PID_FILE" "$PID_NEEDLE"); then
    port=$(cat "$PORT_FILE" 2>/dev/null || echo "$OPENSEARCH_PORT")
    if hk_port_open "$port" && health_ok "$port"; then
      hk_log "opensearch: already running (pid $pid, http://127.0.0.1:$port)"
      return 0
    fi
    hk_log "opensearch: pid $pid alive but http://127.0.0.1:$port not healthy yet; waiting for it"
    if wait_ready "$pid" "$port"; then
      hk_log "opensearch: already running (pid $pid, http://127.0.0.1:$port)"
      return 0
    fi
    hk_tail_log opensearch "$LOG_FILE"
    exit 1
  fi
  rm -f "$PID_FILE"
  for port in "$OPENSEARCH_PORT" "$OPENSEARCH_TRANSPORT_PORT"; do
    if hk_port_open "$port"; then
      hk_die "opensearch: 127.0.0.1:$port is already in use by another process (set OPENSEARCH_PORT / OPENSEARCH_TRANSPORT_PORT)"
    fi
  done
  local java_home major
  java_home=$(os_java_home)
  major=$(hk_java_major "$java_home/bin/java")
  if [[ -n "$major" && "$major" =~ ^[0-9]+$ ]] && ((major >= 24)); then
    hk_die "opensearch: Java $major at $java_home cannot run OpenSearch $OS_VERSION (needs the security manager, removed in Java 24); set OPENSEARCH_JAVA_HOME to a Java 17 or 21"
  fi
  write_config
  prepare_dirs
  hk_rotate_log "$LOG_FILE"
  local t0 launcher
  t0=$(hk_now)
  hk_log "opensearch: starting on http://127.0.0.1:$OPENSEARCH_PORT (transport $OPENSEARCH_TRANSPORT_PORT, heap $OPENSEARCH_HEAP, state $HK_STATE_DIR)"
  local -a run_as=()
  if is_root; then
    run_as=(runuser -u "$OS_USER" --)
  fi
  # setsid + nohup: the node survives the caller's session; all std fds go to the log so callers
  # reading this script's output (e.g. the Java test harness) see EOF when the script exits.
  nohup setsid "${run_as[@]}" env \
    OPENSEARCH_JAVA_HOME="$java_home" \
    OPENSEARCH_PATH_CONF="$CONF_DIR" \
    OPENSEARCH_TMPDIR="$TMP_DIR" \
    OPENSEARCH_JAVA_OPTS="" \
    "$OS_HOME/bin/opensearch" \
    </dev/null >"$LOG_FILE" 2>&1 &
  launcher=$!
  pid=$(node_pid_of "$launcher") || {
    hk_tail_log opensearch "$LOG_FILE"
    hk_die "opensearch: launcher exited before starting the node"
  }
  echo "$pid" >"$PID_FILE"
  echo "$OPENSEARCH_PORT" >"$PORT_FILE"
  if ! wait_ready "$pid" "$OPENSEARCH_PORT"; then
    hk_tail_log opensearch "$LOG_FILE"
    if hk_pid_alive "$pid"; then
      hk_stop_pid opensearch "$pid" >&2
    fi
    rm -f "$PID_FILE"
    exit 1
  fi
  hk_log "opensearch: started (pid $pid, http://127.0.0.1:$OPENSEARCH_PORT) in $(($(hk_now) - t0)) s"
}

do_stop() {
  hk_stop_pidfile opensearch "$PID_FILE" "$PID_NEEDLE"
}

do_status() {
  hk_status_pidfile opensearch "$PID_FILE" "$PID_NEEDLE" "$PORT_FILE" "$OPENSEARCH_PORT"
}

usage() {
  # the leading comment block of this file
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "${BASH_SOURCE[0]}"
}

cmd=${1:-}
[[ $# -gt 0 ]] && shift
case "$cmd" in
  install) do_install; hk_log "opensearch: installed at $OS_HOME" ;;
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
