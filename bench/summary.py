#!/usr/bin/env python3
"""The table of bench/run.sh: reads the lines its steps left in a results file and prints one Markdown table,
benchmark | figure | goal | met? | command to rerun. Each goal is judged here, in one place.

Results file lines (written by run.sh):
  COMMAND step the command as run          (one per step, always)
  RESULT step key=value ...                (the step's own summary line, when it printed one)
  NOTRUN step reason                       (a prerequisite is missing, or the step ran out of time)
  FAILED step reason                       (the step stopped with an error)
Usage: summary.py RESULTS_FILE"""
import sys


def read(path):
    results, commands, problems = {}, {}, {}
    for line in open(path, encoding="utf-8"):
        kind, _, rest = line.rstrip("\n").partition(" ")
        step, _, tail = rest.partition(" ")
        if kind == "RESULT":
            results[step] = dict(kv.split("=", 1) for kv in tail.split() if "=" in kv)
        elif kind == "COMMAND":
            commands[step] = tail
        elif kind == "NOTRUN":
            problems[step] = "not run: " + tail
        elif kind == "FAILED":
            problems[step] = "failed: " + tail
    return results, commands, problems


def num(text):
    """A figure from a RESULT line, or None when the step did not give it."""
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def grouped(value, digits=0):
    return "?" if value is None else f"{value:,.{digits}f}"


def met(condition):
    return "—" if condition is None else ("yes" if condition else "**no**")


def rows(results):
    """(step, benchmark, goal, function of the step's figures -> (figure, met or None)) for every row."""
    def web(r):
        ratios = [num(r.get(f"ratio_{e}")) for e in ("identity", "gzip")]
        p99s = [num(r.get(f"atlas_p99_ms_{e}")) for e in ("identity", "gzip")]
        figure = (f"{grouped(ratios[0], 2)}x nginx plain, {grouped(ratios[1], 2)}x gzip "
                  f"({grouped(num(r.get('atlas_rps_identity')))} vs {grouped(num(r.get('nginx_rps_identity')))} req/s plain); "
                  f"p99 {grouped(p99s[0], 2)} / {grouped(p99s[1], 2)} ms; median of {r.get('runs', '?')} x {r.get('duration', '?')}")
        known = None not in ratios + p99s
        return figure, (min(ratios) >= 0.80 and max(p99s) < 10) if known else None

    def tokens_large(r):
        x_jtokkit, x_tiktoken = num(r.get("large_x_jtokkit")), num(r.get("large_x_tiktoken"))
        figure = (f"{r.get('large_modelatlas_mbs', '?')} MB/s on {r.get('large_mb', '?')} MB: "
                  f"{grouped(x_tiktoken, 2)}x npm tiktoken, {grouped(x_jtokkit, 2)}x jtokkit; counts {r.get('counts', '?')}")
        return figure, (x_jtokkit >= 2 and r.get("counts") == "equal") if x_jtokkit is not None else None

    def tokens_short(r):
        x_gpt, x_tiktoken = num(r.get("short_x_gpt_tokenizer")), num(r.get("short_x_tiktoken"))
        figure = (f"{r.get('short_modelatlas_mbs', '?')} MB/s: {grouped(x_gpt, 2)}x npm gpt-tokenizer, "
                  f"{grouped(x_tiktoken, 2)}x npm tiktoken; counts {r.get('counts', '?')}")
        return figure, (x_gpt > 1 and r.get("counts") == "equal") if x_gpt is not None else None

    def replay(r):
        wall = num(r.get("wall_s"))
        figure = (f"{grouped(wall, 2)} s wall, {grouped(num(r.get('user_s')), 2)} s user CPU (median of {r.get('runs', '?')}); "
                  f"{grouped(num(r.get('requests')))} requests x {grouped(num(r.get('models')))} models")
        return figure, (wall < 5) if wall is not None else None

    def cold_load(r):
        plain, cost = num(r.get("show_ms")), num(r.get("cost_store_ms"))
        figure = (f"`java -jar`: show {grouped(plain)} ms, cost {grouped(num(r.get('cost_ms')))} ms; with the store: "
                  f"show {grouped(num(r.get('show_store_ms')))}, cost {grouped(cost)}, compare "
                  f"{grouped(num(r.get('compare_store_ms')))} ms (bare JVM: {grouped(num(r.get('jvm_ms')))} ms, "
                  f"--help {grouped(num(r.get('help_ms')))} ms); median of {r.get('runs', '?')}")
        return figure, (max(plain, cost) < 600) if None not in (plain, cost) else None

    def warm_load(r):
        ms = num(r.get("catalog_load_ms"))
        return f"{grouped(ms)} ms per load (JMH single shot, warm JVM)", (ms < 1000) if ms is not None else None

    def server_start(r):
        ready = num(r.get("serve_ready_ms"))
        figure = (f"{grouped(ready)} ms (median of {r.get('runs', '?')}); first start, creating the store: "
                  f"{grouped(num(r.get('serve_first_ms')))} ms")
        first = num(r.get("serve_first_ms"))
        return figure, (ready < 1500 and first < 3000) if None not in (ready, first) else None

    def export(r):
        rate = num(r.get("pages_per_s"))
        figure = (f"{grouped(rate)} pages/s `bin/modelatlas export-site` ({grouped(num(r.get('pages')))} pages in "
                  f"{grouped(num(r.get('ms')))} ms, {r.get('cpu_ms_per_page', '?')} ms CPU per page); "
                  f"{grouped(num(r.get('jar_pages_per_s')))} pages/s with `java -jar` ({r.get('jar_cpu_ms_per_page', '?')} ms CPU per page); "
                  f"median of {r.get('runs', '?')}, written to {r.get('dir', '?')}; one run to disk: "
                  f"{grouped(num(r.get('disk_pages_per_s')))} pages/s ({r.get('disk_cpu_ms_per_page', '?')} ms CPU per page)")
        return figure, (rate >= 2000) if rate is not None else None

    def replay_memory(r):
        heap, xmx = num(r.get("heap_peak_mb")), num(r.get("xmx_mb"))
        figure = f"heap peak {grouped(heap)} MB under -Xmx{r.get('xmx_mb', '?')}m; max RSS {grouped(num(r.get('max_rss_mb')))} MB"
        return figure, (0 < heap < 512) if heap is not None and xmx is not None else None

    def server_memory(r):
        parts = []
        if "web" in results:
            parts.append(f"{results['web'].get('server_max_rss_mb', '?')} MB max RSS serving the comparison page (wrk, 64 connections)")
        if "load" in results:
            parts.append(f"{results['load'].get('rss_max_mb', '?')} MB max RSS under the mixed load with imports")
        return "; ".join(parts), None

    def load(r):
        errors = [num(r.get("errors_alone")), num(r.get("errors_imports")), num(r.get("import_errors"))]
        mixed, growth, answers = num(r.get("mixed")), num(r.get("rss_growth")), num(r.get("answers"))
        figure = (f"errors {grouped(errors[0])} alone, {grouped(errors[1])} during {r.get('imports', '?')} imports "
                  f"({grouped(num(r.get('rps_alone')))} / {grouped(num(r.get('rps_imports')))} req/s, p99 "
                  f"{r.get('p99_ms_alone', '?')} / {r.get('p99_ms_imports', '?')} ms, 2 x {r.get('duration_s', '?')} s); "
                  f"mixed answers {grouped(mixed)} of {grouped(answers)}; RSS {r.get('rss_first_mb', '?')} to "
                  f"{r.get('rss_max_mb', '?')} MB, growth {r.get('rss_growth', '?')}")
        known = None not in errors + [mixed, growth, answers]
        imports = num(r.get("imports"))
        # no imports or no checked answers: the phase proved nothing about half-imported catalogs
        return figure, (sum(errors) == 0 and mixed == 0 and answers > 0 and (imports or 0) > 0 and growth <= 1.10) if known else None

    def pricing(r):
        return (f"{r.get('price_one_request_us', '?')} µs to price one request, "
                f"{r.get('compare_two_models_us', '?')} µs to build one comparison (JMH)"), None

    return [
        ("web", "Comparison page vs nginx static", ">= 0.80x nginx's req/s, p99 < 10 ms, 64 connections", web),
        ("tokens", "Tokenizer, large corpus (o200k)", ">= 2x jtokkit; counts identical to npm tiktoken", tokens_large),
        ("tokens", "Tokenizer, short texts (request log)", "ahead of npm gpt-tokenizer; counts identical", tokens_short),
        ("replay", "Replay of 1M requests, every chat model", "< 5 s", replay),
        ("startup", "Cold CLI command, plain java -jar", "< 0.6 s", cold_load),
        ("jmh", "Catalog load, warm JVM", "< 1 s", warm_load),
        ("startup", "Server start to first comparison page", "< 1.5 s; first start < 3 s", server_start),
        ("export", "Static export of every linked page", ">= 2,000 pages/s", export),
        ("replay", "Memory: replay", "heap < 512 MB", replay_memory),
        (("web", "load"), "Memory: server", "reported", server_memory),
        ("load", "Load held (mixed routes, imports alongside)", "errors = 0, imports ran, no mixed answers, RSS flat (growth <= 1.10)", load),
        ("jmh", "Pricing micro-benchmarks", "reported", pricing),
    ]


def main():
    results, commands, problems = read(sys.argv[1])
    print("| benchmark | figure | goal | met? | command to rerun |")
    print("|---|---|---|---|---|")
    for steps, name, goal, judge in rows(results):
        steps = steps if isinstance(steps, tuple) else (steps,)
        ran = [s for s in steps if s in results]
        if ran:
            figure, ok = judge(results[ran[0]])
            if ran[0] in problems:  # a summary line, then an error (e.g. token counts that differ): say both
                figure += f" ({problems[ran[0]]})"
        else:
            figure, ok = "; ".join(problems.get(s, "not run: the step printed no RESULT line") for s in steps), None
        command = " ; ".join(f"`{commands[s]}`" for s in steps if s in commands)
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in (name, figure, goal, met(ok), command)) + " |")


if __name__ == "__main__":
    main()
