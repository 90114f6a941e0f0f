#!/usr/bin/env bash
# The replicated-state benchmark (issue 8; see BENCHMARKS.md): builds the jar and the C load generator
# (bench/lineload.c), installs redis-server from Debian's packages if it is missing, then runs herd.bench.ReplicaBench:
#   put      metrics put vs Redis HSET, 50x1 and 8x32, herd durability write/fsync/memory vs Redis AOF
#            everysec/always/off, a fresh node and Redis per pair
#   iamat    IAMAT under durability write (every wire line logged) vs Redis SET, AOF everysec
#   restore  a node with 10,000,000 points stopped (SIGTERM) and started: time to answer, heap, data directory
#   catchup  two linked nodes: B back after missing 100,000 puts; B empty joining A with 1,000,000 points; put
#            latency at A during that catch-up
# Usage: bench/replica.sh [sections] [--scale F]     (all sections by default; --scale 0.01 for a smoke run)
# Every node and Redis is a process of its own on free loopback ports, under a temporary directory; all are stopped
# when the script ends, however it ends. BENCH_KEEP=1 keeps the data directories and logs.
set -euo pipefail
cd "$(dirname "$0")/.."

bench/ensure-redis.sh

mkdir -p target
gcc -O2 -o target/lineload bench/lineload.c
mvn -q -B -ntp -DskipTests package

bench/run-driver.sh herd.bench.ReplicaBench --lineload target/lineload "$@"
