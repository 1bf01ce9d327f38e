#!/usr/bin/env python3
"""Writes a synthetic LiteLLM spend-log export (CSV, the LiteLLM_SpendLogs columns as psql's \\copy ... CSV HEADER
writes them) for the replay benchmark: the same request mix as replay-log.py, with a float spend and the usage in
metadata. Deterministic (seeded). Usage: replay-litellm-log.py N FILE"""
import csv, json, random, sys
from datetime import datetime, timedelta, timezone
n, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(7)
start = datetime(2025, 5, 1, tzinfo=timezone.utc)
cols = ["request_id", "call_type", "api_key", "spend", "total_tokens", "prompt_tokens", "completion_tokens", "startTime", "endTime",
        "model", "model_group", "custom_llm_provider", "api_base", "user", "metadata", "cache_hit", "cache_key", "request_tags",
        "team_id", "end_user", "status"]
with open(path, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(cols)
    for i in range(n):
        kind = rnd.random()
        if kind < 0.7:
            inp, out = rnd.randint(200, 3000), rnd.randint(20, 800)
        elif kind < 0.97:
            inp, out = rnd.randint(3000, 40000), rnd.randint(100, 1500)
        else:
            inp, out = rnd.randint(100000, 400000), rnd.randint(500, 4000)
        cached = inp // 2 if rnd.random() < 0.4 else 0
        spend = ((inp - cached) * 0.4 + cached * 0.1 + out * 1.6) / 1e6  # a float, as the proxy computes it
        t = start + timedelta(seconds=i * 30 * 86400 // n)
        meta = {"user_api_key_alias": "backend", "usage_object": {"prompt_tokens": inp, "completion_tokens": out,
                "total_tokens": inp + out, "prompt_tokens_details": {"cached_tokens": cached}}}
        w.writerow([f"chatcmpl-{i:012d}", "acompletion", "88dc28d0f030c55e", repr(spend), inp + out, inp, out,
                    t.strftime("%Y-%m-%d %H:%M:%S.000"), (t + timedelta(seconds=2)).strftime("%Y-%m-%d %H:%M:%S.000"),
                    "gpt-4.1-mini", "gpt-4.1-mini", "openai", "https://api.openai.com/v1", "",
                    json.dumps(meta, separators=(",", ":")), "False", "", "[]", "team-a", "", "success"])
