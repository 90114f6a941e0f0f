#!/usr/bin/env bash
# Installs redis-server from Debian's packages if it is missing (the benchmarks' anchor).
set -euo pipefail
if ! command -v redis-server >/dev/null; then
  echo "installing redis-server (Debian package)" >&2
  if ! apt-get install -y -qq redis-server >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
  fi
fi
