package io.modelatlas.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import io.modelatlas.tokens.TokenCounters;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private static ReplayReport replay(String file, String log, boolean strict, Model... models) {
        Replay replay = new Replay(List.of(models));
        LogReader reader = new LogReader(file, strict, id -> TokenCounters.forModel(String.valueOf(id), "o200k_base"));
        reader.read(new BufferedReader(new StringReader(log)), replay::add);
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
}
