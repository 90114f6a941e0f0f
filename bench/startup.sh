#!/usr/bin/env bash
# Start-up time of herd nodes (see BENCHMARKS.md, "Start-up (issue 10)"): the time from launching a node to its
# herd port accepting a connection,
#   - alone: one node at a time, RUNS times, median (and every run); also the time from launch to the reply to a
#     first IAMAT sent as soon as the port answers;
#   - five at once: a herd of five linked as conf/ is, all launched together, until the last herd port answers
#     (RUNS times, median).
# With each, the CPU time (user + system) the node's JVM, or the five JVMs together, had used when the (last) port
# answered: on this shared machine the wall times swing with other people's load, the CPU time much less.
# Each is measured for every launcher named in HERD_STARTUP_LAUNCHERS (default: "node java"):
#   node   bin/herd-node CONF          (the class-data archive next to the jar; built on its first launch)
#   java   java -jar target/herd.jar -conf CONF   (the plain launcher, no archive)
# Nodes use free loopback ports, a temporary directory for configs and logs, and the offline gazetteer.
#   mvn -B -ntp -q -DskipTests package && bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
launchers=(${HERD_STARTUP_LAUNCHERS:-node java})
jar=target/herd.jar
[ -f "$jar" ] || { echo "no $jar: mvn -B -ntp -q -DskipTests package first" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now_us() { local t; t=$(date +%s%N); echo $((t / 1000)); }
answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

declare -A used
# Sets REPLY to a port nothing listens on and this run has not handed out yet (random, checked).
free_port() {
  while :; do
    REPLY=$((20000 + RANDOM % 12000))   # below the ephemeral ports (32768-)
    [ -z "${used[$REPLY]:-}" ] && ! answers "$REPLY" && break
  done
  used[$REPLY]=1
}

names=(Goloman Hands Holiday Welsh Wilkes)
declare -A links=([Goloman]="Hands Holiday Wilkes" [Hands]="Goloman Wilkes" [Holiday]="Goloman Welsh Wilkes"
  [Welsh]="Holiday" [Wilkes]="Goloman Hands Holiday")
declare -A port peer http
export HERD_SECRET=${HERD_SECRET:-startup-benchmark-key-0123456789}

# write_configs NAME...: configs with fresh ports for the named nodes, linked and with HTTP faces as conf/ has them.
write_configs() {
  local name other neighbours web metrics calc
  for name in "$@"; do
    free_port; port[$name]=$REPLY
    free_port; peer[$name]=$REPLY
    free_port; http[$name]=$REPLY
  done
  for name in "$@"; do
    neighbours=""
    web=""
    for other in "$@"; do
      [ "$other" != "$name" ] || continue
      web="$web${web:+, }\"$other\": \"127.0.0.1:${http[$other]}\""
      [[ " ${links[$name]} " == *" $other "* ]] || continue
      neighbours="$neighbours${neighbours:+, }\"$other\": \"127.0.0.1:${peer[$other]}\""
    done
    free_port; metrics=$REPLY
    free_port; calc=$REPLY
    cat > "$work/$name.json" <<JSON
{"name": "$name", "port": ${port[$name]}, "peerPort": ${peer[$name]}, "metricsPort": $metrics, "calcPort": $calc,
 "httpPort": ${http[$name]}, "neighbours": {$neighbours}, "httpNodes": {$web},
 "logFile": "$work/$name.log", "dataDir": "$work/$name-data", "places": {"apiKeyEnv": "HERD_BENCH_NO_KEY"}}
JSON
  done
}

launch() {
  local launcher=$1 name=$2
  case "$launcher" in
    node) bin/herd-node "$work/$name.json" > "$work/$name.out" 2>&1 & ;;
    java) java -jar "$jar" -conf "$work/$name.json" > "$work/$name.out" 2>&1 & ;;
    *) echo "unknown launcher $launcher" >&2; exit 2 ;;
  esac
  pids+=($!)
}

stop_all() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
  port=(); peer=(); http=()
  used=()
}

# The CPU time in ms the processes PID... have used so far.
cpu_ms() {
  local pid ticks=0 tck
  tck=$(getconf CLK_TCK)
  for pid in "$@"; do ticks=$((ticks + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo $((ticks * 1000 / tck))
}

# run_nodes LAUNCHER NAME...: launches the nodes together, prints the ms until the last herd port answers, the CPU
# ms they had used then, and with one node, the ms until it has answered a first IAMAT.
run_nodes() {
  local launcher=$1 start name waiting pending up
  shift
  write_configs "$@"
  start=$(now_us)
  for name in "$@"; do launch "$launcher" "$name"; done
  waiting=("$@")
  while [ ${#waiting[@]} -gt 0 ]; do
    pending=()
    for name in "${waiting[@]}"; do answers "${port[$name]}" || pending+=("$name"); done
    waiting=("${pending[@]}")
    if [ ${#waiting[@]} -gt 0 ]; then
      if ! kill -0 "${pids[@]}" 2>/dev/null || [ $(( $(now_us) - start )) -gt 60000000 ]; then
        echo "no answer within 60 s from ${waiting[*]}:" >&2
        cat "$work/${waiting[0]}.out" >&2
        stop_all   # this runs in a subshell: the nodes it started are its to stop
        exit 1
      fi
      sleep 0.005
    fi
  done
  up="$(( ($(now_us) - start) / 1000 )) $(cpu_ms "${pids[@]}")"
  if [ $# -eq 1 ]; then
    exec 3<>"/dev/tcp/127.0.0.1/${port[$1]}"
    printf 'IAMAT bench.startup +34.068930-118.445127 %s\n' "$(date +%s.%N)" >&3
    read -r _ <&3
    exec 3<&-
    up="$up $(( ($(now_us) - start) / 1000 ))"
  fi
  echo "$up"
  stop_all
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg), $(nproc) cores, $(java -version 2>&1 | head -n 1)"
if [[ " ${launchers[*]} " == *" node "* ]] && [ ! -f target/herd.jsa ]; then
  echo "first bin/herd-node launch (its JVM writes target/herd.jsa as it exits): $(run_nodes node Goloman) ms" \
    "(port open, CPU, first IAMAT answered)"
  bin/herd-node --archive   # takes the archive that launch wrote
  sleep 1
fi
for launcher in "${launchers[@]}"; do
  alone=()
  alone_cpu=()
  first=()
  for ((i = 0; i < runs; i++)); do
    line=$(run_nodes "$launcher" Goloman)
    read -r up cpu answered <<< "$line"
    alone+=("$up")
    alone_cpu+=("$cpu")
    first+=("$answered")
    sleep 0.3
  done
  five=()
  five_cpu=()
  for ((i = 0; i < runs; i++)); do
    line=$(run_nodes "$launcher" "${names[@]}")
    read -r up cpu <<< "$line"
    five+=("$up")
    five_cpu+=("$cpu")
    sleep 0.5
  done
  printf '%-5s alone: port open, median %4d ms (runs %s), CPU %d ms; first IAMAT answered, median %4d ms (runs %s)\n' \
    "$launcher" "$(echo "${alone[*]}" | median)" "${alone[*]}" "$(echo "${alone_cpu[*]}" | median)" \
    "$(echo "${first[*]}" | median)" "${first[*]}"
  printf '%-5s five at once: last port open, median %4d ms (runs %s), CPU of the five %d ms\n' "$launcher" \
    "$(echo "${five[*]}" | median)" "${five[*]}" "$(echo "${five_cpu[*]}" | median)"
done
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
