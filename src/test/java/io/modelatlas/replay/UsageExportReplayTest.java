package io.modelatlas.replay;

import static io.modelatlas.replay.LiteLlmReplayTest.lineOf;
import static io.modelatlas.replay.LiteLlmReplayTest.replay;
import static io.modelatlas.replay.LiteLlmReplayTest.row;
import static io.modelatlas.replay.LiteLlmReplayTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelatlas.api.Json;
import io.modelatlas.api.ReplayReportJson;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenAI's Usage API completions pages (sums per bucket) and OpenRouter's per-generation activity export: detected,
 * priced exactly (expected values computed here from the fixtures with plain arithmetic), and what they cannot tell
 * said in the report.
 */
class UsageExportReplayTest {
    private static BigDecimal cost(long input, long cached, long output, String in, String cachedRate, String out) {
        return new BigDecimal(in).multiply(BigDecimal.valueOf(input - cached)).add(new BigDecimal(cachedRate).multiply(BigDecimal.valueOf(cached)))
                .add(new BigDecimal(out).multiply(BigDecimal.valueOf(output))).movePointLeft(6);
    }

    /** Every result of every bucket of every page, as the fixture holds them (the bucket with a negative count left out). */
    private static List<JsonNode> openAiResults() throws IOException {
        List<JsonNode> results = new ArrayList<>();
        try (MappingIterator<JsonNode> pages = new ObjectMapper().readerFor(JsonNode.class).readValues(text("openai-usage-completions.json"))) {
            while (pages.hasNext()) {
                for (JsonNode bucket : pages.next().get("data")) {
                    boolean bad = false;
                    for (JsonNode r : bucket.get("results")) {
                        bad |= r.get("input_tokens").asLong() < 0;
                    }
                    if (!bad) {
                        bucket.get("results").forEach(results::add);
                    }
                }
            }
        }
        return results;
    }

    @Test
    void openai_usage_buckets_are_priced_per_bucket_and_the_report_says_what_sums_cannot_tell() throws IOException {
        ReplayReport r = replay("openai-usage-completions.json", "usage.json", null, Fixtures.gpt4oMini(), Fixtures.gpt41Mini());

        BigDecimal on4oMini = BigDecimal.ZERO;
        long requests = 0;
        long batch = 0;
        for (JsonNode x : openAiResults()) {
            boolean viaBatch = x.get("batch").asBoolean();
            // the fixture's batch tier is half the input and output rates, with no cached rate (so cached input is input)
            on4oMini = on4oMini.add(viaBatch ? cost(x.get("input_tokens").asLong(), 0, x.get("output_tokens").asLong(), "0.075", "0", "0.3")
                    : cost(x.get("input_tokens").asLong(), x.get("input_cached_tokens").asLong(), x.get("output_tokens").asLong(), "0.15", "0.075", "0.6"));
            requests += x.get("num_model_requests").asLong();
            batch += viaBatch ? x.get("num_model_requests").asLong() : 0;
        }
        assertThat(r.format()).isEqualTo("openai-usage");
        assertThat(r.requests()).isEqualTo(requests).isEqualTo(182);
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo(on4oMini);
        assertThat(row(r, "gpt-4o-mini").per1000Usd()).isNotNull();
        assertThat(row(r, "gpt-4o-mini").p50Usd()).isNull();
        assertThat(row(r, "gpt-4o-mini").maxUsd()).isNull();
        assertThat(r.recordedOn()).isEqualTo("gpt-4o-mini-2024-07-18");
        String batchNote = batch + " requests went through the Batch API";
        assertThat(batch).isEqualTo(20);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("182 requests come as sums (usage buckets)") && n.contains("percentiles"))
                .anyMatch(n -> n.startsWith(batchNote));
        assertThat(r.loggedUsd()).isNull();
        long badBucket = lineOf(text("openai-usage-completions.json"), "\"input_tokens\": -5");
        assertThat(r.skippedLines()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("line ").contains("results[0].input_tokens must be a non-negative whole number, got -5"));
        long reported = Long.parseLong(r.problems().get(0).substring(5, r.problems().get(0).indexOf(':')));
        // the line where the bucket that holds it starts, above the bad count
        List<String> lines = text("openai-usage-completions.json").lines().toList();
        assertThat(reported).isLessThan(badBucket);
        assertThat(lines.get((int) reported - 1).trim()).isEqualTo("{");
        assertThat(lines.get((int) reported)).contains("\"object\": \"bucket\"");
        assertThat(lines.subList((int) reported + 1, (int) badBucket)).noneMatch(l -> l.contains("\"bucket\""));
        assertThat(r.table()).contains("usage.json (openai-usage export): 182 requests");
    }

    /** The model with its offering's batch tier taken away. */
    private static Model withoutBatchTier(Model m) {
        Offering o = m.offerings().get(0);
        PriceSheet standard = o.prices().value();
        PriceSheet.Builder b = PriceSheet.builder();
        for (PriceKind kind : PriceKind.values()) {
            standard.rate(kind).ifPresent(r -> b.rate(kind, r));
        }
        Offering plain = new Offering(o.provider(), o.apiModelId(), Fact.of(b.build(), Fixtures.LITELLM), o.contextWindow(), o.maxOutputTokens(), o.priceNote());
        return new Model(m.id() + "-nobatch", m.displayName(), m.creatorId(), m.creatorName(), m.family(), m.aliases(), m.type(), m.description(),
                m.releaseDate(), m.knowledgeCutoff(), m.inputModalities(), m.outputModalities(), m.contextWindow(), m.maxInputTokens(), m.maxOutputTokens(),
                m.capabilities(), m.endpoints(), m.status(), m.benchmarks(), m.strengths(), m.bestFor(), List.of(plain), m.tokenizer());
    }

    @Test
    void batch_buckets_are_priced_at_the_batch_tier_named_in_the_report_and_a_model_without_one_is_warned_about() throws IOException {
        Model plain = withoutBatchTier(Fixtures.gpt41Mini());
        assertThat(plain.prices().orElseThrow().forTier(ServiceTier.BATCH)).isEmpty();
        ReplayReport r = replay("openai-usage-completions.json", "usage.json", null, Fixtures.gpt41Mini(), plain);

        BigDecimal atBatch = BigDecimal.ZERO;
        BigDecimal atStandard = BigDecimal.ZERO;
        for (JsonNode x : openAiResults()) {
            long in = x.get("input_tokens").asLong();
            long cached = x.get("input_cached_tokens").asLong();
            long out = x.get("output_tokens").asLong();
            BigDecimal standard = cost(in, cached, out, "0.4", "0.1", "1.6");
            atStandard = atStandard.add(standard);
            atBatch = atBatch.add(x.get("batch").asBoolean() ? cost(in, 0, out, "0.2", "0", "0.8") : standard);
        }
        assertThat(atBatch).isLessThan(atStandard);
        assertThat(row(r, "gpt-4.1-mini").totalUsd()).isEqualByComparingTo(atBatch);
        assertThat(row(r, "gpt-4.1-mini").note()).isNull();
        assertThat(row(r, plain.id()).totalUsd()).isEqualByComparingTo(atStandard);
        assertThat(row(r, plain.id()).note()).contains("no batch price known");

        // the one bucket with a batch result: named by the line it starts on, its start and what it held
        String log = text("openai-usage-completions.json");
        long bucketLine = lineOf(log, "\"start_time\": 1777593600") - 2;
        assertThat(r.notes()).anyMatch(n -> n.startsWith("20 requests went through the Batch API, in 1 bucket priced at each model's batch tier: line "
                + bucketLine + " (2026-05-01T00:00:00Z: 20 requests of gpt-4.1-mini-2025-04-14)"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("warning: no batch price is known for 1 of the models (" + plain.id() + ")"));
        assertThat(Json.write(ReplayReportJson.from(r))).contains("warning: no batch price is known");
    }

    @Test
    void openrouter_activity_is_priced_and_its_cost_total_checked_against_the_exact_cost() {
        ReplayReport r = replay("openrouter-activity.csv", "activity.csv", null, Fixtures.gpt4oMini());

        BigDecimal on4oMini = BigDecimal.ZERO;
        BigDecimal logged = BigDecimal.ZERO;
        List<String> lines = text("openrouter-activity.csv").lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        long requests = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[header.indexOf("tokens_completion")].isEmpty()) {
                continue; // the bad row
            }
            requests++;
            long prompt = Long.parseLong(f[header.indexOf("tokens_prompt")]);
            long cached = Long.parseLong(f[header.indexOf("tokens_cached")]);
            on4oMini = on4oMini.add(cost(prompt, cached, Long.parseLong(f[header.indexOf("tokens_completion")]), "0.15", "0.075", "0.6"));
            logged = logged.add(new BigDecimal(f[header.indexOf("cost_total")]));
        }
        assertThat(r.format()).isEqualTo("openrouter");
        assertThat(r.requests()).isEqualTo(requests).isEqualTo(5);
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo(on4oMini);
        assertThat(row(r, "gpt-4o-mini").p50Usd()).isNotNull();
        assertThat(r.loggedUsd()).isEqualByComparingTo(logged);
        // Azure's gpt-4.1-mini at 5% over the list price; the Claude row has no price in this catalog
        assertThat(r.loggedCostMismatches()).isEqualTo(1);
        assertThat(r.mismatchedRequests()).singleElement().satisfies(m -> {
            assertThat(m.requestId()).isEqualTo("gen-1777798800-U1v2W3x4Y5z6A7b8C9d0");
            assertThat(m.line()).isEqualTo(4);
            assertThat(m.exactUsd()).isEqualByComparingTo(cost(2000, 0, 1000, "0.4", "0.1", "1.6"));
        });
        // gpt-4o-mini rows, gpt-4.1-mini: their logged costs against the exact ones, Claude's left out
        assertThat(r.exactOnRecordedUsd()).isEqualByComparingTo(new BigDecimal("0.00027").add(new BigDecimal("0.0006"))
                .add(cost(2000, 0, 1000, "0.4", "0.1", "1.6")).add(new BigDecimal("0.00018")));
        assertThat(r.problems()).containsExactly("line 6: tokens_completion is missing");
    }

    @Test
    void openrouter_per_day_activity_rows_are_sums_of_requests() {
        String days = """
                {"data":[
                  {"date":"2026-05-01","model":"openai/gpt-4o-mini","model_permaslug":"openai/gpt-4o-mini-2024-07-18","endpoint_id":"e1","provider_name":"OpenAI","usage":0.0027,"byok_usage_inference":0,"requests":10,"prompt_tokens":10000,"completion_tokens":2000,"reasoning_tokens":0},
                  {"date":"2026-05-02","model":"openai/gpt-4o-mini","model_permaslug":"openai/gpt-4o-mini-2024-07-18","endpoint_id":"e1","provider_name":"OpenAI","usage":0.0054,"byok_usage_inference":0,"requests":20,"prompt_tokens":20000,"completion_tokens":4000,"reasoning_tokens":0}
                ]}
                """;
        ReplayReport r = ReplayReport.run("activity.json", new java.io.ByteArrayInputStream(days.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.util.concurrent.CompletableFuture.completedFuture(LiteLlmReplayTest.CATALOG), c -> List.of(Fixtures.gpt4oMini()), true, null);

        assertThat(r.format()).isEqualTo("openrouter");
        assertThat(r.requests()).isEqualTo(30);
        // 30,000 x 0.15 + 6,000 x 0.60 per million = 0.0045 + 0.0036
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo("0.0081");
        assertThat(r.loggedUsd()).isEqualByComparingTo("0.0081");
        assertThat(r.loggedCostMismatches()).isZero();
        assertThat(row(r, "gpt-4o-mini").p95Usd()).isNull();
    }
}
