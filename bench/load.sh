#!/usr/bin/env bash
# Load held: wrk at 64 connections on comparison, model and API routes for DURATION seconds (default 60), first on
# its own, then while another process imports alternating LiteLLM files into the same store every few seconds.
# Reports requests/s, p50/p99, errors (any non-2xx/3xx counts), the server's RSS over time, and, during imports,
# how many answers mixed two catalog versions (must be 0: readers never see a half-imported catalog). Ends with one
# line `RESULT load key=value ...` for bench/run.sh; rss_growth is the highest RSS sample of the second half of the
# whole run over the highest of the first half (about 1 when memory is flat, above when it keeps climbing).
# Exits 1 when load was not held (any error, failed import or mixed answer), 2 when a prerequisite is missing.
# 127.0.0.1 only, bounded in time. Usage: bench/load.sh   (builds target/modelatlas.jar, installs wrk, curl, python3 if missing)
# Env: DURATION=60 (seconds per phase), WARMUP=10 (seconds of wrk at 8 connections first, for the JIT; not counted),
#      JAVA_FLAGS (none by default: the server as the README starts it; e.g. -Xmx512m, as this script used before),
#      PORT (default: a free one)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$PWD/target/modelatlas.jar
duration=${DURATION:-60}
warmup=${WARMUP:-10}
. bench/lib.sh
need_tools wrk:wrk curl:curl python3:python3
need_jar
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
work=$(mktemp -d)
kill_tree() { local c; for c in $(pgrep -P "$1" || true); do kill_tree "$c"; done; kill "$1" 2>/dev/null || true; }
trap 'for j in $(jobs -p); do kill_tree "$j"; done; wait 2>/dev/null; rm -rf "$work"' EXIT
export MODELATLAS_HOME=$work/home MODELATLAS_RATE_LIMIT=0 MODELATLAS_POLL_SECONDS=1

# shellcheck disable=SC2086 # JAVA_FLAGS is a list of flags
java ${JAVA_FLAGS:-} -jar "$jar" serve --host 127.0.0.1 --port "$port" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:$port/models/gpt-4.1" && break; sleep 0.1; done
curl -sf -o /dev/null "http://127.0.0.1:$port/models/gpt-4.1" \
  || { echo "the server on port $port did not answer 200 on /models/gpt-4.1 within a minute: $(tail -1 "$work/server.log")" >&2; exit 1; }
for p in /compare/gpt-4.1-vs-gpt-4.1-mini /models/gpt-4.1 /api/v1/models/gpt-4.1-mini; do curl -sf -o /dev/null "http://127.0.0.1:$port$p"; done

# the RSS of the server's whole process tree: plain `java -jar serve` runs the server in a second JVM (app/Relaunch)
rss_sampler() { while kill -0 "$server" 2>/dev/null; do ps -o rss= -p "$server" --ppid "$server" | awk '{ s += $1 } END { print s }'; sleep 2; done; }
summary() { # RSS samples in KB -> first/max/last MB
  awk 'NR==1{f=$1} {if($1>m)m=$1; l=$1} END {printf "RSS MB first=%d max=%d last=%d", f/1024, m/1024, l/1024}' "$1"
}

if [ "$warmup" -gt 0 ]; then
  echo "== warm-up (JIT, not counted): ${warmup}s, 8 connections =="
  wrk -t2 -c8 -d"${warmup}s" -s bench/load.lua "http://127.0.0.1:$port" | grep '^LOAD'
fi
echo "== load alone: ${duration}s, 64 connections, 2 threads =="
rss_sampler >"$work/rss1" & sampler=$!
wrk -t2 -c64 -d"${duration}s" --latency -s bench/load.lua "http://127.0.0.1:$port" | grep '^LOAD' | tee "$work/load1"
kill_tree "$sampler"; echo "$(summary "$work/rss1")"

# Two LiteLLM files that differ in two models' input prices at once: a reader that saw one price from each would
# have seen a half-applied import.
python3 - "$work" <<'PY'
import json, sys, zipfile, io
work = sys.argv[1]
with zipfile.ZipFile("target/modelatlas.jar") as z:
    data = json.loads(z.read("io/modelatlas/catalog/data/litellm/model_prices_and_context_window.json"))
for name, big, mini in (("a", "3e-06", "6e-07"), ("b", "2.5e-06", "5e-07")):
    data["gpt-4.1"]["input_cost_per_token"] = float(big)
    data["gpt-4.1-mini"]["input_cost_per_token"] = float(mini)
    with open(f"{work}/litellm-{name}.json", "w") as f:
        json.dump(data, f)
PY
importer() {
  local n=0
  while true; do
    for f in a b; do java -XX:TieredStopAtLevel=1 -jar "$jar" import litellm "$work/litellm-$f.json" >/dev/null 2>>"$work/import.err" && n=$((n + 1)); echo "$n" >"$work/imports"; sleep 2; done
  done
}
checker() { # every answer must show both input prices from the same file
  python3 - "$port" <<'PY'
import json, sys, time, urllib.request
port, seen, mixed, n = sys.argv[1], set(), 0, 0
consistent = {(2.0, 0.4), (3.0, 0.6), (2.5, 0.5)}  # bundled, file a, file b (USD per million)
while True:
    try:
        body = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/compare?models=gpt-4.1,gpt-4.1-mini", timeout=10))
        row = next(s for s in body["specs"] if s["key"] == "input_price")
        pair = tuple(float(c["value"]) for c in row["cells"])
    except Exception as e:
        print("CHECK error", e, flush=True); time.sleep(0.5); continue
    n += 1
    seen.add(pair)
    mixed += pair not in consistent
    print(f"CHECK answers={n} mixed={mixed} seen={sorted(seen)}", flush=True)
    time.sleep(0.05)
PY
}
echo "== load during imports: ${duration}s =="
rss_sampler >"$work/rss2" & sampler=$!
importer & imp=$!
checker >"$work/check.log" 2>&1 & chk=$!
wrk -t2 -c64 -d"${duration}s" --latency -s bench/load.lua "http://127.0.0.1:$port" | grep '^LOAD' | tee "$work/load2"
for j in "$imp" "$chk" "$sampler"; do kill_tree "$j"; done
imports=$(cat "$work/imports" 2>/dev/null || echo 0)
import_errors=$(grep -c . "$work/import.err" 2>/dev/null || true)
echo "imports completed: $imports, import errors: ${import_errors:-0}"
tail -1 "$work/check.log"
echo "$(summary "$work/rss2")"
versions=$(grep -c 'loaded from the store' "$work/server.log" || true)
echo "catalog versions loaded by the server: $versions"

# one line for bench/run.sh: wrk's figures per phase, the checker's last count, RSS over both phases
field() { sed -nE "s/.* $2=([0-9.]+).*/\1/p" "$1" | tail -1; }
errors() { awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^errors_/) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }' "$1"; }
cat "$work/rss1" "$work/rss2" >"$work/rss"
rss=$(awk '{ v[NR] = $1 } END { h = int(NR / 2); for (i = 1; i <= NR; i++) { if (i <= h && v[i] > a) a = v[i]; if (i > h && v[i] > b) b = v[i]; m = (v[i] > m ? v[i] : m) }
            printf "rss_first_mb=%d rss_max_mb=%d rss_last_mb=%d rss_growth=%.2f", v[1] / 1024, m / 1024, v[NR] / 1024, (a > 0 ? b / a : 0) }' "$work/rss")
echo "RESULT load duration_s=$duration rps_alone=$(field "$work/load1" rps) p99_ms_alone=$(field "$work/load1" p99_ms)" \
  "errors_alone=$(errors "$work/load1") rps_imports=$(field "$work/load2" rps) p99_ms_imports=$(field "$work/load2" p99_ms)" \
  "errors_imports=$(errors "$work/load2") imports=$imports import_errors=${import_errors:-0}" \
  "answers=$(field "$work/check.log" answers) mixed=$(field "$work/check.log" mixed) versions_loaded=$versions $rss"
# the run fails when load was not held: an error answer or timeout, a failed import, or an answer mixing two versions
mixed=$(field "$work/check.log" mixed)
failures=$(( $(errors "$work/load1") + $(errors "$work/load2") + ${import_errors:-0} + ${mixed:-0} ))
[ "$failures" -eq 0 ] || { echo "load not held: $failures errors, failed imports or mixed answers (see above)" >&2; exit 1; }
