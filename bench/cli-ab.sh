#!/usr/bin/env bash
# Two builds side by side on the commands of issue 19, as a user runs them (plain `java -jar`): cost, show, compare
# (without and with a store), --help, replay of 1M requests on two models, export-site. Runs alternate between the
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
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
