#!/usr/bin/env python3
"""Writes the replay benchmark's requests as another tool's export, for the formats replay reads besides our JSONL
(bench/replay-log.py) and the LiteLLM CSV (bench/replay-litellm-log.py). The requests are the same as theirs: the
same seeded mix (seed 7), drawn in the same order, on the same 30 days, so every format holds the same tokens.
Usage: replay-export-log.py FORMAT N FILE, FORMAT one of
  litellm-json     the LiteLLM proxy's spend logs as its /spend/logs endpoint returns them: one JSON array of the
                   LiteLLM_SpendLogs rows (every column, metadata as an object with usage_object), one row a line
  openrouter-csv   OpenRouter's per-generation activity export (Activity page, CSV), one row per request
  openrouter-json  the same rows as a JSON array (field names as the CSV's columns; replay reads either)
  openai-usage     OpenAI's Usage API completions pages (bucket_width=1m, group_by=model,batch): one bucket per
                   minute holding that minute's requests as one summed result, pages of 1,440 buckets, one page a
                   line (JSONL of pages, as paging through the API and appending each answer gives). N requests over
                   30 days are 43,200 buckets whose num_model_requests sum to N.
Deterministic: the same N gives the same bytes."""
import csv, json, random, sys
from datetime import datetime, timedelta, timezone

fmt, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
START = 1746057600  # 2025-05-01T00:00:00Z, as replay-log.py
DAYS = 30


def requests():
    """(index, epoch second, input, cached, output): replay-log.py's draws, in its order."""
    rnd = random.Random(7)
    for i in range(n):
        kind = rnd.random()
        if kind < 0.7:
            inp, out = rnd.randint(200, 3000), rnd.randint(20, 800)
        elif kind < 0.97:
            inp, out = rnd.randint(3000, 40000), rnd.randint(100, 1500)
        else:
            inp, out = rnd.randint(100000, 400000), rnd.randint(500, 4000)
        cached = inp // 2 if rnd.random() < 0.4 else 0
        yield i, START + i * DAYS * 86400 // n, inp, cached, out


def spend(inp, cached, out):
    """gpt-4.1-mini's rates as a float, as the proxy and OpenRouter compute and write a cost."""
    return ((inp - cached) * 0.4 + cached * 0.1 + out * 1.6) / 1e6


def iso(t, sep="T", zone="Z"):
    return datetime.fromtimestamp(t, tz=timezone.utc).strftime(f"%Y-%m-%d{sep}%H:%M:%S.000") + zone


def litellm_json(f):
    # one row written as json.dumps writes it (compact), from a template: dumping a dict per row is too slow for 1M
    row = json.dumps({"request_id": "chatcmpl-@ID", "call_type": "acompletion", "api_key": "88dc28d0f030c55e" * 4,
                      "spend": "@SPEND", "total_tokens": "@TOTAL", "prompt_tokens": "@IN", "completion_tokens": "@OUT",
                      "startTime": "@START", "endTime": "@END", "completionStartTime": "@FIRST", "model": "gpt-4.1-mini",
                      "model_id": "a1b2c3", "model_group": "gpt-4.1-mini", "custom_llm_provider": "openai",
                      "api_base": "https://api.openai.com/v1", "user": "",
                      "metadata": {"user_api_key_alias": "backend", "user_api_key_team_id": "team-a",
                                   "usage_object": {"completion_tokens": "@OUT", "prompt_tokens": "@IN", "total_tokens": "@TOTAL",
                                                    "prompt_tokens_details": {"cached_tokens": "@CACHED", "audio_tokens": 0}}},
                      "cache_hit": "False", "cache_key": "", "request_tags": [], "team_id": "team-a", "end_user": "",
                      "requester_ip_address": "", "messages": {}, "response": {}, "session_id": "s-@SESSION",
                      "status": "success"}, separators=(",", ":"))
    for name in ("SPEND", "TOTAL", "IN", "OUT", "CACHED"):  # numbers, not strings
        row = row.replace(f'"@{name}"', f"%({name.lower()})s")
    for name in ("ID", "START", "END", "FIRST", "SESSION"):
        row = row.replace(f"@{name}", f"%({name.lower()})s")
    f.write("[\n")
    for i, t, inp, cached, out in requests():
        f.write(("" if i == 0 else ",\n") + row % {
            "id": f"{i:012d}", "spend": repr(spend(inp, cached, out)), "total": inp + out, "in": inp, "out": out,
            "cached": cached, "start": iso(t), "end": iso(t + 2), "first": iso(t + 1), "session": i // 20})
    f.write("\n]\n")


OPENROUTER = ["generation_id", "created_at", "cost_total", "cost_web_search", "cost_cache", "cost_file_processing",
              "byok_usage_inference", "tokens_prompt", "tokens_completion", "tokens_reasoning", "tokens_cached",
              "model_permaslug", "provider_name", "variant", "cancelled", "streamed", "user", "finish_reason_raw",
              "finish_reason_normalized", "generation_time_ms", "time_to_first_token_ms", "app_name", "api_key_name"]


def openrouter_rows():
    for i, t, inp, cached, out in requests():
        yield [f"gen-{t}-{i:020d}", iso(t, " ", ""), repr(spend(inp, cached, out)), "0",
               repr(-cached * 0.3 / 1e6) if cached else "0", "0", "0", inp, out, 0, cached,
               "openai/gpt-4.1-mini-2025-04-14", "OpenAI", "standard", "false", "true", "", "stop", "stop",
               1000 + out * 5, 300 + inp // 100, "", "backend"]


def openrouter_csv(f):
    w = csv.writer(f, lineterminator="\n")
    w.writerow(OPENROUTER)
    w.writerows(openrouter_rows())


def openrouter_json(f):
    numbers = {"tokens_prompt", "tokens_completion", "tokens_reasoning", "tokens_cached", "generation_time_ms",
               "time_to_first_token_ms"}
    costs = {"cost_total", "cost_web_search", "cost_cache", "cost_file_processing", "byok_usage_inference"}
    booleans = {"cancelled", "streamed"}
    f.write("[\n")
    for k, values in enumerate(openrouter_rows()):
        row = {}
        for col, v in zip(OPENROUTER, values):
            row[col] = float(v) if col in costs else v == "true" if col in booleans else v if col in numbers \
                else None if v == "" else v
        f.write(("" if k == 0 else ",\n") + json.dumps(row, separators=(",", ":")))
    f.write("\n]\n")


def openai_usage(f):
    minutes = DAYS * 24 * 60
    sums = [[0, 0, 0, 0] for _ in range(minutes)]  # requests, input, cached, output
    for _, t, inp, cached, out in requests():
        s = sums[(t - START) // 60]
        s[0] += 1; s[1] += inp; s[2] += cached; s[3] += out
    per_page = 1440
    for first in range(0, minutes, per_page):
        buckets = []
        for m in range(first, min(first + per_page, minutes)):
            req, inp, cached, out = sums[m]
            results = [] if req == 0 else [{
                "object": "organization.usage.completions.result", "input_tokens": inp, "output_tokens": out,
                "input_cached_tokens": cached, "input_audio_tokens": 0, "output_audio_tokens": 0,
                "num_model_requests": req, "project_id": None, "user_id": None, "api_key_id": None,
                "model": "gpt-4.1-mini-2025-04-14", "batch": False}]
            buckets.append({"object": "bucket", "start_time": START + m * 60, "end_time": START + m * 60 + 60,
                            "results": results})
        last = first + per_page >= minutes
        page = {"object": "page", "data": buckets, "has_more": not last,
                "next_page": None if last else f"page_{first // per_page + 2:04d}"}
        f.write(json.dumps(page, separators=(",", ":")) + "\n")


WRITERS = {"litellm-json": litellm_json, "openrouter-csv": openrouter_csv, "openrouter-json": openrouter_json,
           "openai-usage": openai_usage}
if fmt not in WRITERS:
    sys.exit(f"unknown format {fmt}; expected one of {', '.join(WRITERS)}")
with open(path, "w", newline="") as f:
    WRITERS[fmt](f)
