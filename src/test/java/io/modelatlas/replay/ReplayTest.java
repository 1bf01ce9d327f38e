package io.modelatlas.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.api.Json;
import io.modelatlas.api.ReplayReportJson;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.LimitKind;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import io.modelatlas.tokens.TokenCounters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private static ReplayReport replay(String file, String log, boolean strict, Model... models) {
        Replay replay = new Replay(List.of(models));
        LogReader reader = new LogReader(file, strict, id -> TokenCounters.forModel(String.valueOf(id), "o200k_base"));
        reader.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), replay::add);
        return ReplayReport.of(file, replay, reader);
    }

    private static Replay.ModelResult row(ReplayReport r, String id) {
        return r.models().stream().filter(m -> m.modelId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void usage_records_are_priced_exactly_per_model_with_savings_against_the_recording_model() {
        String log = """
                {"model":"gpt-4.1-mini","input_tokens":1000,"output_tokens":500,"cached_input_tokens":400,"timestamp":"2026-05-01T00:00:00Z"}
                {"model":"gpt-4.1-mini","input_tokens":2000,"output_tokens":0,"timestamp":"2026-05-16T00:00:00Z"}
                {"model":"gpt-4.1-mini","input_tokens":0,"output_tokens":1000,"timestamp":"2026-05-31T00:00:00Z"}
                """;
        ReplayReport r = replay("log.jsonl", log, false, Fixtures.gpt41Mini(), Fixtures.gpt4oMini());
        // gpt-4.1-mini: (600 + 2,000) x 0.40 + 400 x 0.10 + 1,500 x 1.60, per million = 0.00104 + 0.00004 + 0.0024
        assertThat(row(r, "gpt-4.1-mini").totalUsd()).isEqualByComparingTo("0.00348");
        // gpt-4o-mini: 2,600 x 0.15 + 400 x 0.075 + 1,500 x 0.60 = 0.00039 + 0.00003 + 0.0009
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo("0.00132");
        assertThat(row(r, "gpt-4o-mini").savingVsRecordedUsd()).isEqualByComparingTo("0.00216");
        assertThat(row(r, "gpt-4.1-mini").per1000Usd()).isEqualByComparingTo("1.16");
        assertThat(row(r, "gpt-4.1-mini").p50Usd()).isEqualByComparingTo("0.00108"); // costs 0.0008, 0.00108, 0.0016
        assertThat(row(r, "gpt-4.1-mini").maxUsd()).isEqualByComparingTo("0.0016");
        assertThat(r.monthsSpanned()).isEqualByComparingTo("1");
        assertThat(r.models().get(0).modelId()).isEqualTo("gpt-4o-mini");
        assertThat(r.recordedOn()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void a_log_spanning_7_seconds_projects_an_exact_monthly_figure() {
        String log = """
                {"model":"gpt-4o-mini","input_tokens":490,"output_tokens":0,"timestamp":"2026-05-01T00:00:00Z"}
                {"model":"gpt-4o-mini","input_tokens":490,"output_tokens":0,"timestamp":"2026-05-01T00:00:07Z"}
                """;
        ReplayReport r = replay("log.jsonl", log, false, Fixtures.gpt4oMini());
        // 980 x 0.15 / 1M = 0.000147 in 7 s; x 2,592,000 s in a 30-day month / 7 = 54.432 exactly (was 54.43200000000001)
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo("0.000147");
        assertThat(row(r, "gpt-4o-mini").monthlyUsd()).hasToString("54.432");
        assertThat(Json.write(ReplayReportJson.from(r))).contains("54.432").doesNotContain("54.43200000000001");
        assertThat(r.csv()).contains(",54.432,");
    }

    @Test
    void a_log_spanning_half_a_second_still_projects_a_month() {
        String log = """
                {"model":"gpt-4o-mini","input_tokens":1000,"output_tokens":0,"timestamp":"2026-05-01T00:00:00Z"}
                {"model":"gpt-4o-mini","input_tokens":1000,"output_tokens":0,"timestamp":"2026-05-01T00:00:00.5Z"}
                """;
        // 0.0003 in 0.5 s: x 2,592,000 / 0.5 = 1,555.2 (the span was cut to 0 whole seconds before)
        assertThat(row(replay("log.jsonl", log, false, Fixtures.gpt4oMini()), "gpt-4o-mini").monthlyUsd()).isEqualByComparingTo("1555.2");
    }

    @Test
    void csv_quotes_line_breaks_and_neutralises_formulas_in_text_columns() {
        Model formula = Fixtures.text("=1+2", "Formula", "1", "2", "0.5", 128_000L, 16_000L, "2025-01", "2024-06",
                io.modelatlas.catalog.Status.current(), List.of());
        Model lines = Fixtures.text("a,b\r\n\"c\"", "Lines", "1", "2", "0.5", 128_000L, 16_000L, "2025-01", "2024-06",
                io.modelatlas.catalog.Status.current(), List.of());
        Model dash = Fixtures.text("-cmd", "Dash", "1", "2", "0.5", 128_000L, 16_000L, "2025-01", "2024-06",
                io.modelatlas.catalog.Status.current(), List.of());
        String log = "{\"model\":\"x\",\"input_tokens\":1000,\"output_tokens\":0}\n";

        String csv = replay("log.jsonl", log, false, formula, lines, dash).csv();

        assertThat(csv).contains("\n'=1+2,0.001,", "\n'-cmd,0.001,", "\n\"a,b\r\n\"\"c\"\"\",0.001,");
        assertThat(io.modelatlas.text.Csv.split(csv.lines().filter(l -> l.startsWith("'=1+2")).findFirst().orElseThrow())).hasSize(11);
        assertThat(io.modelatlas.text.Csv.text("+SUM(A1)")).isEqualTo("'+SUM(A1)");
        assertThat(io.modelatlas.text.Csv.text("@cmd")).isEqualTo("'@cmd");
        assertThat(io.modelatlas.text.Csv.text("\tx")).isEqualTo("'\tx");
        assertThat(io.modelatlas.text.Csv.text("\rx")).isEqualTo("\"'\rx\"");
        assertThat(io.modelatlas.text.Csv.text("gpt-4.1")).isEqualTo("gpt-4.1");
    }

    @Test
    void long_context_tiers_apply_per_request_not_to_the_sum() {
        PriceSheet tiered = PriceSheet.builder().rate(PriceKind.INPUT, "3").rate(PriceKind.OUTPUT, "15")
                .tier(PriceKind.INPUT, 200_000, TokenRate.perMillion("6")).build();
        Model base = Fixtures.gpt41();
        Model claude = new Model("claude-like", "Claude-like", "anthropic", "Anthropic", null, List.of(), base.type(), null, null, null, null, null,
                null, null, null, base.capabilities(), List.of(), base.status(), List.of(), List.of(), List.of(),
                List.of(new Offering("anthropic", "claude-like", Fact.of(tiered, Fixtures.LITELLM), null, null)), null);
        String log = """
                {"input_tokens":150000,"output_tokens":0}
                {"input_tokens":150000,"output_tokens":0}
                {"input_tokens":250000,"output_tokens":0}
                """;
        // 300,000 x 3 (each request below 200K) + 250,000 x 6, per million; pricing the 550,000 sum would give 3.3
        assertThat(row(replay("log.jsonl", log, false, claude), "claude-like").totalUsd()).isEqualByComparingTo("2.4");
    }

    @Test
    void overflows_are_counted_per_limit_with_the_one_limit_check() {
        // GPT-5 Mini's limits: 400,000 window, 272,000 max input, 128,000 max output
        Model base = Fixtures.gpt51();
        Model mini = new Model("gpt-5-mini", "GPT-5 Mini", "openai", "OpenAI", null, List.of(), base.type(), null, null, null, null, null,
                Fact.of(400_000L, Fixtures.MODELSDEV), Fact.of(272_000L, Fixtures.MODELSDEV), Fact.of(128_000L, Fixtures.MODELSDEV),
                base.capabilities(), List.of(), base.status(), List.of(), List.of(), List.of(),
                List.of(new Offering("openai", "gpt-5-mini", base.primaryOffering().orElseThrow().prices(), null, null)), null);
        long[][] requests = {{272_000, 128_000}, {272_001, 0}, {300_000, 1_000}, {100, 128_001}, {272_000, 128_001}, {1_000, 100}};
        StringBuilder log = new StringBuilder();
        long[] expected = new long[LimitKind.values().length];
        for (long[] q : requests) {
            log.append("{\"input_tokens\":").append(q[0]).append(",\"output_tokens\":").append(q[1]).append("}\n");
            Limits.of(mini).check(q[0], q[1]).exceeded().forEach(e -> expected[e.limit().ordinal()]++);
        }
        Replay.ModelResult r = row(replay("log.jsonl", log.toString(), false, mini), "gpt-5-mini");
        assertThat(new long[] {r.overContext(), r.overMaxInput(), r.overMaxOutput()}).containsExactly(expected);
        assertThat(expected).containsExactly(1, 2, 2); // 400,001 in all; 272,001 and 300,000 in; 128,001 out twice
    }

    @Test
    void chat_requests_without_usage_are_counted_from_the_text_and_said_so() {
        String log = """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello world"}],"response":{"choices":[{"message":{"content":"hello world"}}]}}
                {"request":{"model":"gpt-4o-mini","messages":[]},"response":{"usage":{"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":4}}}}
                """;
        ReplayReport r = replay("chat.jsonl", log, false, Fixtures.gpt4oMini());
        // first: 3 + tokens("user") 1 + tokens("hello world") 2 + 3 = 9 in, 2 out; second: measured 10 (4 cached) in, 5 out
        // 15 uncached... : (9 + 6) x 0.15 + 4 x 0.075 + 7 x 0.60, per million
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo("0.00000675");
        assertThat(r.countedFromText()).isEqualTo(1);
        assertThat(r.notes().get(0)).startsWith("1 requests had no measured usage");
        assertThat(r.monthsSpanned()).isNull();
    }

    @Test
    void bad_lines_are_counted_and_reported_or_stop_a_strict_run() {
        String log = "{\"input_tokens\":10,\"output_tokens\":1}\nnot json\n{\"input_tokens\":-5,\"output_tokens\":1}\n{\"input_tokens\":10,\"output_tokens\":1,\"cached_input_tokens\":20}\n";
        ReplayReport r = replay("bad.jsonl", log, false, Fixtures.gpt4oMini());
        assertThat(r.requests()).isEqualTo(1);
        assertThat(r.skippedLines()).isEqualTo(3);
        assertThat(r.problems()).satisfiesExactly(
                p -> assertThat(p).startsWith("line 2: not valid JSON"),
                p -> assertThat(p).isEqualTo("line 3: input_tokens must be a non-negative whole number, got -5"),
                p -> assertThat(p).isEqualTo("line 4: cached_input_tokens (20) cannot exceed input_tokens (10)"));
        assertThatThrownBy(() -> replay("bad.jsonl", log, true, Fixtures.gpt4oMini()))
                .isInstanceOf(BadLineException.class).hasMessageStartingWith("bad.jsonl line 2: not valid JSON");
    }

    @Test
    void csv_logs_with_quoted_fields_and_overflows_are_read() {
        String log = "model,input_tokens,output_tokens,cached_input_tokens,timestamp\n"
                + "\"gpt-4o-mini\",1000,100,0,2026-05-01T00:00:00Z\n"
                + "gpt-4o-mini,130000,100,,2026-05-02T00:00:00Z\n"
                + "gpt-4o-mini,1000,20000,0,1746057600\n";
        ReplayReport r = replay("log.csv", log, false, Fixtures.gpt4oMini(), Fixtures.gpt41Mini());
        assertThat(r.requests()).isEqualTo(3);
        assertThat(row(r, "gpt-4o-mini").overContext()).isEqualTo(1);
        assertThat(row(r, "gpt-4o-mini").overMaxOutput()).isEqualTo(1);
        assertThat(row(r, "gpt-4.1-mini").overContext()).isZero();
        assertThat(r.csv()).startsWith("model,total_usd,").contains("gpt-4o-mini,");
    }

    @Test
    void token_counts_no_request_can_hold_are_bad_lines_not_an_overflow_of_the_sums() {
        String log = """
                {"input_tokens":9223372036854775807,"output_tokens":0}
                {"input_tokens":9223372036854775807,"output_tokens":0}
                {"input_tokens":10,"output_tokens":1}
                """;
        ReplayReport r = replay("huge.jsonl", log, false, Fixtures.gpt4oMini());
        assertThat(r.requests()).isEqualTo(1);
        assertThat(r.problems()).containsExactly("line 1: input tokens 9223372036854775807 is more than any request holds (at most 1000000000)",
                "line 2: input tokens 9223372036854775807 is more than any request holds (at most 1000000000)");
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo("0.0000021");
    }

    @Test
    void a_model_without_a_price_is_unknown_never_zero() {
        Model base = Fixtures.gpt41();
        Model unpriced = new Model("mystery", "Mystery", "acme", "Acme", null, List.of(), base.type(), null, null, null, null, null, null, null, null,
                base.capabilities(), List.of(), base.status(), List.of(), List.of(), List.of(), List.of(new Offering("acme", "mystery", null, null, null)), null);
        ReplayReport r = replay("log.jsonl", "{\"input_tokens\":10,\"output_tokens\":1}\n", false, unpriced, Fixtures.gpt4oMini());
        assertThat(row(r, "mystery").totalUsd()).isNull();
        assertThat(row(r, "mystery").note()).isEqualTo("price unknown");
        assertThat(r.table()).contains("price unknown").doesNotContain("mystery                               $0.00");
        assertThat(r.models().get(r.models().size() - 1).modelId()).isEqualTo("mystery");
    }

    @Test
    void csv_logs_from_spreadsheets_with_a_byte_order_mark_and_crlf_line_ends_are_read() {
        String log = "\uFEFFmodel,input_tokens,output_tokens,cached_input_tokens,timestamp\r\n"
                + "gpt-4o-mini,1000,100,0,2026-05-01T00:00:00Z\r\n"
                + "gpt-4o-mini,3000,300,1000,2026-05-31T00:00:00Z\r\n"
                + "\r\n";
        ReplayReport r = replay("export.csv", log, true, Fixtures.gpt4oMini());
        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.skippedLines()).isZero();
        assertThat(r.recordedOn()).as("the first column is 'model', not BOM + 'model'").isEqualTo("gpt-4o-mini");
        assertThat(r.monthsSpanned()).isEqualByComparingTo("1");
        // (1,000 + 2,000) x 0.15 + 1,000 x 0.075 + 400 x 0.60, per million
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo("0.000765");
    }

    @Test
    void jsonl_with_a_byte_order_mark_crlf_and_an_invalid_utf8_line_skips_only_that_line() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] good = "{\"model\":\"gpt-4o-mini\",\"input_tokens\":10,\"output_tokens\":1}\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = "{\"model\":\"gpt-4o-mini\u00ff\",\"input_tokens\":10,\"output_tokens\":1}\r\n".getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        log.writeBytes(bom);
        log.writeBytes(good);
        log.writeBytes(invalid);
        log.writeBytes(good);
        Replay replay = new Replay(List.of(Fixtures.gpt4oMini()));
        LogReader reader = new LogReader("log.jsonl", false, id -> TokenCounters.forEncoding("o200k_base"));
        reader.read(new ByteArrayInputStream(log.toByteArray()), replay::add);
        assertThat(replay.requests()).isEqualTo(2);
        assertThat(reader.problems()).containsExactly("line 2: not valid UTF-8");
    }

    @Test
    void a_line_longer_than_the_limit_is_reported_without_being_held_in_memory() throws Exception {
        String log = "short\n" + "x".repeat(100) + "\nlast";
        LogLines lines = new LogLines(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), 50);
        List<String> seen = new java.util.ArrayList<>();
        while (lines.next()) {
            seen.add(lines.number() + (lines.tooLong() ? " too long" : " " + lines.text()));
        }
        assertThat(seen).containsExactly("1 short", "2 too long", "3 last");
    }

    @Test
    void percentiles_are_exact_for_a_log_with_few_distinct_request_sizes() {
        java.util.Random random = new java.util.Random(3);
        StringBuilder log = new StringBuilder();
        List<java.math.BigDecimal> costs = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long in = 100 + random.nextInt(5_000);
            long cached = random.nextBoolean() ? in / 3 : 0;
            long out = random.nextInt(900);
            log.append("{\"input_tokens\":").append(in).append(",\"cached_input_tokens\":").append(cached).append(",\"output_tokens\":").append(out).append("}\n");
            costs.add(io.modelatlas.pricing.CostCalculator.price(Fixtures.gpt4oMini().prices().orElseThrow(), io.modelatlas.pricing.Usage.of(in, cached, out)).totalUsd());
        }
        costs.sort(java.math.BigDecimal::compareTo);
        ReplayReport r = replay("log.jsonl", log.toString(), true, Fixtures.gpt4oMini());
        assertThat(r.percentilesExact()).isTrue();
        // nearest rank: the 1,000th and 1,900th smallest of 2,000 costs, priced one by one
        assertThat(row(r, "gpt-4o-mini").p50Usd()).isEqualByComparingTo(costs.get(999));
        assertThat(row(r, "gpt-4o-mini").p95Usd()).isEqualByComparingTo(costs.get(1_899));
        assertThat(row(r, "gpt-4o-mini").maxUsd()).isEqualByComparingTo(costs.get(1_999));
        assertThat(r.notes()).noneMatch(n -> n.contains("within"));
    }

    @Test
    void past_the_shape_capacity_percentiles_stay_within_the_stated_error_and_the_tier_of_each_request() {
        PriceSheet tiered = PriceSheet.builder().rate(PriceKind.INPUT, "3").rate(PriceKind.OUTPUT, "15").rate(PriceKind.CACHED_INPUT, "0.3")
                .tier(PriceKind.INPUT, 200_000, TokenRate.perMillion("6")).tier(PriceKind.OUTPUT, 200_000, TokenRate.perMillion("22.5")).build();
        RequestShapes shapes = new RequestShapes(8192);
        java.util.Random random = new java.util.Random(11);
        long[][] requests = new long[20_000][];
        for (int i = 0; i < requests.length; i++) {
            long in = random.nextInt(10) == 0 ? 200_000 + random.nextInt(300_000) : 1 + random.nextInt(199_999);
            long cached = random.nextInt(4) == 0 ? random.nextInt((int) in) : 0;
            long out = random.nextInt(8_000);
            requests[i] = new long[] {in, cached, out};
            shapes.add(in > 200_000 ? 1 : 0, in - cached, cached, out);
        }
        assertThat(shapes.exact()).isFalse();
        assertThat(shapes.size()).isLessThanOrEqualTo(8192);
        assertThat(shapes.relativeError()).as("rounded, but not to nothing").isGreaterThan(0).isLessThanOrEqualTo(1.0 / 16);
        // rates in units of 10^-7 USD per million tokens (scale 1): below and above the 200K threshold
        long[][] rates = {{30, 3, 150}, {60, 3, 225}};
        long[] got = shapes.percentiles(rates, 50, 95, 100);
        long[] exact = new long[requests.length];
        for (int i = 0; i < requests.length; i++) {
            long[] q = requests[i];
            java.math.BigDecimal usd = io.modelatlas.pricing.CostCalculator.price(tiered, io.modelatlas.pricing.Usage.of(q[0], q[1], q[2])).totalUsd();
            exact[i] = usd.movePointRight(7).longValueExact();
        }
        java.util.Arrays.sort(exact);
        long[] want = {exact[9_999], exact[18_999], exact[19_999]};
        for (int k = 0; k < 3; k++) {
            assertThat((double) Math.abs(got[k] - want[k]) / want[k]).as("percentile %d", k).isLessThanOrEqualTo(shapes.relativeError());
        }
    }

    @Test
    void weighted_select_finds_the_nearest_rank_among_repeated_values() {
        long[] v = {5, 1, 9, 5, 3};
        long[] w = {2, 1, 1, 3, 3};
        // in order: 1, 3, 3, 3, 5, 5, 5, 5, 5, 9
        long[] expected = {1, 3, 3, 3, 5, 5, 5, 5, 5, 9};
        for (int rank = 1; rank <= 10; rank++) {
            assertThat(RequestShapes.select(v.clone(), w.clone(), rank)).as("rank %d", rank).isEqualTo(expected[rank - 1]);
        }
    }

    @Test
    void costs_past_a_long_are_selected_exactly_in_128_bits() {
        RequestShapes shapes = new RequestShapes(1024);
        java.util.Random random = new java.util.Random(5);
        // a rate with float-artefact decimals, scaled to an integer: 0.49299999999999994 per million at scale 17
        long[][] rates = {{49_299_999_999_999_994L, 4_929_999_999_999_999L, 197_199_999_999_999_976L}};
        java.math.BigInteger[] exact = new java.math.BigInteger[500];
        for (int i = 0; i < exact.length; i++) {
            long u = random.nextInt(400_000);
            long c = random.nextInt(100_000);
            long o = random.nextInt(20_000);
            shapes.add(0, u, c, o);
            exact[i] = big(u).multiply(big(rates[0][0])).add(big(c).multiply(big(rates[0][1]))).add(big(o).multiply(big(rates[0][2])));
        }
        assertThatThrownBy(() -> shapes.percentiles(rates, 50)).isInstanceOf(ArithmeticException.class);
        java.util.Arrays.sort(exact);
        assertThat(shapes.widePercentiles(rates, 50, 95, 100)).containsExactly(exact[249], exact[474], exact[499]);
    }

    private static java.math.BigInteger big(long v) {
        return java.math.BigInteger.valueOf(v);
    }

    @Test
    void the_tier_boundary_follows_each_sheets_rule_in_totals_and_percentiles() {
        PriceSheet.Builder above = PriceSheet.builder().rate(PriceKind.INPUT, "3").rate(PriceKind.OUTPUT, "15")
                .tier(PriceKind.INPUT, 200_000, TokenRate.perMillion("6"));
        Model strict = model("above-200k", above.build());
        Model inclusive = model("from-200k", above.tierRule(io.modelatlas.pricing.TierRule.AT_OR_ABOVE).build());
        String log = """
                {"model":"x","input_tokens":199999,"output_tokens":0}
                {"model":"x","input_tokens":200000,"output_tokens":0}
                {"model":"x","input_tokens":200001,"output_tokens":0}
                """;
        ReplayReport r = replay("edge.jsonl", log, true, strict, inclusive);
        // (199,999 + 200,000) x $3 + 200,001 x $6 per million, against 199,999 x $3 + (200,000 + 200,001) x $6
        assertThat(row(r, "above-200k").totalUsd()).isEqualByComparingTo("2.400003");
        assertThat(row(r, "from-200k").totalUsd()).isEqualByComparingTo("3.000003");
        assertThat(row(r, "above-200k").p50Usd()).isEqualByComparingTo("0.6");
        assertThat(row(r, "from-200k").p50Usd()).isEqualByComparingTo("1.2");
        assertThat(row(r, "from-200k").maxUsd()).isEqualByComparingTo("1.200006");
    }

    @Test
    void epoch_milliseconds_are_refused_not_read_as_seconds_in_the_year_55000() {
        String log = "{\"model\":\"gpt-4o-mini\",\"input_tokens\":1,\"output_tokens\":1,\"timestamp\":1767225600000}\n";
        ReplayReport r = replay("ms.jsonl", log, false, Fixtures.gpt4oMini());
        assertThat(r.problems()).containsExactly("line 1: timestamp 1767225600000 is out of range for epoch seconds (epoch milliseconds are not accepted)");
        ReplayReport csv = replay("ms.csv", "model,input_tokens,output_tokens,timestamp\ngpt-4o-mini,1,1,1767225600000\n", false, Fixtures.gpt4oMini());
        assertThat(csv.problems()).containsExactly("line 2: timestamp 1767225600000 is out of range for epoch seconds (epoch milliseconds are not accepted)");
    }

    private static Model model(String id, PriceSheet sheet) {
        Model base = Fixtures.gpt41();
        return new Model(id, id, "acme", "Acme", null, List.of(), base.type(), null, null, null, null, null, null, null, null,
                base.capabilities(), List.of(), base.status(), List.of(), List.of(), List.of(),
                List.of(new Offering("acme", id, Fact.of(sheet, Fixtures.LITELLM), null, null)), null);
    }

    @Test
    void the_fast_usage_line_parser_agrees_with_jackson_or_leaves_the_line_to_it() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String[] values = {"0", "7", "1200", "007", "-5", "1.0", "1e3", "\"12\"", "null", "true", "18446744073709551616", "123456789012345678"};
        String[] models = {"\"gpt-4o-mini\"", "\"gpt\\u002d4o\"", "\"\"", "null", "5", "\"modèle\"", "{\"a\":1}"};
        String[] stamps = {"1746057600", "\"2026-05-01T00:00:00Z\"", "\"1746057600\"", "\"yesterday\"", "1767225600000", "null", "1.5"};
        String[] extras = {"", ",\"user\":\"u1\"", ",\"tags\":[1,2]", ",\"latency\":0.25", ",\"ok\":true", ",\"messages\":[]", ",\"x\":-1e-3"};
        java.util.Random random = new java.util.Random(17);
        UsageLineParser fast = new UsageLineParser();
        int taken = 0;
        for (int i = 0; i < 5_000; i++) {
            String sp = random.nextBoolean() ? "" : " ";
            String line = "{" + sp + "\"model\":" + sp + pick(random, models) + "," + sp + "\"input_tokens\":" + pick(random, values)
                    + ",\"output_tokens\":" + pick(random, values) + (random.nextBoolean() ? ",\"cached_input_tokens\":" + pick(random, values) : "")
                    + (random.nextBoolean() ? ",\"timestamp\":" + pick(random, stamps) : "") + pick(random, extras) + sp + "}" + (random.nextInt(10) == 0 ? "x" : "");
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            LoggedRequest got = fast.parse(bytes, bytes.length);
            if (got == null) {
                continue;
            }
            taken++;
            com.fasterxml.jackson.databind.JsonNode n = json.readTree(line);
            assertThat(got.model()).as(line).isEqualTo(n.get("model").isNull() ? null : n.get("model").asText());
            assertThat(got.inputTokens()).as(line).isEqualTo(n.get("input_tokens").longValue());
            assertThat(got.outputTokens()).as(line).isEqualTo(n.get("output_tokens").longValue());
            assertThat(got.cachedInputTokens()).as(line).isEqualTo(n.has("cached_input_tokens") ? n.get("cached_input_tokens").longValue() : 0);
            com.fasterxml.jackson.databind.JsonNode ts = n.get("timestamp");
            assertThat(got.timestamp()).as(line).isEqualTo(ts == null ? null
                    : ts.isNumber() ? java.time.Instant.ofEpochSecond(ts.longValue())
                    : ts.asText().chars().allMatch(Character::isDigit) ? java.time.Instant.ofEpochSecond(Long.parseLong(ts.asText())) : java.time.Instant.parse(ts.asText()));
        }
        assertThat(taken).as("the plain lines take the fast path").isGreaterThan(20);
    }

    private static String pick(java.util.Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }

    @Test
    void requests_without_a_response_or_an_exact_tokenizer_are_named_in_the_notes() {
        String log = """
                {"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello world"}]}
                {"model":"claude-like","messages":[{"role":"user","content":"hello world"}],"response":{"choices":[{"message":{"content":"hi"}}]}}
                """;
        Replay replay = new Replay(List.of(Fixtures.gpt4oMini()));
        LogReader reader = new LogReader("chat.jsonl", true, id -> TokenCounters.forModel(id, "gpt-4o-mini".equals(id) ? "o200k_base" : null));
        reader.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), replay::add);
        ReplayReport r = ReplayReport.of("chat.jsonl", replay, reader);
        assertThat(r.countedFromText()).isEqualTo(2);
        assertThat(r.notes()).contains(
                "1 of those were counted with an estimate, not exactly: the recording model's tokenizer is not public",
                "1 requests have no response in the log: their output tokens are unknown and counted as 0, so output cost is missing for them");
    }
}
