#!/usr/bin/env bash
# Issue 20's budget, per log format: `java -jar target/modelatlas.jar replay LOG` of the same 1M requests written in
# every format replay reads (bench/lib.sh replay_log), on two models (< 4 s) and on every chat model (--all, < 6 s),
# end to end from the command line, ROUNDS times; each round starts with the bare JVM (`java -version`), timed the same
# way, so the figures of one run can be read side by side. Wall, user CPU and max RSS per run (/usr/bin/time), the
# load average before each; the medians, and whether each budget holds, at the end (`RESULT replay-formats ...`).
# Usage: bench/replay-formats.sh [ROUNDS] [REQUESTS]   (defaults 5, 1000000)
# OLD_JAR=path also runs that jar, interleaved with the current one (old, new in odd rounds; new, old in even ones),
#   gives the new/old ratios and checks that both print the same reports (an old jar: git archive main | tar -x -C
#   /tmp/old && (cd /tmp/old && ./mvnw -q -DskipTests package)).
# FORMATS picks the logs (default: jsonl litellm litellm-json openrouter-csv openrouter-json openai-usage);
# MODES picks two and/or all (default both); TWO_MODELS the two (default gpt-4.1-mini,gpt-4o-mini);
# JAVA_FLAGS adds JVM flags to every replay run (none by default: the command line of the budget).
# Each jar gets its own MODELATLAS_HOME, warmed by one untimed run: the store's catalog snapshot is made once per jar,
# as on a user's machine, never rebuilt because the other jar (or another user of ~/.modelatlas) stamped it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-5}"; N="${2:-1000000}"
FORMATS="${FORMATS:-jsonl litellm litellm-json openrouter-csv openrouter-json openai-usage}"
MODES="${MODES:-two all}"; TWO_MODELS="${TWO_MODELS:-gpt-4.1-mini,gpt-4o-mini}"
. bench/lib.sh
need_tools /usr/bin/time:time python3:python3
need_jar
NEW="$PWD/target/modelatlas.jar"
WHICH="new"
if [ -n "${OLD_JAR:-}" ]; then
  [ -f "$OLD_JAR" ] || { echo "no jar at OLD_JAR=$OLD_JAR" >&2; exit 2; }
  WHICH="old new"
fi
for f in $FORMATS; do replay_log "$f" "$N" >/dev/null; done
work=$(mktemp -d /tmp/replay-formats.XXXXXX)
trap 'rm -rf "$work"' EXIT
jar_of() { if [ "$1" = old ]; then echo "$OLD_JAR"; else echo "$NEW"; fi; }
warm=$(replay_log jsonl 2000)
for which in $WHICH; do
  mkdir -p "$work/home-$which"
  MODELATLAS_HOME="$work/home-$which" java -jar "$(jar_of "$which")" replay "$warm" --models "${TWO_MODELS%%,*}" --format csv \
    --progress never >/dev/null || { echo "the $which jar cannot replay $warm" >&2; exit 2; }
done
# NEW_FLAGS adds replay options to the current jar's runs only, e.g. NEW_FLAGS='--threads 0' (an old jar may not know them)
new_flags() { if [ "$1" = new ]; then echo "${NEW_FLAGS:-}"; fi; }
args_of() { if [ "$1" = two ]; then echo "--models $TWO_MODELS"; else echo "--all"; fi; }
echo "nproc $(nproc); $(uptime); $(java -version 2>&1 | head -1)"
for i in $(seq "$ROUNDS"); do
  order="$WHICH"; [ $((i % 2)) -eq 0 ] && [ "$WHICH" = "old new" ] && order="new old"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -o "$work/time" -f "%e %U %M" java -version 2>/dev/null
  read -r wall user rss_kb <"$work/time"
  echo "round $i jvm: $wall s wall, $user s user (load before: $load)"
  echo "$wall $user $rss_kb" >>"$work/runs-jvm"
  for f in $FORMATS; do
    log=$(replay_log "$f" "$N")
    for mode in $MODES; do
      for which in $order; do
        load=$(cut -d' ' -f1 /proc/loadavg)
        # shellcheck disable=SC2046 # the models are one word
        MODELATLAS_HOME="$work/home-$which" timeout 600 /usr/bin/time -o "$work/time" -f "%e %U %M" \
          java ${JAVA_FLAGS:-} -jar "$(jar_of "$which")" replay "$log" $(args_of "$mode") $(new_flags "$which") --format csv --progress never \
          >"$work/$which-$f-$mode.csv"
        read -r wall user rss_kb <"$work/time"
        echo "round $i $f $mode $which: $wall s wall, $user s user, $((rss_kb / 1024)) MB max RSS (load before: $load)"
        echo "$wall $user $rss_kb" >>"$work/runs-$which-$f-$mode"
      done
    done
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
med() { awk -v c="$2" '{ print $c }' "$work/runs-$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "RESULT replay-formats jvm requests=$N runs=$ROUNDS wall_s=$(med jvm 1) user_s=$(med jvm 2)"
for f in $FORMATS; do
  for mode in $MODES; do
    budget=$([ "$mode" = two ] && echo 4 || echo 6)
    nw=$(med "new-$f-$mode" 1)
    line="RESULT replay-formats format=$f mode=$mode requests=$N runs=$ROUNDS wall_s=$nw user_s=$(med "new-$f-$mode" 2)"
    line="$line max_rss_mb=$(( $(awk '{print $3}' "$work/runs-new-$f-$mode" | sort -n | tail -1) / 1024 ))"
    line="$line budget_s=$budget held=$(awk -v w="$nw" -v b="$budget" 'BEGIN { print (w < b ? "yes" : "no") }')"
    if [ "$WHICH" = "old new" ]; then
      ow=$(med "old-$f-$mode" 1)
      line="$line old_wall_s=$ow new/old_wall=$(ratio "$nw" "$ow") old_user_s=$(med "old-$f-$mode" 2)"
      line="$line new/old_user=$(ratio "$(med "new-$f-$mode" 2)" "$(med "old-$f-$mode" 2)")"
      line="$line same_report=$(cmp -s "$work/old-$f-$mode.csv" "$work/new-$f-$mode.csv" && echo yes || echo no)"
    fi
    echo "$line"
  done
done
