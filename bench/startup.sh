#!/usr/bin/env bash
# Cold catalog load and server start, measured from process start (bounded: 5 runs each, 127.0.0.1 only).
# Usage: bench/startup.sh   (needs target/modelatlas.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/modelatlas.jar
runs=${RUNS:-5}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export MODELATLAS_HOME=$home/none   # no store yet: read-only commands read the bundled catalog and create nothing
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { date +%s%3N; }

cli_run() { local t0; t0=$(ms); "$@" >/dev/null; echo $(( $(ms) - t0 )); }
echo "show gpt-4.1 (JVM start + cold catalog load + output), ms, median of $runs:"
echo "  java -jar:            $(for i in $(seq "$runs"); do cli_run java -jar "$jar" show gpt-4.1; done | median)"
echo "  bin/modelatlas (C1):  $(for i in $(seq "$runs"); do cli_run bin/modelatlas show gpt-4.1; done | median)"
echo "  --help (no catalog):  $(for i in $(seq "$runs"); do cli_run java -jar "$jar" --help; done | median)"

ready_run() { # MODELATLAS_HOME decides the store: a new one is created and seeded on the first start
  local port=$((20000 + RANDOM % 20000)) t0 pid
  t0=$(ms)
  java -jar "$jar" serve --port "$port" >/dev/null 2>&1 & pid=$!
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/models/gpt-4.1"; then break; fi
    sleep 0.02
  done
  echo $(( $(ms) - t0 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
export MODELATLAS_HOME=$home/store
echo "serve: process start to first 200 on /models/gpt-4.1, ms:"
echo "  first start (creates the SQLite store, seeds history): $(ready_run)"
echo "  next starts, median of $runs: $(for i in $(seq "$runs"); do ready_run; done | median)"
echo "show gpt-4.1 with the store, ms, median of $runs: $(for i in $(seq "$runs"); do cli_run java -jar "$jar" show gpt-4.1; done | median)"
