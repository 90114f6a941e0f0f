#!/usr/bin/env bash
# The metrics benchmark (see BENCHMARKS.md): builds the jar, installs redis-server from Debian's packages if it is
# missing, then runs, on loopback ports found free at run time,
#   - put throughput and latency of one node vs Redis HSET (and the herd port's IAMAT), unpipelined and pipelined,
#   - get * latency with 1,000,000 stored points,
#   - put at Welsh -> get at Hands (three hops) latency under steady load, in a five-node herd,
#   - bytes per stored point at 10,000,000 points.
# Arguments go to herd.bench.MetricsBench: the sections to run (throughput getall hops; all by default),
# --measure-ms N and --warmup-ms N. Set SKIP_FOOTPRINT=1 to skip the 10M-point footprint run.
set -euo pipefail
cd "$(dirname "$0")/.."

bench/ensure-redis.sh

# The benchmarks are test classes (target/test-classes); the nodes run from target/herd.jar.
mvn -B -ntp -q -DskipTests package
java -cp target/herd.jar:target/test-classes herd.bench.MetricsBench "$@"
if [[ -z "${SKIP_FOOTPRINT:-}" ]]; then
  java -Xmx4g -cp target/herd.jar:target/test-classes herd.bench.StoreFootprint 10000 1000
fi
