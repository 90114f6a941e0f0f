#!/bin/sh
# Start-up time and memory of a node with the offline gazetteer, against the same node with a remote provider
# (the anchor: no gazetteer to load). Starts one node at a time on a free loopback port, from target/herd.jar.
#   mvn -B -ntp -q -DskipTests package && bench/places-startup.sh [runs]
set -eu
runs=${1:-3}
jar=target/herd.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now_ms() { echo $(($(date +%s%N) / 1000000)); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# one_run PROVIDER: prints "up_ms first_whatsat_ms heap_used_kb rss_kb"
one_run() {
  port=$(free_port)
  cat >"$work/node.json" <<JSON
{"name": "Bench", "port": $port, "logFile": "$work/Bench.log",
 "places": {"provider": "$1", "url": "http://127.0.0.1:9/", "apiKeyEnv": "HERD_BENCH_NO_KEY"}}
JSON
  start=$(now_ms)
  java -jar "$jar" -conf "$work/node.json" 2>"$work/node.err" >/dev/null &
  pid=$!
  until nc -z 127.0.0.1 "$port" 2>/dev/null; do sleep 0.01; done
  up=$(($(now_ms) - start))
  first=-
  if [ "$1" = offline ]; then
    printf 'IAMAT bench +34.068930-118.445127 1520023934.9\nWHATSAT bench 10 5\n' | nc -N 127.0.0.1 "$port" \
      >"$work/reply"
    grep -q '"status" : "OK"' "$work/reply"
    first=$(($(now_ms) - start))
  fi
  sleep 1
  jcmd "$pid" GC.run >/dev/null
  heap=$(jcmd "$pid" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1)
  rss=$(sed -n 's/VmRSS:[^0-9]*\([0-9]*\).*/\1/p' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$up $first $heap $rss"
}

for provider in google offline; do
  i=0
  while [ "$i" -lt "$runs" ]; do
    echo "$provider $(one_run "$provider")"
    i=$((i + 1))
  done
done | awk '
  { up[$1] += $2; heap[$1] += $4; rss[$1] += $5; n[$1]++; if ($3 != "-") first += $3 }
  END {
    for (p in n) printf "%-8s port open %5.0f ms   heap used after GC %6.1f MB   RSS %6.1f MB\n", p, up[p] / n[p], heap[p] / n[p] / 1024, rss[p] / n[p] / 1024
    printf "offline: first WHATSAT answered %.0f ms after launch (waits for the gazetteer)\n", first / n["offline"]
    printf "ratios offline/google: port open %.2f, heap %.2f, RSS %.2f\n", up["offline"] / up["google"], heap["offline"] / heap["google"], rss["offline"] / rss["google"]
  }'
