#!/usr/bin/env bash
# Runs the JMH benchmarks (bounded: 1 fork, short iterations). Usage: bench/run.sh [JMH regex] [extra JMH args]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -Pbench -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-cp.txt)"
java -cp "$CP" org.openjdk.jmh.Main "${1:-.*Bench.*}" -f 1 -wi 2 -i 3 -w 1s -r 2s "${@:2}"
