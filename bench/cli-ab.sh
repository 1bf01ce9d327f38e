#!/usr/bin/env bash
# Two builds side by side on the commands of issue 19, as a user runs them (plain `java -jar`): cost, show, compare
# (without and with a store), --help, replay of 1M requests on two models, export-site, and `serve` to its first
# comparison page (a restart on the jar's store, and a first start that creates one). Runs alternate between the
# jars, each jar on its own home (its AppCDS archive and a store it seeded itself); prints medians of wall and
# user+sys CPU (ms) and max RSS, with ratios. Bounded: RUNS runs of each (replay and export: 3).
# Usage: bench/cli-ab.sh OLD_JAR NEW_JAR [RUNS]   (an old jar: git archive COMMIT | tar -x -C /tmp/old && (cd /tmp/old && ./mvnw -q -DskipTests package))
set -u
cd "$(dirname "$0")/.."
old=$1; new=$2; runs=${3:-5}
h=$(mktemp -d); trap 'rm -rf "$h" /dev/shm/fab-*' EXIT
log=$h/usage-1000000.jsonl
python3 bench/replay-log.py 1000000 "$log"
med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
one() { # label jar home cmd...
  local label=$1 jar=$2 home=$3; shift 3
  MODELATLAS_HOME=$home /usr/bin/time -f "%e %U %S %M" -o $h/t java -jar "$jar" "$@" >/dev/null 2>$h/err || true
  awk -v l="$label" '{printf "%s %d %d %d\n", l, $1*1000, ($2+$3)*1000, $4/1024}' $h/t
}
# warm: archive + stores (one store per jar)
for j in old new; do jar=$([ $j = old ] && echo $old || echo $new)
  MODELATLAS_HOME=$h/none-$j java -jar $jar --version >/dev/null 2>&1
  MODELATLAS_HOME=$h/store-$j java -jar $jar history gpt-4.1 >/dev/null 2>&1   # creates and seeds the store
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
run_case() { local name=$1 n=$2 kind=$3; shift 3
  for i in $(seq $n); do for j in old new; do jar=$([ $j = old ] && echo $old || echo $new)
    rm -rf /dev/shm/fab-$j
    args=(); for a in "$@"; do args+=("${a/DIR//dev/shm/fab-$j}"); done
    one $j $jar $h/$kind-$j "${args[@]}"
  done; done > $h/r
  for j in old new; do
    w=$(awk -v j=$j '$1==j{print $2}' $h/r | med); c=$(awk -v j=$j '$1==j{print $3}' $h/r | med); m=$(awk -v j=$j '$1==j{print $4}' $h/r | med)
    eval "${j}_w=$w ${j}_c=$c ${j}_m=$m"
  done
  printf "%-34s old %6d ms wall %6d ms cpu %5d MB | new %6d ms wall %6d ms cpu %5d MB | ratio wall %.2f cpu %.2f\n" "$name" $old_w $old_c $old_m $new_w $new_c $new_m $(echo "$new_w/$old_w" | bc -l) $(echo "$new_c/$old_c" | bc -l)
}
run_case "cost (no store)" $runs none cost gpt-4.1-mini --input-tokens 1000 --output-tokens 200
run_case "show gpt-4.1 (no store)" $runs none show gpt-4.1
run_case "compare (no store)" $runs none compare gpt-4.1 gpt-4.1-mini
run_case "--help" $runs none --help
run_case "cost (store)" $runs store cost gpt-4.1-mini --input-tokens 1000 --output-tokens 200
run_case "compare (store)" $runs store compare gpt-4.1 gpt-4.1-mini
run_case "replay 1M JSONL, 2 models" $(( runs < 3 ? runs : 3 )) none replay "$log" --models gpt-4.1,gpt-4.1-mini
run_case "export-site (no store, /dev/shm)" $(( runs < 3 ? runs : 3 )) none export-site DIR
# serve: process start to the first 200 on a comparison page (wall only: the server may run in a second JVM)
serve_ms() { # jar home -> ms
  local port t0 pid ms=""
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  t0=$(date +%s%3N)
  MODELATLAS_HOME=$2 java -jar "$1" serve --host 127.0.0.1 --port "$port" >/dev/null 2>&1 & pid=$!
  for _ in $(seq 1 1500); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/compare/gpt-4.1-vs-gpt-4.1-mini"; then ms=$(( $(date +%s%3N) - t0 )); break; fi
    sleep 0.02
  done
  kill "$pid"; wait "$pid" 2>/dev/null
  echo "${ms:-99999}"
}
serve_case() { local name=$1 kind=$2
  for i in $(seq $runs); do for j in old new; do jar=$([ $j = old ] && echo $old || echo $new)
    if [ "$kind" = first ]; then home=$h/first-$j-$i; else home=$h/store-$j; fi
    echo "$j $(serve_ms "$jar" "$home")"
  done; done > $h/s
  ow=$(awk '$1=="old"{print $2}' $h/s | med); nw=$(awk '$1=="new"{print $2}' $h/s | med)
  printf "%-34s old %6d ms wall | new %6d ms wall | ratio wall %.2f\n" "$name" "$ow" "$nw" "$(echo "$nw/$ow" | bc -l)"
}
serve_case "serve, restart, to first page" restart
serve_case "serve, first start, to first page" first
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
