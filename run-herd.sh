#!/usr/bin/env bash
# Starts, stops and inspects the herd's nodes as background processes.
#
#   ./run-herd.sh start [NAME]     build the jar if needed, start every node (or one) with bin/herd-node, wait until
#                                  it answers
#   ./run-herd.sh stop [NAME]      stop the nodes this script started (pid files under run/)
#   ./run-herd.sh restart [NAME]
#   ./run-herd.sh status [NAME]
#
# Environment: JAVA_OPTS (extra JVM options, passed on by bin/herd-node), HERD_CONF_DIR (default conf),
# HERD_RUN_DIR (default run), HERD_NODES (default: Goloman Hands Holiday Welsh Wilkes), HERD_START_TIMEOUT (seconds,
# default 60), HERD_SECRET (the herd key the nodes' links prove; default: the one in run/herd.key, made on first
# start).
set -euo pipefail

cd "$(dirname "$0")"
CONF_DIR=${HERD_CONF_DIR:-conf}
RUN_DIR=${HERD_RUN_DIR:-run}
NODES=(${HERD_NODES:-Goloman Hands Holiday Welsh Wilkes})
START_TIMEOUT=${HERD_START_TIMEOUT:-60}
JAR=target/herd.jar
KEY_FILE="$RUN_DIR/herd.key"
BUILT=target/herd.jar.built   # touched by each successful package; the jar itself keeps its time when unchanged

die() { echo "run-herd.sh: $*" >&2; exit 1; }

conf_of() { echo "$CONF_DIR/$1.json"; }

# The integer value of a top-level key such as "port" in a node's config, or nothing.
conf_int() {
  tr -d '\n' < "$(conf_of "$1")" | grep -oE "\"$2\"[[:space:]]*:[[:space:]]*[0-9]+" | head -n 1 | grep -oE '[0-9]+$' || true
}

conf_string() {
  tr -d '\n' < "$(conf_of "$1")" | grep -oE "\"$2\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" | head -n 1 \
    | sed -E 's/.*:[[:space:]]*"([^"]*)"/\1/' || true
}

host_of() { local host; host=$(conf_string "$1" host); echo "${host:-127.0.0.1}"; }

log_of() { local file; file=$(conf_string "$1" logFile); echo "${file:-logs/$1.log}"; }

pid_file() { echo "$RUN_DIR/$1.pid"; }

# The pid of a running node this script started, or nothing; a stale pid file is removed.
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  # bin/herd-node execs java with "-conf CONF"; until then it is "bin/herd-node CONF".
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" \
      | grep -q -e "-conf $(conf_of "$1")" -e "herd-node $(conf_of "$1")"; then
    echo "$pid"
  else
    rm -f "$file"
  fi
}

answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

connect_host() { local host; host=$(host_of "$1"); [ "$host" = "0.0.0.0" ] && host=127.0.0.1; echo "$host"; }

ports_of() {
  local name=$1 line key value
  line="port $(conf_int "$name" port)"
  for key in peerPort metricsPort calcPort httpPort; do
    value=$(conf_int "$name" "$key")
    [ -n "$value" ] && line="$line, $key $value"
  done
  echo "$line"
}

# Maven in batch mode, its colour resets removed; prints one line per build step, the whole log goes to a file.
build_if_stale() {
  local log=$RUN_DIR/build.log
  if [ ! -f "$JAR" ] || [ ! -f "$BUILT" ] || [ -n "$(find src pom.xml -newer "$BUILT" -print -quit)" ]; then
    echo "building $JAR (the first build downloads dependencies, about a minute) ..."
    mkdir -p "$RUN_DIR"
    if ! mvn -B -ntp -DskipTests package 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | tee "$log" \
        | sed -u -n -E 's/^\[INFO\] --- ([^ ]+) .*/  \1/p'; then
      grep -E '^\[ERROR\]' "$log" | head -n 20 >&2
      die "the build failed; its log is $log"
    fi
  fi
  bin/herd-node --archive || true
}

# Exports HERD_SECRET for the nodes: as the environment has it, or from the key file, made with a random key
# (readable by this user only) the first time.
export_herd_key() {
  [ -n "${HERD_SECRET:-}" ] && { export HERD_SECRET; return 0; }
  mkdir -p "$RUN_DIR"
  if [ ! -s "$KEY_FILE" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n' > "$KEY_FILE.new" && mv "$KEY_FILE.new" "$KEY_FILE") \
      || die "cannot write the herd key to $KEY_FILE"
    chmod 600 "$KEY_FILE"
    echo "made a new herd key in $KEY_FILE"
  fi
  HERD_SECRET=$(cat "$KEY_FILE")
  export HERD_SECRET
}

start_node() {
  local name=$1 conf pid
  conf=$(conf_of "$name")
  [ -f "$conf" ] || die "no config $conf for node $name"
  pid=$(running_pid "$name")
  if [ -n "$pid" ]; then
    echo "$name already running (pid $pid)"
    return 0
  fi
  mkdir -p "$RUN_DIR"
  nohup bin/herd-node "$conf" > "$RUN_DIR/$name.out" 2>&1 < /dev/null &
  echo $! > "$(pid_file "$name")"
}

await_node() {
  local name=$1 pid port host deadline
  pid=$(cat "$(pid_file "$name")")
  port=$(conf_int "$name" port)
  host=$(connect_host "$name")
  deadline=$((SECONDS + START_TIMEOUT))
  until answers "$host" "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$(pid_file "$name")"
      echo "$name failed to start:" >&2
      tail -n 5 "$RUN_DIR/$name.out" >&2
      return 1
    fi
    [ $SECONDS -lt $deadline ] || { echo "$name did not answer on $host:$port within ${START_TIMEOUT}s" >&2; return 1; }
    sleep 0.2
  done
  printf '%-8s %s, pid %s, log %s\n' "$name" "$(ports_of "$name")" "$pid" "$(log_of "$name")"
}

stop_node() {
  local name=$1 pid waited=0
  pid=$(running_pid "$name")
  if [ -z "$pid" ]; then
    echo "$name not running"
    return 0
  fi
  kill "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if [ $waited -ge 100 ]; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$(pid_file "$name")"
  echo "$name stopped (pid $pid)"
}

# More about a running node, from the node itself, on the lines after its status line: the place for the links
# its HTTP status endpoint will give (httpPort). Nothing yet.
status_details() {
  :
}

status_node() {
  local name=$1 pid
  pid=$(running_pid "$name")
  if [ -n "$pid" ]; then
    printf '%-8s up    %s, pid %s, log %s\n' "$name" "$(ports_of "$name")" "$pid" "$(log_of "$name")"
    status_details "$name"
  else
    printf '%-8s down  %s\n' "$name" "$(ports_of "$name")"
  fi
}

targets() {
  if [ $# -gt 0 ]; then
    for name in "${NODES[@]}"; do [ "$name" = "$1" ] && { echo "$1"; return; }; done
    die "unknown node $1 (nodes: ${NODES[*]})"
  fi
  echo "${NODES[@]}"
}

start() {
  local failed=0 name
  build_if_stale
  export_herd_key
  for name in $(targets "$@"); do start_node "$name"; done
  for name in $(targets "$@"); do await_node "$name" || failed=1; done
  return $failed
}

stop() {
  local name
  for name in $(targets "$@"); do stop_node "$name"; done
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
  start) start "$@" ;;
  stop) stop "$@" ;;
  restart) stop "$@"; start "$@" ;;
  status) for name in $(targets "$@"); do status_node "$name"; done ;;
  *) echo "usage: $0 start|stop|restart|status [NAME]" >&2; exit 2 ;;
esac
