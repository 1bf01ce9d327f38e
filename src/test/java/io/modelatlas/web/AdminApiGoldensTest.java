package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.api.Json;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import io.modelatlas.testing.Golden;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goldens for the admin API over a fresh SQLite store: one correction of each kind (patch, price table put and
 * delete), then the audit log and the catalog versions they leave. Every time comes from the fixed clock the store,
 * the catalog and the tokens are given, and ids count up from a fresh store, so nothing needs normalising; the
 * bearer token (random) is never part of an answer. The tests run in one fixed order (JUnit's default order is
 * deterministic, but the state here builds up, so it is one test).
 */
class AdminApiGoldensTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Store store;
    private static Javalin app;
    private static String token;

    @BeforeAll
    static void start() {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        StoreBackend backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK),
                new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        token = backend.tokens().create("golden-ops");
        app = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "https://modelatlas.example", 0).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    private static String ok(String method, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        HttpResponse<String> answer = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", method, path, answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(answer.body()).as("the bearer token is never echoed").doesNotContain(token);
        return answer.body();
    }

    @Test
    void corrections_and_the_audit_log_and_versions_they_leave_match_their_goldens() throws Exception {
        String patched = ok("PATCH", "/api/v1/admin/models/gpt-4.1-mini", "{\"best_for\": [\"Ticket triage at volume\"], \"status\": \"deprecated\"}");
        Golden.assertMatches("api/admin-patch-gpt-4.1-mini.json", patched);
        assertThat(Json.mapper().readTree(patched).get("model")).as("the corrected model is written as the model API writes it")
                .isEqualTo(Json.mapper().readTree(ok("GET", "/api/v1/models/gpt-4.1-mini", null)));
        Golden.assertMatches("api/admin-put-prices-gpt-4.1-mini-openai.json",
                ok("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", "{\"input\": \"0.35\", \"output\": \"1.40\", \"cached_input\": \"0.09\"}"));
        Golden.assertMatches("api/admin-delete-prices-gpt-4.1-mini-openai.json", ok("DELETE", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", null));

        String audit = ok("GET", "/api/v1/admin/audit", null);
        Golden.assertMatches("api/admin-audit.json", audit);
        assertThat(audit).as("newest first: the delete, then the put, the patch and the token's creation")
                .containsSubsequence("\"action\" : \"curate\"", "\"action\" : \"curate\"", "\"action\" : \"curate\"", "\"action\" : \"create-token\"");

        String versions = ok("GET", "/api/v1/admin/versions", null);
        Golden.assertMatches("api/admin-versions.json", versions);
        assertThat(versions).as("the three corrections are the newest versions").containsSubsequence("\"kind\" : \"curation\"", "\"kind\" : \"curation\"",
                "\"kind\" : \"curation\"", "\"kind\" : \"bootstrap\"");
        assertThat(ok("GET", "/api/v1/admin/versions?limit=1", null)).as("limit=1 keeps only the newest").containsOnlyOnce("\"kind\"");
    }
}
