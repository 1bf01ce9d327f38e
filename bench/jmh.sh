#!/usr/bin/env bash
# Runs the JMH benchmarks (bounded: 1 fork, short iterations). Usage: bench/jmh.sh [JMH regex] [extra JMH args]
# Env: JMH_ARGS replaces the default bounds "-f 1 -wi 2 -i 3 -w 1s -r 2s" (bench/run.sh's QUICK=1 shortens them).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
CP=$(bench_classpath)
# shellcheck disable=SC2086 # JMH_ARGS is a list of arguments
java -cp "$CP" org.openjdk.jmh.Main "${1:-.*Bench.*}" ${JMH_ARGS:--f 1 -wi 2 -i 3 -w 1s -r 2s} "${@:2}"
