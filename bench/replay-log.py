#!/usr/bin/env python3
"""Writes a synthetic usage log (JSONL) for the replay benchmark: N requests over 30 days, a mix of short chats,
RAG-sized prompts with cache hits, and a few long documents. Deterministic (seeded). Usage: replay-log.py N FILE"""
import json, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(7)
start = 1746057600  # 2025-05-01T00:00:00Z
with open(path, "w") as f:
    for i in range(n):
        kind = rnd.random()
        if kind < 0.7:
            inp, out = rnd.randint(200, 3000), rnd.randint(20, 800)
        elif kind < 0.97:
            inp, out = rnd.randint(3000, 40000), rnd.randint(100, 1500)
        else:
            inp, out = rnd.randint(100000, 400000), rnd.randint(500, 4000)
        cached = inp // 2 if rnd.random() < 0.4 else 0
        f.write(json.dumps({"model": "gpt-4.1-mini", "input_tokens": inp, "output_tokens": out,
                            "cached_input_tokens": cached, "timestamp": start + i * 30 * 86400 // n}) + "\n")
