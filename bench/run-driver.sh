#!/usr/bin/env bash
# Runs a benchmark driver (a class of herd.bench, from target/herd.jar and the test classes) in the background and
# waits for it; if this script is interrupted or ends, the driver is stopped with SIGTERM, and its shutdown hook
# stops the nodes and anchors (Redis, etcd) it started.
#   bench/run-driver.sh CLASS [ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."

driver=
cleanup() {
  if [[ -n "$driver" ]] && kill -0 "$driver" 2>/dev/null; then
    kill -TERM "$driver" 2>/dev/null || true
    wait "$driver" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -cp target/herd.jar:target/test-classes "$@" &
driver=$!
wait "$driver"
