"""Table of a token benchmark run (JSON lines from TokenThroughput and throughput.mjs): median MB/s per file and
implementation, totals over the large corpus, ratios to jtokkit, then one line `RESULT tokens key=value ...` for
bench/run.sh; exits 1 if any count differs from tiktoken's."""
import json
import statistics
import sys

IMPLS = ["modelatlas", "jtokkit", "tiktoken", "gpt-tokenizer"]
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
machine = next((r["machine"] for r in rows if "machine" in r), "")
runs = {(r["impl"], r["file"]): r for r in rows if "impl" in r}
files = sorted({f for _, f in runs})
impls = [i for i in IMPLS if any((i, f) in runs for f in files)]
mbs = lambda r: r["bytes"] / statistics.median(r["seconds"]) / 1e6

print(f"machine: {machine}")
print("| file | MB | tokens (tiktoken) | " + " | ".join(f"{i} MB/s" for i in impls) + " | counts |")
print("|---|---:|---:|" + "---:|" * len(impls) + "---|")
mismatches = []
for f in files:
    ref = runs[("tiktoken", f)]["tokens"] if ("tiktoken", f) in runs else None
    same = all(runs[(i, f)]["tokens"] == ref for i in impls if (i, f) in runs)
    if not same:
        mismatches.append(f)
    cells = [f"{mbs(runs[(i, f)]):.1f}" if (i, f) in runs else "" for i in impls]
    print(f"| {f} | {runs[(impls[0], f)]['bytes'] / 1e6:.2f} | {ref:,} | " + " | ".join(cells) + f" | {'equal' if same else 'DIFFERENT'} |")

large = [f for f in files if f.endswith(".txt")]
def total(i, fs):
    return sum(runs[(i, f)]["bytes"] for f in fs) / sum(statistics.median(runs[(i, f)]["seconds"]) for f in fs) / 1e6
result = {}
for label, key, fs in [("large corpus (all .txt)", "large", large),
                       ("request-log shape (requests.jsonl)", "short", [f for f in files if f.endswith(".jsonl")])]:
    if fs and all((i, f) in runs for i in impls for f in fs):
        t = {i: total(i, fs) for i in impls}
        print(f"\n{label}: " + ", ".join(f"{i} {t[i]:.1f} MB/s ({t[i] / t['jtokkit']:.2f}x jtokkit)" for i in impls))
        result[f"{key}_mb"] = f"{sum(runs[(impls[0], f)]['bytes'] for f in fs) / 1e6:.2f}"
        for i in impls:
            result[f"{key}_{i.replace('-', '_')}_mbs"] = f"{t[i]:.1f}"
            if i != "modelatlas" and "modelatlas" in t:
                result[f"{key}_x_{i.replace('-', '_')}"] = f"{t['modelatlas'] / t[i]:.2f}"
rounds = min((len(r["seconds"]) for r in runs.values()), default=0)
print("RESULT tokens " + " ".join(f"{k}={v}" for k, v in result.items())
      + f" rounds={rounds} counts={'different' if mismatches else 'equal'}")
if mismatches:
    print("token counts differ from tiktoken on: " + ", ".join(mismatches))
    sys.exit(1)
