#!/usr/bin/env bash
# Replay of a generated usage log over every priced chat model, two jars side by side, alternating ROUNDS times:
# wall, user CPU and max RSS per run, with the load average before each, and a check that both jars print the same
# report except the p50/p95/max columns. Usage: bench/replay-ab.sh OLD_JAR NEW_JAR [ROUNDS] [REQUESTS]
# (an old jar: git archive main | tar -x -C /tmp/old && (cd /tmp/old && ./mvnw -q -DskipTests package)).
# JAVA_FLAGS adds JVM flags to both, e.g. bin/modelatlas's: JAVA_FLAGS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OLD="$1"; NEW="$2"; ROUNDS="${3:-5}"; N="${4:-1000000}"
(cd "$HERE/.." && . bench/lib.sh && need_tools /usr/bin/time:time python3:python3)
for jar in "$OLD" "$NEW"; do [ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 2; }; done
LOG="/tmp/usage-$N.jsonl"
[ -f "$LOG" ] || python3 "$HERE/replay-log.py" "$N" "$LOG"
for i in $(seq "$ROUNDS"); do
  for which in old new; do
    jar=$([ "$which" = old ] && echo "$OLD" || echo "$NEW")
    load=$(cut -d' ' -f1 /proc/loadavg)
    timeout 120 /usr/bin/time -f "$which %e s wall %U s user %M KB max RSS (load before: $load)" \
      java -Xmx512m ${JAVA_FLAGS:-} -jar "$jar" replay "$LOG" --all --format csv > "/tmp/replay-ab-$which.csv"
  done
done
python3 - <<'PY'
import csv
old = {r["model"]: r for r in csv.DictReader(open("/tmp/replay-ab-old.csv"))}
new = {r["model"]: r for r in csv.DictReader(open("/tmp/replay-ab-new.csv"))}
cols = [c for c in next(iter(old.values())) if c not in ("p50_usd", "p95_usd", "max_usd")]
diff = sum(1 for m in old for c in cols if m not in new or old[m][c] != new[m][c])
print(f"{len(old)} models; same order: {list(old) == list(new)}; cells differing outside p50/p95/max: {diff}")
PY
