package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.api.Json;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import io.modelatlas.testing.Golden;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store whose genai-prices file (src/test/resources/genaiprices/data-cut.json, imported as of 2026-08-21) dates o3's
 * price cut of 2025-06-10 on OpenAI's pricing page: the history API and the model page show that date, once, as the
 * provider's, and the launch price before it with its start unknown.
 */
class DatedHistoryWebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Store store;
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        LiveCatalog service = LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
        byte[] genaiPrices;
        try (InputStream in = DatedHistoryWebTest.class.getResourceAsStream("/genaiprices/data-cut.json")) {
            genaiPrices = in.readAllBytes();
        }
        service.importFile("genaiprices", "data-cut.json", genaiPrices, LocalDate.of(2026, 8, 21), false, "test");
        StoreBackend backend = new StoreBackend(service, new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        app = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "https://modelatlas.example", 0).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_history_api_dates_o3s_price_cut_on_the_providers_day_once() throws Exception {
        HttpResponse<String> r = get("/api/v1/models/o3/history");
        assertThat(r.statusCode()).isEqualTo(200);
        Golden.assertMatches("api/history-o3.json", r.body());

        JsonNode inputs = Json.mapper().readTree(r.body()).get("entries");
        var input = new java.util.ArrayList<JsonNode>();
        inputs.forEach(e -> {
            if (e.get("offering").asText().equals("openai/o3") && e.get("field").asText().equals("input")) {
                input.add(e);
            }
        });
        // the store saw $2 from its import on 2026-08-21; the provider dates it from 2025-06-10: one entry, the provider's date
        assertThat(input).hasSize(2);
        assertThat(input.get(0).get("value").asText()).isEqualTo("10");
        assertThat(input.get(0).has("valid_from")).as("the launch price's start is unknown").isFalse();
        assertThat(input.get(0).get("valid_to").asText()).isEqualTo("2025-06-10");
        assertThat(input.get(0).get("valid_to_by").asText()).isEqualTo("provider");
        assertThat(input.get(1).get("value").asText()).isEqualTo("2");
        assertThat(input.get(1).get("valid_from").asText()).isEqualTo("2025-06-10");
        assertThat(input.get(1).get("valid_from_by").asText()).isEqualTo("provider");
        assertThat(input.get(1).get("citation").asText()).isEqualTo("openai/o3 citing https://developers.openai.com/api/docs/pricing");
    }

    @Test
    void the_model_page_charts_the_prices_at_the_dates_they_changed_and_says_whose_date_it_is() throws Exception {
        HttpResponse<String> r = get("/models/o3");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        int from = body.indexOf("<h2>Price history</h2>");
        assertThat(from).as("the page has a price history").isPositive();
        String section = body.substring(body.lastIndexOf("<section>", from), body.indexOf("</section>", from) + "</section>".length());
        Golden.assertMatches("web/model-o3-price-history.html", section);

        assertThat(section).contains("2025-06-10", "(provider's date)", "start unknown",
                "genai-prices openai/o3 citing https://developers.openai.com/api/docs/pricing");
    }
}
