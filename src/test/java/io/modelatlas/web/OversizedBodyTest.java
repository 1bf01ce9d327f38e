package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every route that reads a body refuses one over its limit with 413, whether the declared length says so (refused
 * before reading) or a chunked body grows past it (cut off while reading): problem+json under {@code /api/}, the
 * error page for the site's form. An admin change refused this way changes nothing: no audit entry, no version.
 */
class OversizedBodyTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ADMIN_LIMIT = 256 * 1024;
    private static final int REPLAY_LIMIT = 4096;
    private static Store store;
    private static StoreBackend backend;
    private static Javalin site;
    private static Javalin smallReplay;
    private static String token;

    @BeforeAll
    static void start() {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        site = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "https://modelatlas.example", 0).start("127.0.0.1", 0);
        token = backend.tokens().create("ops");
        // the replay routes with a small limit, so that a chunked body passes it quickly
        WebContext ctx = WebContext.of(Catalog.of(List.of(Fixtures.gpt4oMini())), MiniData.CLOCK, "https://modelatlas.example");
        Templates templates = new Templates();
        smallReplay = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ErrorMapping.install(config, templates);
            new ReplayRoutes(() -> ctx, templates, REPLAY_LIMIT).install(config);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        site.stop();
        smallReplay.stop();
        store.close();
    }

    /** A JSON merge patch of about {@code size} bytes that would be a valid change if it were allowed through. */
    private static byte[] patch(int size) {
        return ("{\"best_for\": [\"" + "x".repeat(size) + "\"]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String contentType(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PATCH, /api/v1/admin/models/gpt-4.1-mini", "PUT, /api/v1/admin/models/gpt-4.1-mini/prices/openai"})
    void admin_bodies_over_the_limit_are_refused_and_nothing_is_stored(String method, String path) throws Exception {
        long version = store.latestVersion();
        int audited = store.audit(1000).size();

        String declared = raw(site.port(), method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + (ADMIN_LIMIT + 1) + "\r\nConnection: close\r\n\r\n"
                + "x".repeat(ADMIN_LIMIT + 1));
        assertThat(declared).startsWith("HTTP/1.1 413").contains("application/problem+json");

        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(patch(ADMIN_LIMIT + 10_000)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(contentType(chunked)).startsWith("application/problem+json");
        assertThat(chunked.body()).contains("\"title\" : \"Request body too large\"", "at most 262144 bytes");

        assertThat(store.latestVersion()).isEqualTo(version);
        assertThat(store.audit(1000)).hasSize(audited);
        // just under the limit the same change goes through: the limit is what refused it, not the content
        HttpResponse<String> fits = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + "/api/v1/admin/models/gpt-4.1-mini"))
                .header("Authorization", "Bearer " + token).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(patch(1000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        assertThat(store.audit(1000)).hasSize(audited + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/api/v1/replay?all=1, application/problem+json", "/replay, text/html"})
    void replay_bodies_over_the_limit_are_refused_declared_or_chunked(String path, String type) throws Exception {
        String body = "{\"model\":\"gpt-4o-mini\",\"input_tokens\":10,\"output_tokens\":1}\n".repeat(200);
        assertThat(body.length()).isGreaterThan(REPLAY_LIMIT + 64 * 1024 / 16);
        String declared = raw(smallReplay.port(), "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=b"
                + "\r\nContent-Length: " + 10_000_000 + "\r\nConnection: close\r\n\r\n");
        assertThat(declared).startsWith("HTTP/1.1 413").contains(type);

        HttpResponse<String> chunked = path.startsWith("/api/")
                ? HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + smallReplay.port() + path))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))).build(),
                        HttpResponse.BodyHandlers.ofString())
                : ReplayWebTest.upload(smallReplay, "gpt-4o-mini", "big.jsonl", body.repeat(10).getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(contentType(chunked)).startsWith(type);
        assertThat(chunked.body()).contains("Upload too large", "larger than the limit of 4 KB");
    }

    /** Sends these bytes as a request (a head, and the body where one is given) and reads the whole answer. */
    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
