#!/usr/bin/env bash
# Replay of a generated usage log over every priced chat model, two jars side by side, alternating ROUNDS times:
# wall, user CPU and max RSS per run, with the load average before each, the medians and the new/old ratios at the
# end, and a check that both jars print the same report except the p50/p95/max columns.
# Usage: bench/replay-ab.sh OLD_JAR NEW_JAR [ROUNDS] [REQUESTS]   (defaults 5, 1000000)
# FORMATS picks the logs, each run in every round (default jsonl): jsonl (bench/replay-log.py) and litellm (the same
# requests as a LiteLLM spend-log CSV, bench/replay-litellm-log.py), e.g. FORMATS='jsonl litellm'; with both, the
# end also gives litellm/jsonl per jar. Also litellm-json, openrouter-csv, openrouter-json, openai-usage (the same
# requests again, bench/replay-export-log.py); every format side by side with the bare JVM: bench/replay-formats.sh.
# (an old jar: git archive main | tar -x -C /tmp/old && (cd /tmp/old && ./mvnw -q -DskipTests package)).
# REPLAY_ARGS replaces --all, e.g. REPLAY_ARGS='--models gpt-4.1-mini' (one model: mostly the reading of the log).
# JAVA_FLAGS adds JVM flags to both, e.g. bin/modelatlas's: JAVA_FLAGS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OLD="$1"; NEW="$2"; ROUNDS="${3:-5}"; N="${4:-1000000}"; FORMATS="${FORMATS:-jsonl}"
(cd "$HERE/.." && . bench/lib.sh && need_tools /usr/bin/time:time python3:python3)
for jar in "$OLD" "$NEW"; do [ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 2; }; done
log_of() {  # deterministic (seeded) logs, so one left by an earlier run is the same file (bench/lib.sh replay_log)
  (cd "$HERE/.." && . bench/lib.sh && replay_log "$1" "$N")
}
for f in $FORMATS; do log_of "$f" >/dev/null; done
work=$(mktemp -d /tmp/replay-ab.XXXXXX)
trap 'rm -rf "$work"' EXIT
# each jar its own MODELATLAS_HOME, warmed once: on one shared home, each jar found the store's catalog snapshot
# stamped by the other and rebuilt it, in every timed run
for which in old new; do
  jar=$([ "$which" = old ] && echo "$OLD" || echo "$NEW")
  mkdir "$work/home-$which"
  MODELATLAS_HOME="$work/home-$which" java -jar "$jar" replay "$(cd "$HERE/.." && . bench/lib.sh && replay_log jsonl 2000)" --models gpt-4.1-mini --format csv \
    --progress never >/dev/null
done
echo "nproc $(nproc); $(uptime)"
for i in $(seq "$ROUNDS"); do
  for f in $FORMATS; do
    log=$(log_of "$f")
    for which in old new; do
      jar=$([ "$which" = old ] && echo "$OLD" || echo "$NEW")
      load=$(cut -d' ' -f1 /proc/loadavg)
      MODELATLAS_HOME="$work/home-$which" timeout 300 /usr/bin/time -o "$work/time" -f "%e %U %M" \
        java -Xmx512m ${JAVA_FLAGS:-} -jar "$jar" replay "$log" ${REPLAY_ARGS:---all} --format csv --progress never >"$work/$which-$f.csv"
      read -r wall user rss_kb <"$work/time"
      echo "round $i $f $which: $wall s wall, $user s user, $((rss_kb / 1024)) MB max RSS (load before: $load)"
      echo "$wall $user" >>"$work/runs-$which-$f"
    done
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
med() { awk -v c="$2" '{ print $c }' "$work/runs-$1" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
for f in $FORMATS; do
  ow=$(med "old-$f" 1); nw=$(med "new-$f" 1); ou=$(med "old-$f" 2); nu=$(med "new-$f" 2)
  echo "RESULT replay-ab format=$f requests=$N runs=$ROUNDS old_wall_s=$ow new_wall_s=$nw new/old_wall=$(ratio "$nw" "$ow")" \
    "old_user_s=$ou new_user_s=$nu new/old_user=$(ratio "$nu" "$ou")"
done
if [[ " $FORMATS " == *" jsonl "* && " $FORMATS " == *" litellm "* ]]; then
  for which in old new; do
    echo "RESULT replay-ab $which litellm/jsonl wall=$(ratio "$(med "$which-litellm" 1)" "$(med "$which-jsonl" 1)")" \
      "user=$(ratio "$(med "$which-litellm" 2)" "$(med "$which-jsonl" 2)")"
  done
fi
for f in $FORMATS; do
  python3 - "$work/old-$f.csv" "$work/new-$f.csv" "$f" <<'PY'
import csv, sys
old = {r["model"]: r for r in csv.DictReader(open(sys.argv[1]))}
new = {r["model"]: r for r in csv.DictReader(open(sys.argv[2]))}
cols = [c for c in next(iter(old.values())) if c not in ("p50_usd", "p95_usd", "max_usd")]
diff = sum(1 for m in old for c in cols if m not in new or old[m][c] != new[m][c])
print(f"{sys.argv[3]}: {len(old)} models; same order: {list(old) == list(new)}; cells differing outside p50/p95/max: {diff}")
PY
done
