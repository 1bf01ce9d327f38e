package io.modelatlas.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelatlas.api.Json;
import io.modelatlas.api.ReplayReportJson;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.fixtures.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A LiteLLM proxy spend-log export, as CSV and as JSON: detected from its content, priced exactly, and its logged
 * spend set beside the exact cost on the recorded model. Expected values are computed here from the fixture with
 * plain arithmetic over the fixture models' rates, not through the replay's readers or CostCalculator.
 */
class LiteLlmReplayTest {
    static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51()));
    /** USD per million: uncached input, cached input, output (the fixture models' rates). */
    static final Map<String, String[]> RATES = Map.of(
            "gpt-4o-mini", new String[] {"0.15", "0.075", "0.6"},
            "gpt-4o-mini-2024-07-18", new String[] {"0.15", "0.075", "0.6"},
            "gpt-4.1-mini", new String[] {"0.4", "0.1", "1.6"});

    static ReplayReport replay(String resource, String name, LogFormat format, Model... targets) {
        try (InputStream in = resource(resource)) {
            return ReplayReport.run(name, in, java.util.concurrent.CompletableFuture.completedFuture(CATALOG), c -> List.of(targets), false, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        return LiteLlmReplayTest.class.getResourceAsStream("/replay/" + name);
    }

    static String text(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper PLAIN = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static JsonNode rows() throws IOException {
        return PLAIN.readTree(text("litellm-spend-logs.json"));
    }

    static long cached(JsonNode row) {
        return row.path("metadata").path("usage_object").path("prompt_tokens_details").path("cached_tokens").asLong(0);
    }

    /** The cost of one row at the given rates: (prompt - cached) x input + cached x cached rate + completion x output. */
    static BigDecimal cost(JsonNode row, String[] rates) {
        long prompt = row.get("prompt_tokens").asLong();
        long cached = cached(row);
        return new BigDecimal(rates[0]).multiply(BigDecimal.valueOf(prompt - cached))
                .add(new BigDecimal(rates[1]).multiply(BigDecimal.valueOf(cached)))
                .add(new BigDecimal(rates[2]).multiply(BigDecimal.valueOf(row.get("completion_tokens").asLong())))
                .movePointLeft(6);
    }

    static Replay.ModelResult row(ReplayReport r, String id) {
        return r.models().stream().filter(m -> m.modelId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_json_spend_log_is_detected_and_priced_exactly_on_each_target() throws IOException {
        ReplayReport r = replay("litellm-spend-logs.json", "spend.json", null, Fixtures.gpt4oMini(), Fixtures.gpt41Mini());

        BigDecimal on4oMini = BigDecimal.ZERO;
        BigDecimal on41Mini = BigDecimal.ZERO;
        for (JsonNode row : rows()) {
            on4oMini = on4oMini.add(cost(row, RATES.get("gpt-4o-mini")));
            on41Mini = on41Mini.add(cost(row, RATES.get("gpt-4.1-mini")));
        }
        assertThat(r.format()).isEqualTo("litellm");
        assertThat(r.requests()).isEqualTo(rows().size()).isEqualTo(6);
        assertThat(r.skippedLines()).isZero();
        assertThat(row(r, "gpt-4o-mini").totalUsd()).isEqualByComparingTo(on4oMini);
        assertThat(row(r, "gpt-4.1-mini").totalUsd()).isEqualByComparingTo(on41Mini);
        assertThat(r.monthsSpanned()).isNotNull();
        assertThat(r.percentilesExact()).isTrue();
    }

    @Test
    void the_logged_spend_is_set_beside_the_exact_cost_on_the_recorded_model_and_mismatches_are_listed() throws IOException {
        ReplayReport r = replay("litellm-spend-logs.json", "spend.json", null, Fixtures.gpt4oMini());

        BigDecimal logged = BigDecimal.ZERO;
        BigDecimal exact = BigDecimal.ZERO;
        List<String> off = new java.util.ArrayList<>();
        for (JsonNode row : rows()) {
            BigDecimal spend = row.get("spend").decimalValue();
            logged = logged.add(spend);
            String[] rates = RATES.get(row.get("model").asText());
            if (rates != null) {
                BigDecimal e = cost(row, rates);
                exact = exact.add(e);
                if (spend.subtract(e).abs().compareTo(e.multiply(new BigDecimal("0.01"))) > 0) {
                    off.add(row.get("request_id").asText());
                }
            }
        }
        assertThat(r.loggedUsd()).isEqualByComparingTo(logged);
        assertThat(r.exactOnRecordedUsd()).isEqualByComparingTo(exact);
        // the stale gpt-4o price and the cache read charged at the full input rate; the float-noise spend is within 1%
        assertThat(off).containsExactly("chatcmpl-9f1c2a10-0003", "chatcmpl-9f1c2a10-0005");
        assertThat(r.loggedCostMismatches()).isEqualTo(off.size());
        assertThat(r.mismatchedRequests()).extracting(LoggedCostMismatch::requestId).containsExactlyElementsOf(off);
        LoggedCostMismatch stale = r.mismatchedRequests().get(0);
        assertThat(stale.line()).isEqualTo(lineOf(text("litellm-spend-logs.json"), "\"chatcmpl-9f1c2a10-0003\"") - 1);
        assertThat(stale.loggedUsd()).isEqualByComparingTo("0.00175");
        assertThat(stale.exactUsd()).isEqualByComparingTo("0.000105"); // 500 x 0.15 + 50 x 0.60, per million
        assertThat(r.notes()).anyMatch(n -> n.startsWith("1 requests with a logged cost were recorded on a model without a known price"));
        assertThat(r.table()).contains("spend.json (litellm export): 6 requests", "line " + stale.line() + " (chatcmpl-9f1c2a10-0003) on gpt-4o-mini");
        assertThat(Json.write(ReplayReportJson.from(r))).contains("\"logged_usd\" : ", "\"logged_cost_mismatches\" : 2", "\"format\" : \"litellm\"");
    }

    @Test
    void the_csv_export_gives_the_same_totals_and_reports_its_bad_row_with_its_line() {
        ReplayReport json = replay("litellm-spend-logs.json", "spend.json", null, Fixtures.gpt4oMini());
        ReplayReport csv = replay("litellm-spend-logs.csv", "spend.csv", null, Fixtures.gpt4oMini());

        assertThat(csv.format()).isEqualTo("litellm");
        assertThat(csv.requests()).isEqualTo(json.requests());
        assertThat(row(csv, "gpt-4o-mini").totalUsd()).isEqualByComparingTo(row(json, "gpt-4o-mini").totalUsd());
        assertThat(csv.loggedUsd()).isEqualByComparingTo(json.loggedUsd());
        assertThat(csv.exactOnRecordedUsd()).isEqualByComparingTo(json.exactOnRecordedUsd());
        assertThat(csv.monthsSpanned()).isEqualByComparingTo(json.monthsSpanned());
        assertThat(csv.loggedCostMismatches()).isEqualTo(2);
        // the second row's messages cell spans lines, so the bad row is on a later line than its row number
        long badLine = lineOf(text("litellm-spend-logs.csv"), "chatcmpl-9f1c2a10-bad");
        assertThat(badLine).isGreaterThan(5);
        assertThat(csv.skippedLines()).isEqualTo(1);
        assertThat(csv.problems()).containsExactly("line " + badLine + ": prompt_tokens must be a non-negative whole number, got 'n/a'");
        assertThat(csv.mismatchedRequests().get(1).line()).isEqualTo(lineOf(text("litellm-spend-logs.csv"), "chatcmpl-9f1c2a10-0005"));
    }

    @Test
    void a_spend_log_named_jsonl_is_still_read_as_one_and_forcing_our_csv_on_it_names_the_missing_columns() {
        ReplayReport detected = replay("litellm-spend-logs.csv", "upload.jsonl", null, Fixtures.gpt4oMini());
        assertThat(detected.format()).isEqualTo("litellm");
        assertThat(detected.requests()).isEqualTo(6);

        // our CSV needs our columns: forced on a spend log, it says which, at the header
        assertThatThrownBy(() -> replay("litellm-spend-logs.csv", "spend.csv", LogFormat.CSV, Fixtures.gpt4oMini()))
                .isInstanceOf(BadLineException.class).hasMessageStartingWith("spend.csv line 1: the CSV header must name input_tokens and output_tokens");
    }

    static long lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).as(needle).isNotNegative();
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
