#!/usr/bin/env bash
# Cold catalog load and server start, measured from process start (bounded: RUNS runs each, default 5, 127.0.0.1
# only). Ends with one line `RESULT startup key=value ...` (medians, ms) for bench/run.sh.
# Usage: bench/startup.sh   (builds target/modelatlas.jar if missing)   Env: RUNS=5, JAR=other.jar (measure another build,
# e.g. the commit before a change, side by side; bin/modelatlas still runs target/modelatlas.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
need_tools curl:curl python3:python3
[ -n "${JAR:-}" ] || need_jar
jar=${JAR:-target/modelatlas.jar}
runs=${RUNS:-5}
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export MODELATLAS_HOME=$home/none   # no store yet: read-only commands read the bundled catalog and create nothing
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { date +%s%3N; }

cli_run() { local t0; t0=$(ms); "$@" >/dev/null; echo $(( $(ms) - t0 )); }
jvm_ms=$(for i in $(seq "$runs"); do cli_run java -Xshare:auto -version 2>/dev/null; done | median)
show_ms=$(for i in $(seq "$runs"); do cli_run java -jar "$jar" show gpt-4.1; done | median)
cost_ms=$(for i in $(seq "$runs"); do cli_run java -jar "$jar" cost gpt-4.1-mini --input-tokens 1000 --output-tokens 200; done | median)
show_c1_ms=$(for i in $(seq "$runs"); do cli_run bin/modelatlas show gpt-4.1; done | median)
help_ms=$(for i in $(seq "$runs"); do cli_run java -jar "$jar" --help; done | median)
echo "show gpt-4.1 (JVM start + cold catalog load + output), ms, median of $runs:"
echo "  bare JVM (java -version): $jvm_ms"
echo "  java -jar:            $show_ms"
echo "  cost gpt-4.1-mini:    $cost_ms"
echo "  bin/modelatlas (C1):  $show_c1_ms"
echo "  --help (no catalog):  $help_ms"

ready_run() { # MODELATLAS_HOME decides the store: a new one is created and seeded on the first start
  local port t0 pid ready=""
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  t0=$(ms)
  java -jar "$jar" serve --host 127.0.0.1 --port "$port" >/dev/null 2>&1 & pid=$!
  for _ in $(seq 1 1000); do   # 0.02 s apart plus curl's own time: gives up after 20 s or more
    if curl -sf -o /dev/null "http://127.0.0.1:$port/compare/gpt-4.1-vs-gpt-4.1-mini"; then ready=$(( $(ms) - t0 )); break; fi
    sleep 0.02
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ -n "$ready" ] || { echo "serve on port $port never answered 200 on /compare/gpt-4.1-vs-gpt-4.1-mini" >&2; exit 1; }
  echo "$ready"
}
export MODELATLAS_HOME=$home/store
first_ms=$(ready_run)
ready_ms=$(for i in $(seq "$runs"); do ready_run; done | median)
store_show_ms=$(for i in $(seq "$runs"); do cli_run java -jar "$jar" show gpt-4.1; done | median)
store_cost_ms=$(for i in $(seq "$runs"); do cli_run java -jar "$jar" cost gpt-4.1-mini --input-tokens 1000 --output-tokens 200; done | median)
store_compare_ms=$(for i in $(seq "$runs"); do cli_run java -jar "$jar" compare gpt-4.1 gpt-4.1-mini; done | median)
echo "serve: process start to first 200 on /compare/gpt-4.1-vs-gpt-4.1-mini, ms:"
echo "  first start (creates the SQLite store, seeds history): $first_ms"
echo "  next starts, median of $runs: $ready_ms"
echo "with the store, ms, median of $runs: show $store_show_ms, cost $store_cost_ms, compare $store_compare_ms"
echo "RESULT startup runs=$runs jvm_ms=$jvm_ms show_ms=$show_ms cost_ms=$cost_ms show_c1_ms=$show_c1_ms help_ms=$help_ms serve_first_ms=$first_ms serve_ready_ms=$ready_ms show_store_ms=$store_show_ms cost_store_ms=$store_cost_ms compare_store_ms=$store_compare_ms"
