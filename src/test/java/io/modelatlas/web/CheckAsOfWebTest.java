package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.check.ModelHistory;
import io.modelatlas.fixtures.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/check?as_of=} judges prices as the store's history has them that day, and survives a store that fails. */
class CheckAsOfWebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ARTICLE = "GPT-4o Mini costs $0.30 per 1M input tokens.\n";
    private static final ModelHistory HISTORY = id -> List.of(
            new HistoryEntry(new FieldKey("gpt-4o-mini", "openai/gpt-4o-mini", "input"), "0.3", "litellm", LocalDate.of(2024, 7, 18), LocalDate.of(2025, 1, 1)));

    private static String check(ModelHistory history, String asOf) throws Exception {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt4oMini()));
        WebContext ctx = WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "https://modelatlas.example");
        Templates templates = new Templates();
        Javalin app = Javalin.create(config -> {
            ErrorMapping.install(config, templates);
            new CheckRoutes(() -> ctx, templates, history).install(config);
        }).start("127.0.0.1", 0);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/v1/check?as_of=" + asOf))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(ARTICLE, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } finally {
            app.stop();
        }
    }

    @Test
    void api_check_as_of_a_day_the_history_covers_is_judged_by_that_days_price() throws Exception {
        assertThat(check(HISTORY, "2024-09-30")).contains("\"verdict\" : \"right\"", "as of 2024-09-30",
                "openai/gpt-4o-mini price history, valid 2024-07-18 to 2025-01-01");
    }

    @Test
    void api_check_as_of_a_day_before_the_history_or_with_a_failing_store_stays_unchecked() throws Exception {
        assertThat(check(HISTORY, "2023-06-01")).contains("\"verdict\" : \"unchecked\"", "no history for that date");
        ModelHistory failing = id -> {
            throw new IllegalStateException("store down");
        };
        assertThat(check(failing, "2024-09-30")).contains("\"verdict\" : \"unchecked\"").doesNotContain("store down");
    }
}
