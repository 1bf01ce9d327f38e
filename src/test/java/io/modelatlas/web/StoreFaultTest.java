package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.fixtures.MiniData;
import io.modelatlas.StoreException;
import io.modelatlas.store.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store failing under a running site: requests that need it get 503 problem+json with Retry-After, pages that do
 * not keep serving, nothing is half-written, and the site recovers by itself when the store is back.
 */
class StoreFaultTest {
    private static final String PRICE = "{\"input\": \"0.30\", \"output\": \"1.20\"}";

    @Test
    void a_locked_database_refuses_writes_with_503_and_accepts_them_once_released() throws Exception {
        String url = TestDatabases.newDatabase("sqlite") + "?busy_timeout=300";
        try (StoreWebTest.Site site = StoreWebTest.Site.open(url, 0)) {
            String token = site.backend().tokens().create("ops");
            long version = site.store().latestVersion();
            try (Connection other = DriverManager.getConnection(url); Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                HttpResponse<String> locked = site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, PRICE);
                assertUnavailable(locked);
                assertThat(site.get("/models/gpt-4.1-mini").statusCode()).isEqualTo(200);
                st.execute("ROLLBACK");
            }
            assertThat(site.store().latestVersion()).isEqualTo(version);
            assertThat(site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, PRICE).statusCode()).isEqualTo(200);
            assertThat(site.store().latestVersion()).isEqualTo(version + 1);
        }
    }

    @Test
    void a_removed_database_file_is_503_and_a_restored_one_is_picked_up_without_a_restart(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("store.db");
        String url = "jdbc:sqlite:" + db;
        try (StoreWebTest.Site site = StoreWebTest.Site.open(url, 0)) {
            String token = site.backend().tokens().create("ops");
            String history = site.get("/api/v1/models/gpt-4.1-mini/history").body();
            Path backup = dir.resolve("backup.db");
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("VACUUM INTO '" + backup + "'");
            }
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }

            assertUnavailable(site.get("/api/v1/models/gpt-4.1-mini/history"));
            assertUnavailable(site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, PRICE));
            assertThat(site.get("/models/gpt-4.1-mini").statusCode()).as("pages serve the catalog in memory").isEqualTo(200);
            assertThat(db).as("no new empty store is created in its place").doesNotExist();

            Files.move(backup, db);
            assertThat(site.get("/api/v1/models/gpt-4.1-mini/history").body()).isEqualTo(history);
            assertThat(site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, PRICE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_full_database_refuses_an_import_whole_and_the_catalog_stays_as_it_was(@TempDir Path dir) throws Exception {
        String plain = "jdbc:sqlite:" + dir.resolve("store.db");
        StoreWebTest.Site.open(plain, 0).close();
        long pages;
        try (Connection c = DriverManager.getConnection(plain); Statement st = c.createStatement()) {
            st.execute("VACUUM"); // no free pages left for the import to fill
            try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
        }
        try (StoreWebTest.Site site = StoreWebTest.Site.open(plain + "?max_page_count=" + pages, 0)) {
            long version = site.store().latestVersion();
            String history = site.get("/api/v1/models/gpt-4.1-mini/history").body();
            String model = site.get("/api/v1/models/gpt-4.1-mini").body();

            assertThatThrownBy(() -> site.backend().catalog().importFile("litellm", "litellm-big.json",
                    withManyModels(MiniData.litellm(), 3000), LocalDate.of(2026, 11, 22), false, "test"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("full");

            assertThat(site.store().latestVersion()).isEqualTo(version);
            assertThat(site.get("/api/v1/models/gpt-4.1-mini/history").body()).isEqualTo(history);
            assertThat(site.get("/api/v1/models/gpt-4.1-mini").body()).isEqualTo(model);
        }
    }

    @Test
    void postgresql_stopped_and_started_again_is_503_meanwhile_and_recovers_by_itself(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(port);
        EmbeddedPostgres pg = builder.start();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
        try (StoreWebTest.Site site = StoreWebTest.Site.open(url, 0)) {
            String token = site.backend().tokens().create("ops");
            String history = site.get("/api/v1/models/gpt-4.1-mini/history").body();
            long version = site.store().latestVersion();

            pg.close();
            assertUnavailable(site.get("/api/v1/models/gpt-4.1-mini/history"));
            assertUnavailable(site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, PRICE));
            assertThat(site.get("/models/gpt-4.1-mini").statusCode()).isEqualTo(200);
            long catalogVersion = site.backend().catalog().version();
            assertThatThrownBy(() -> site.backend().catalog().reloadIfChanged()).isInstanceOf(StoreException.class);
            assertThat(site.backend().catalog().version()).as("the catalog in use stays").isEqualTo(catalogVersion);

            pg = builder.start();
            HttpResponse<String> back = site.get("/api/v1/models/gpt-4.1-mini/history");
            for (int i = 0; i < 20 && back.statusCode() != 200; i++) {
                Thread.sleep(500);
                back = site.get("/api/v1/models/gpt-4.1-mini/history");
            }
            assertThat(back.body()).isEqualTo(history);
            assertThat(site.store().latestVersion()).as("nothing was written while it was down").isEqualTo(version);
            assertThat(site.send("PUT", "/api/v1/admin/models/gpt-4.1-mini/prices/openai", token, PRICE).statusCode()).isEqualTo(200);
        } finally {
            pg.close();
        }
    }

    /** The file plus {@code n} made-up chat models, so that the import needs far more room than is left. */
    private static byte[] withManyModels(String litellm, int n) throws Exception {
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) io.modelatlas.api.Json.mapper().readTree(litellm);
        var random = new java.util.Random(7);
        for (int i = 0; i < n; i++) {
            var m = root.putObject("acme/model-" + Long.toHexString(random.nextLong()));
            m.put("litellm_provider", "acme").put("mode", "chat").put("max_input_tokens", 8192)
                    .put("input_cost_per_token", new java.math.BigDecimal("1e-06")).put("output_cost_per_token", new java.math.BigDecimal("2e-06"));
        }
        return io.modelatlas.api.Json.mapper().writeValueAsBytes(root);
    }

    private static void assertUnavailable(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        assertThat(r.body()).contains("changed nothing");
    }
}
