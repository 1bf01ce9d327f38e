#!/usr/bin/env bash
# Replay of a generated usage log over every priced chat model with the current jar, ROUNDS times: wall, user CPU
# and max RSS per run (/usr/bin/time), and the heap's peak before a collection (from the GC log) under -Xmx512m.
# Ends with one line `RESULT replay key=value ...` (medians; heap and RSS are the maxima over the runs).
# Two jars side by side: bench/replay-ab.sh. Usage: bench/replay.sh [ROUNDS] [REQUESTS]   (defaults 5, 1000000)
# FORMAT=litellm replays the same requests as a LiteLLM spend-log CSV (bench/replay-litellm-log.py) instead of JSONL;
# litellm-json, openrouter-csv, openrouter-json, openai-usage: the same requests again (bench/replay-export-log.py).
# JAVA_FLAGS adds JVM flags, e.g. bin/modelatlas's: JAVA_FLAGS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
JAR="$HERE/../target/modelatlas.jar"
ROUNDS="${1:-5}"; N="${2:-1000000}"
(cd "$HERE/.." && . bench/lib.sh && need_tools /usr/bin/time:time python3:python3 && need_jar)
# deterministic (seeded) logs, so one left by an earlier run is the same file
LOG=$(cd "$HERE/.." && . bench/lib.sh && replay_log "${FORMAT:-jsonl}" "$N") || exit 2
work=$(mktemp -d /tmp/replay-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for i in $(seq "$ROUNDS"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  # the GC log's "Pause ... 301M->48M(512M)" lines: the first figure is the heap in use when the collection began
  timeout 120 /usr/bin/time -o "$work/time" -f "%e %U %M" \
    java -Xmx512m "-Xlog:gc:file=$work/gc-$i.log" ${JAVA_FLAGS:-} -jar "$JAR" replay "$LOG" --all --format csv --progress never \
    >"$work/report.csv"
  read -r wall user rss_kb <"$work/time"
  heap=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc-$i.log" | cut -dM -f1 | sort -n | tail -1)
  echo "run $i: $wall s wall, $user s user, $((rss_kb / 1024)) MB max RSS, heap peak ${heap:-?} MB (load before: $load)"
  echo "$wall $user $rss_kb ${heap:-0}" >>"$work/runs"
done
models=$(($(wc -l <"$work/report.csv") - 1))
col() { awk -v c="$1" '{ print $c }' "$work/runs"; }
echo "RESULT replay format=${FORMAT:-jsonl} requests=$N models=$models runs=$ROUNDS wall_s=$(col 1 | median) user_s=$(col 2 | median)" \
  "max_rss_mb=$(( $(col 3 | sort -n | tail -1) / 1024 )) heap_peak_mb=$(col 4 | sort -n | tail -1) xmx_mb=512"
