#!/usr/bin/env bash
# Token-counting throughput, side by side in one run: jtokkit 1.1.0 and ModelAtlas's BPE (JVM), npm tiktoken (WASM)
# and gpt-tokenizer (Node), o200k_base, ordinary text, single thread, on the corpus of build-corpus.sh. Prints a
# table of MB/s (UTF-8 bytes, median of ROUNDS rounds after WARMUP seconds of warm-up per file) and token counts per file,
# then one line `RESULT tokens key=value ...` (ratios on the large corpus and the short texts) for bench/run.sh, and
# fails if any implementation's count differs from tiktoken's on any file. Raw timings go to target/token-bench.jsonl.
# Usage: bench/tokens/run.sh [ROUNDS]   (default 5; the first run installs what is missing: Debian packages, npm
#        packages, and the Maven plugins and dependencies through the wrapper; nothing once those caches are warm)
# Env:   WARMUP=3 (seconds per implementation and file)
# Exit:  0 measured, 1 counts differ or a step failed, 2 the corpus or the npm packages cannot be had
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${1:-5}"
WARMUP="${WARMUP:-3}"
CORPUS="$HERE/corpus"
cd "$ROOT"
. bench/lib.sh
need_tools node:nodejs npm:npm python3:python3
[ -f "$CORPUS/requests.jsonl" ] || "$HERE/build-corpus.sh" "$CORPUS" \
  || { echo "could not build the corpus (Debian packages missing and not installable?)" >&2; exit 2; }
(cd "$HERE" && { [ -d node_modules/tiktoken ] && [ -d node_modules/gpt-tokenizer ] || npm ci --no-audit --no-fund; }) \
  || { echo "npm packages tiktoken and gpt-tokenizer missing and not installable (npm ci failed)" >&2; exit 2; }
CP=$(bench_classpath)
OUT=target/token-bench.jsonl
{
  echo "{\"machine\": \"$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1 | tr -d '"'), node $(node --version)\"}"
  java -cp "$CP" io.modelatlas.bench.TokenThroughput "$CORPUS" "$ROUNDS" "$WARMUP"
  node "$HERE/throughput.mjs" "$CORPUS" "$ROUNDS" "$WARMUP"
} | tee "$OUT" >&2
python3 "$HERE/report.py" "$OUT"
