#!/usr/bin/env bash
# Start-up time of herd nodes (see BENCHMARKS.md, "Start-up (issue 10)"): the time from launching a node to its
# herd port accepting a connection,
#   - alone: one node at a time, RUNS times, median (and every run); also the time from launch to the reply to a
#     first IAMAT sent as soon as the port answers;
#   - five at once: a herd of five linked as conf/ is, all launched together, until the last herd port answers
#     (RUNS times, median).
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

# A port nothing listens on (random, checked; the window for a race is small on loopback).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 30000))
    answers "$port" || { echo "$port"; return; }
  done
}

names=(Goloman Hands Holiday Welsh Wilkes)
declare -A links=([Goloman]="Hands Holiday Wilkes" [Hands]="Goloman Wilkes" [Holiday]="Goloman Welsh Wilkes"
  [Welsh]="Holiday" [Wilkes]="Goloman Hands Holiday")
declare -A port

# write_configs NAME...: configs with fresh ports for the named nodes, linked as conf/ links them.
write_configs() {
  local name other neighbours
  for name in "$@"; do port[$name]=$(free_port); done
  for name in "$@"; do
    neighbours=""
    for other in ${links[$name]}; do
      [ -n "${port[$other]:-}" ] || continue
      neighbours="$neighbours${neighbours:+, }\"$other\": \"127.0.0.1:${port[$other]}\""
    done
    cat > "$work/$name.json" <<JSON
{"name": "$name", "port": ${port[$name]}, "metricsPort": $(free_port), "calcPort": $(free_port),
 "neighbours": {$neighbours}, "logFile": "$work/$name.log",
 "places": {"apiKeyEnv": "HERD_BENCH_NO_KEY"}}
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
  port=()
}

# run_nodes LAUNCHER NAME...: launches the nodes together, prints the ms until the last herd port answers, and
# with one node, the ms until it has answered a first IAMAT.
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
      if [ $(( $(now_us) - start )) -gt 60000000 ]; then
        echo "no answer within 60 s from ${waiting[*]}:" >&2
        cat "$work/${waiting[0]}.out" >&2
        exit 1
      fi
      sleep 0.005
    fi
  done
  up=$(( ($(now_us) - start) / 1000 ))
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
  echo "first bin/herd-node launch (its JVM writes target/herd.jsa as it exits): $(run_nodes node Goloman | cut -d ' ' -f 1) ms"
  sleep 1
fi
for launcher in "${launchers[@]}"; do
  alone=()
  first=()
  for ((i = 0; i < runs; i++)); do
    read -r up answered < <(run_nodes "$launcher" Goloman)
    alone+=("$up")
    first+=("$answered")
    sleep 0.3
  done
  five=()
  for ((i = 0; i < runs; i++)); do five+=("$(run_nodes "$launcher" "${names[@]}")"); sleep 0.5; done
  printf '%-5s alone: port open, median %4d ms (runs %s); first IAMAT answered, median %4d ms (runs %s)\n' \
    "$launcher" "$(echo "${alone[*]}" | median)" "${alone[*]}" "$(echo "${first[*]}" | median)" "${first[*]}"
  printf '%-5s five at once, last port open: median %4d ms (runs %s)\n' "$launcher" \
    "$(echo "${five[*]}" | median)" "${five[*]}"
done
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
