package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.api.Json;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The site over a real store: history, the admin API with its tokens and audit log, rate limiting, two instances. */
class StoreWebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Clock CLOCK = MiniData.CLOCK;

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    /** A started site on its own store; closing stops both. */
    record Site(Javalin app, StoreBackend backend, Store store) implements AutoCloseable {
        static Site open(String jdbcUrl, int perMinute) {
            Store store = Store.open(jdbcUrl);
            StoreBackend b = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), CLOCK), new AdminTokens(store.adminTokens(), CLOCK), store.auditLog(), store.evalRuns());
            return new Site(WebApp.create(CompletableFuture.completedFuture(b), CLOCK, "https://modelatlas.example", perMinute).start("127.0.0.1", 0), b, store);
        }

        HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                r.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send("GET", path, null, null);
        }

        @Override
        public void close() {
            app.stop();
            store.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void admin_changes_need_a_valid_token_and_are_audited(String kind) throws Exception {
        try (Site site = Site.open(TestDatabases.newDatabase(kind), 0)) {
            String patch = "{\"best_for\": [\"Ticket triage at volume\"], \"status\": \"deprecated\"}";
            long before = site.store().latestVersion();

            HttpResponse<String> none = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", null, patch);
            HttpResponse<String> wrong = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", "ma_not-a-real-token", patch);
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(site.store().latestVersion()).isEqualTo(before);
            assertThat(site.get("/api/v1/models/gpt-4.1-mini").body()).doesNotContain("Ticket triage at volume");

            String token = site.backend().tokens().create("ops-alice");
            HttpResponse<String> ok = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", token, patch);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(site.get("/api/v1/models/gpt-4.1-mini").body()).contains("Ticket triage at volume");
            assertThat(site.get("/models/gpt-4.1-mini").body()).contains("Ticket triage at volume");

            JsonNode audit = Json.mapper().readTree(site.send("GET", "/api/v1/admin/audit", token, null).body());
            JsonNode last = audit.path("entries").get(0);
            assertThat(last.path("actor").asText()).isEqualTo("token:ops-alice");
            assertThat(last.path("action").asText()).isEqualTo("curate");
            assertThat(last.path("target").asText()).isEqualTo("models/gpt-4.1-mini");
            assertThat(last.path("before").path("best_for").toString()).doesNotContain("Ticket triage");
            assertThat(last.path("after").path("best_for").get(0).asText()).isEqualTo("Ticket triage at volume");

            site.backend().tokens().revoke("ops-alice");
            HttpResponse<String> revoked = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", token, "{\"best_for\": [\"changed again\"]}");
            assertThat(revoked.statusCode()).isEqualTo(401);
            assertThat(site.get("/api/v1/models/gpt-4.1-mini").body()).doesNotContain("changed again");
        }
    }

    @Test
    void tokens_are_stored_only_as_hashes() throws Exception {
        String url = TestDatabases.newDatabase("sqlite");
        try (Site site = Site.open(url, 0)) {
            String token = site.backend().tokens().create("ci");
            assertThat(token).startsWith("ma_").hasSizeGreaterThan(40);
            byte[] file = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(url.substring("jdbc:sqlite:".length())));
            String wal = url.substring("jdbc:sqlite:".length()) + "-wal";
            byte[] log = java.nio.file.Files.exists(java.nio.file.Path.of(wal)) ? java.nio.file.Files.readAllBytes(java.nio.file.Path.of(wal)) : new byte[0];
            String everything = new String(file, StandardCharsets.ISO_8859_1) + new String(log, StandardCharsets.ISO_8859_1);
            assertThat(everything).doesNotContain(token).doesNotContain(token.substring(3));
            assertThat(site.backend().tokens().verify(token)).hasValue("ci");
        }
    }

    @Test
    void bad_corrections_are_refused_with_the_field_named_and_nothing_changes() throws Exception {
        try (Site site = Site.open(TestDatabases.newDatabase("sqlite"), 0)) {
            String token = site.backend().tokens().create("ops");
            long before = site.store().latestVersion();

            HttpResponse<String> negative = site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, "{\"input\": -1}");
            HttpResponse<String> word = site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, "{\"input\": \"cheap\"}");
            HttpResponse<String> status = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", token, "{\"status\": \"retired\"}");
            HttpResponse<String> unknownField = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", token, "{\"price\": 1}");
            HttpResponse<String> notJson = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", token, "{\"status\": ");
            HttpResponse<String> unknownModel = site.send("PATCH", "/api/v1/admin/models/gpt-9", token, "{\"best_for\": [\"x\"]}");
            HttpResponse<String> unknownSuccessor = site.send("PATCH", "/api/v1/admin/models/gpt-4.1-mini", token,
                    "{\"status\": \"superseded\", \"successor\": \"gpt-99\"}");

            assertThat(negative.statusCode()).isEqualTo(400);
            assertThat(negative.body()).contains("$.prices.openai.input").contains("negative");
            assertThat(word.statusCode()).isEqualTo(400);
            assertThat(word.body()).contains("\\\"cheap\\\"");
            assertThat(status.statusCode()).isEqualTo(400);
            assertThat(status.body()).contains("$.status").contains("retired");
            assertThat(unknownField.statusCode()).isEqualTo(400);
            assertThat(unknownField.body()).contains("$.price").contains("unknown field");
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.body()).contains("request body").contains("line 1");
            assertThat(unknownModel.statusCode()).isEqualTo(404);
            assertThat(unknownSuccessor.statusCode()).isEqualTo(404);
            assertThat(site.store().latestVersion()).isEqualTo(before);
            assertThat(site.store().audit(10)).noneMatch(a -> a.action().equals("curate"));
        }
    }

    @Test
    void absurd_prices_ids_and_bodies_are_refused_with_400_and_nothing_is_written() throws Exception {
        try (Site site = Site.open(TestDatabases.newDatabase("sqlite"), 0)) {
            String token = site.backend().tokens().create("ops");
            long before = site.store().latestVersion();
            int audited = site.store().audit(100).size();
            String put = "/api/v1/admin/models/gpt-4.1-mini/prices/openai";
            String patch = "/api/v1/admin/models/gpt-4.1-mini";
            record Case(String method, String path, String body, String field, String detail) {}
            var cases = List.of(
                    new Case("PUT", put, "{\"input\": \"1e99999\", \"output\": \"1\"}", "$.prices.openai.input", "must be at most 1000000 USD per 1M tokens, got 1E+99999"),
                    new Case("PUT", put, "{\"input\": 1e99999}", "$.prices.openai.input", "must be at most 1000000 USD per 1M tokens"),
                    new Case("PUT", put, "{\"input\": \"0.1\", \"output\": \"1e-30\"}", "$.prices.openai.output", "at most 20 decimal places"),
                    new Case("PUT", put, "{\"input\": \" 1\"}", "$.prices.openai.input", "without spaces around it"),
                    new Case("PUT", put, "null", "$", "must be a JSON object of prices"),
                    new Case("PATCH", patch, "{\"prices\": {\"openai\": {\"input\": 1e30}}}", "$.prices.openai.input", "must be at most"),
                    new Case("PATCH", patch, "{\"prices\": {\"..\": {\"input\": 1}}}", "$.prices['..']", "path segment"),
                    new Case("PATCH", patch, "{\"aliases\": [\"ok\", \"bad\\u0000id\"]}", "$.aliases[1]", "control or bidi characters"),
                    new Case("PATCH", patch, "[1,2]", "$", "the body must be a JSON object"),
                    new Case("PATCH", patch, "null", "$", "the body must be a JSON object"));
            for (Case c : cases) {
                HttpResponse<String> r = site.send(c.method(), c.path(), token, c.body());
                assertThat(r.statusCode()).as(c.body() + ": " + r.body()).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type")).as(c.body()).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
                JsonNode problem = Json.mapper().readTree(r.body());
                assertThat(problem.path("parameter").asText()).as(c.body()).isEqualTo(c.field());
                assertThat(problem.path("detail").asText()).as(c.body()).contains(c.detail());
            }
            assertThat(site.store().latestVersion()).isEqualTo(before);
            assertThat(site.store().audit(100)).hasSize(audited);
            assertThat(site.store().curations()).isEmpty();
            assertThat(site.get("/api/v1/models/gpt-4.1-mini").statusCode()).isEqualTo(200);
            assertThat(site.get("/models/gpt-4.1-mini").body()).contains("$0.40");
        }
    }

    @Test
    void a_price_set_by_an_operator_is_used_and_recorded_in_the_history() throws Exception {
        try (Site site = Site.open(TestDatabases.newDatabase("sqlite"), 0)) {
            String token = site.backend().tokens().create("ops");
            HttpResponse<String> r = site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token,
                    "{\"input\": \"0.35\", \"output\": \"1.40\", \"cached_input\": \"0.09\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);

            JsonNode cost = Json.mapper().readTree(site.get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=1000000&output_tokens=1000000").body());
            assertThat(cost.toString()).contains("1.75"); // 0.35 + 1.40, exact
            JsonNode history = Json.mapper().readTree(site.get("/api/v1/models/gpt-4.1-mini/history").body());
            assertThat(history.path("entries").findValuesAsText("value")).contains("0.4", "0.35");
            assertThat(history.toString()).contains("\"valid_to\":\"2026-11-23\"");
            String page = site.get("/models/gpt-4.1-mini").body();
            assertThat(page).contains("Price history").contains("id=\"history-chart\"").contains("$0.35");
        }
    }

    @Test
    void the_public_api_and_uncached_pages_are_rate_limited_per_client_with_retry_after() throws Exception {
        try (Site site = Site.open(TestDatabases.newDatabase("sqlite"), 5)) {
            assertThat(site.get("/models/gpt-4.1-mini").statusCode()).as("rendered, counted and cached").isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                assertThat(site.get("/api/v1/models?limit=1").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> limited = site.get("/api/v1/models?limit=1");
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 12L));
            assertThat(limited.body()).contains("5 requests per minute");
            assertThat(site.get("/models/gpt-4.1-mini").statusCode()).as("a cached page costs a lookup: not limited").isEqualTo(200);
            assertThat(site.get("/models/gpt-4.1").statusCode()).as("a page still to render is limited").isEqualTo(429);
            assertThat(site.get("/models/" + "x".repeat(300)).statusCode()).as("and so is a miss").isEqualTo(429);
            assertThat(site.get("/static/app.js").statusCode()).as("bundled files are not limited").isEqualTo(200);
        }
    }

    @Test
    void cached_pages_are_dropped_when_an_import_changes_the_catalog() throws Exception {
        try (Site site = Site.open(TestDatabases.newDatabase("sqlite"), 0)) {
            List<String> paths = List.of("/models/gpt-4.1-mini", "/compare/gpt-4.1-vs-gpt-4.1-mini");
            java.util.Map<String, String> etags = new java.util.HashMap<>();
            for (String path : paths) {
                String first = site.get(path).body();
                HttpResponse<String> cached = site.get(path); // answered from the page cache, in front of Javalin
                assertThat(cached.body()).as(path).isEqualTo(first).doesNotContain("$0.25");
                etags.put(path, cached.headers().firstValue("ETag").orElseThrow());
            }

            site.backend().catalog().importFile("litellm", "litellm-new.json", MiniData.litellmWithMiniInput("2.5e-07"),
                    LocalDate.of(2026, 11, 22), false, "test");

            for (String path : paths) {
                HttpResponse<String> after = site.get(path);
                assertThat(after.body()).as(path).contains("$0.25");
                assertThat(after.headers().firstValue("ETag")).as(path).isPresent().isNotEqualTo(java.util.Optional.of(etags.get(path)));
                HttpResponse<String> again = site.get(path);
                assertThat(again.body()).as(path + " cached again, from the new catalog").isEqualTo(after.body());
            }
        }
    }

    @Test
    void two_instances_on_one_postgresql_see_each_others_imports() throws Exception {
        String url = TestDatabases.newDatabase("postgresql");
        try (Site a = Site.open(url, 0); Site b = Site.open(url, 0)) {
            a.backend().catalog().importFile("litellm", "litellm-new.json", MiniData.litellmWithMiniInput("2.5e-07"),
                    LocalDate.of(2026, 11, 22), false, "test");
            assertThat(b.get("/api/v1/models/gpt-4.1-mini").body()).as("before b polls").doesNotContainPattern("\"input\"\\s*:\\s*0\\.25\\b");

            assertThat(b.backend().catalog().reloadIfChanged()).isTrue();

            assertThat(b.get("/api/v1/models/gpt-4.1-mini").body()).containsPattern("\"input\"\\s*:\\s*0\\.25\\b");
            assertThat(b.get("/models/gpt-4.1-mini").body()).contains("$0.25");
            assertThat(b.backend().catalog().version()).isEqualTo(a.backend().catalog().version());
        }
    }
}
