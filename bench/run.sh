#!/usr/bin/env bash
# Reruns every benchmark of the project, one after another, each bounded in time, and prints one Markdown table:
# benchmark | figure | goal | met? | command to rerun, after a machine note (cores, load average before and after,
# JDK, date). The same goes to target/bench-summary.md; each step's full output to target/bench-logs/STEP.log.
# A benchmark that cannot run (a tool or package missing and not installable, or out of time) says "not run: why"
# in its row; the others still run. Load only against 127.0.0.1; network only to package registries (apt, npm, and
# Maven Central through ./mvnw).
#
# Usage: bench/run.sh            the durations bench/RESULTS.md quotes (about 15 minutes on 2 quiet cores)
#        QUICK=1 bench/run.sh    a smoke run with short durations (a few minutes; the figures are not the record)
# Env:   LOAD_DURATION=60 (seconds per phase of bench/load.sh; QUICK: 20)
#        ONLY=web,export runs only the named steps (web tokens replay startup jmh export load); the rest say "not run"
# Exit:  0 when every step ran or was "not run", 1 when a step failed (its row says how).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=${QUICK:-0}
logs=target/bench-logs
results=$logs/results.txt
mkdir -p "$logs"
: >"$results"
export LC_ALL=C   # decimal points, not commas, in every figure

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
started=$(date '+%Y-%m-%d %H:%M %Z')
load_before=$(load_avg)

# the jar through the wrapper (Maven Central on a fresh machine); each step installs the Debian packages it needs
# (wrk, nginx, nodejs...) when it may (root, apt-get), else its row says "not run" and why (bench/lib.sh)
. bench/lib.sh
need_jar

# step NAME SECONDS COMMAND...: runs one benchmark under a time limit (timeout signals its whole process group, and
# each script's trap stops the servers it started), keeps its RESULT line, or why there is none
step() {
  local name=$1 limit=$2 status=0
  shift 2
  echo "COMMAND $name ${display_command:-$*}" >>"$results"
  if [ -n "${ONLY:-}" ] && [[ ",$ONLY," != *",$name,"* ]]; then
    echo "NOTRUN $name not selected (ONLY=$ONLY)" >>"$results"
    return
  fi
  echo "== $name (at most ${limit}s): $*" >&2
  timeout --kill-after=15 "$limit" "$@" >"$logs/$name.log" 2>&1 || status=$?
  grep "^RESULT $name " "$logs/$name.log" | tail -1 >>"$results" || true
  local last
  last=$(grep -v '^RESULT ' "$logs/$name.log" | grep . | tail -1 | cut -c1-160 | tr '|' '/')
  case $status in
    0) ;;
    2) echo "NOTRUN $name ${last:-exit 2}" >>"$results" ;;
    124 | 137) echo "NOTRUN $name out of time after ${limit}s (see $logs/$name.log)" >>"$results" ;;
    *) echo "FAILED $name exit $status: ${last:-no output} (see $logs/$name.log)" >>"$results" ;;
  esac
  echo "   exit $status; $(grep "^RESULT $name " "$logs/$name.log" | tail -1 || echo 'no RESULT line')" >&2
}

# the JMH benchmarks with a goal or a figure in RESULTS.md: catalog load (warm) and pricing, as one RESULT line
jmh_step() {
  rm -f target/bench-logs/jmh.json
  bench/jmh.sh '.*(CatalogLoad|Cost)Bench.*' -rf json -rff target/bench-logs/jmh.json
  python3 - target/bench-logs/jmh.json <<'PY'
import json, sys
names = {"CatalogLoadBench.loadBundled": "catalog_load_ms", "CostBench.priceOneRequest": "price_one_request_us",
         "CostBench.compareTwoModels": "compare_two_models_us"}
scale = {"ms/op": {"ms": 1, "us": 1e3}, "us/op": {"ms": 1e-3, "us": 1}, "s/op": {"ms": 1e3, "us": 1e6}}
out = {}
for b in json.load(open(sys.argv[1])):
    key = names.get(b["benchmark"].rsplit(".", 2)[-2] + "." + b["benchmark"].rsplit(".", 1)[-1])
    if key:
        m = b["primaryMetric"]
        value = m["score"] * scale[m["scoreUnit"]][key.rsplit("_", 1)[1]]
        out[key] = format(float(f"{value:.3g}"), "g")  # three significant digits, no exponent below a million
print("RESULT jmh " + " ".join(f"{k}={v}" for k, v in out.items()))
PY
}

export -f jmh_step

if [ "$quick" = 1 ]; then
  echo "QUICK=1: short durations, a smoke run; the figures are not the record" >&2
  display_command="RUNS=1 DURATION=3s WARMUP=2s bench/web-vs-nginx.sh" step web 300 env RUNS=1 DURATION=3s WARMUP=2s bench/web-vs-nginx.sh
  display_command="WARMUP=0.5 bench/tokens/run.sh 1" step tokens 1200 env WARMUP=0.5 bench/tokens/run.sh 1
  step replay 300 bench/replay.sh 1
  display_command="RUNS=1 bench/startup.sh" step startup 300 env RUNS=1 bench/startup.sh
  display_command="JMH_ARGS='-f 1 -wi 1 -i 1 -w 1s -r 1s' bench/jmh.sh '.*(CatalogLoad|Cost)Bench.*'" \
    step jmh 600 env JMH_ARGS='-f 1 -wi 1 -i 1 -w 1s -r 1s' bash -c jmh_step
  display_command="RUNS=1 bench/export.sh" step export 300 env RUNS=1 bench/export.sh
  duration=${LOAD_DURATION:-20}
  display_command="DURATION=$duration WARMUP=5 bench/load.sh" step load $((duration * 2 + 180)) env DURATION="$duration" WARMUP=5 bench/load.sh
else
  step web 900 bench/web-vs-nginx.sh
  step tokens 2400 bench/tokens/run.sh 5
  step replay 900 bench/replay.sh 5
  display_command="RUNS=7 bench/startup.sh" step startup 600 env RUNS=7 bench/startup.sh
  display_command="bench/jmh.sh '.*(CatalogLoad|Cost)Bench.*'" step jmh 900 bash -c jmh_step
  step export 600 bench/export.sh
  duration=${LOAD_DURATION:-60}
  display_command="DURATION=$duration bench/load.sh" step load $((duration * 2 + 300)) env DURATION="$duration" bench/load.sh
fi

{
  echo "# Benchmark summary$([ "$quick" = 1 ] && echo " (QUICK=1 smoke run: short durations, not the record)")"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1 | tr -d '"'), node $(node --version 2>/dev/null || echo missing);" \
    "$started to $(date '+%H:%M %Z'); load average $load_before before, $(load_avg) after (1, 5, 15 min); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
  echo
  python3 bench/summary.py "$results"
  echo
  echo "Each step's output: \`$logs/STEP.log\`. Figures and their context: \`bench/RESULTS.md\`."
} | tee target/bench-summary.md

! grep -q '^FAILED ' "$results"
