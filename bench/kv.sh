#!/usr/bin/env bash
# The key-value benchmark (issue 9; see BENCHMARKS.md): installs etcd-server and wrk from Debian's packages if they
# are missing, builds the jar, then runs herd.bench.KvBench:
#   throughput   one herd node under durability write, one under fsync and one etcd member (the anchor), all on
#                loopback; wrk -t1 -c50 -d10s --latency with bench/kv-herd.lua / bench/kv-etcd.lua: set and get of
#                1 key and of 100 keys a request
#   propagation  five nodes linked as the seed's herd: a fresh key set on Welsh, polled on Hands until found
#                (1,000 samples); read-your-writes on Welsh
# Usage: bench/kv.sh [sections] [--seconds S] [--warmup S] [--conns C] [--samples N]
# Every node and etcd is a process of its own on free loopback ports under a temporary directory; all are stopped
# when the script ends, and the temporary directory removed (BENCH_KEEP=1 keeps it: data, logs, wrk's output).
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
  apt-get install -y "$@" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$@" >/dev/null; }
}
command -v etcd >/dev/null || install etcd-server
command -v wrk >/dev/null || install wrk

mvn -q -B -ntp -DskipTests package

bench/run-driver.sh herd.bench.KvBench --wrk "$(command -v wrk)" --etcd "$(command -v etcd)" "$@"
