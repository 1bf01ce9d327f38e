package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.fixtures.MiniData;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bundled files are served by our own routes with the headers Jetty's static-file handler sent (checked against
 * the old server with curl), and nothing outside the two bundled folders is reachable.
 */
class StaticFilesTest {
    private static final String CHART = "/webjars/chart.js/4.5.1/dist/chart.umd.js";
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = WebApp.create(WebContext.of(CatalogLoader.load(MiniData.sources()), MiniData.CLOCK, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sent as bytes, so that the path reaches the server exactly as written (no client-side normalising of "..") . */
    private static Answer send(String method, String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            String request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", Arrays.stream(headers).map(h -> h + "\r\n").toList())
                    + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            byte[] all = socket.getInputStream().readAllBytes();
            String raw = new String(all, StandardCharsets.ISO_8859_1);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> parsed = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                parsed.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
            if ("chunked".equals(parsed.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), parsed, body);
        }
    }

    private static byte[] unchunk(byte[] chunked) {
        var out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrlf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no chunk size line");
    }

    private static byte[] bundled(String classpathName) throws IOException {
        try (InputStream in = StaticFilesTest.class.getClassLoader().getResourceAsStream(classpathName)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/static/app.css, static/app.css, text/css, max-age=0",
        "/static/app.js, static/app.js, text/javascript, max-age=0",
        "/static/favicon.svg, static/favicon.svg, image/svg+xml, max-age=0",
        "/webjars/chart.js/4.5.1/dist/chart.umd.js, META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.js, text/javascript, max-age=31622400",
        "/webjars/chart.js/4.5.1/dist/chart.umd.js.map, META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.js.map, text/plain, max-age=31622400",
    })
    void a_bundled_file_is_served_whole_with_the_headers_jetty_sent(String path, String classpathName, String type, String cacheControl) throws IOException {
        Answer a = send("GET", path);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(bundled(classpathName));
        assertThat(a.header("Content-Type")).isEqualTo(type);
        assertThat(a.header("Cache-Control")).isEqualTo(cacheControl);
        assertThat(a.header("ETag")).matches("W/\"[A-Za-z0-9_-]+\"");
        assertThat(a.header("Last-Modified")).as("Jetty sent none for files in the jar").isNull();
        assertThat(a.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void a_matching_etag_gets_304_without_a_body_and_another_gets_the_file() throws IOException {
        String etag = send("GET", "/static/app.css").header("ETag");

        Answer same = send("GET", "/static/app.css", "If-None-Match: " + etag);
        Answer strongForm = send("GET", "/static/app.css", "If-None-Match: \"x\", " + etag.substring(2));
        Answer other = send("GET", "/static/app.css", "If-None-Match: W/\"something-else\"");

        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(strongForm.status()).as("weak comparison, in a list").isEqualTo(304);
        assertThat(other.status()).isEqualTo(200);
        assertThat(send("GET", "/static/app.js").header("ETag")).as("each file has its own tag").isNotEqualTo(etag);
    }

    @Test
    void head_sends_the_headers_of_get_without_the_body() throws IOException {
        Answer get = send("GET", CHART);
        Answer head = send("HEAD", CHART);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
        assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
        assertThat(head.header("Cache-Control")).isEqualTo("max-age=31622400");
    }

    @Test
    void gzip_is_offered_as_for_any_other_answer() throws IOException {
        Answer a = send("GET", "/static/app.css", "Accept-Encoding: gzip");

        assertThat(a.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(a.body().length).isLessThan(bundled("static/app.css").length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/static/no-such.css", "/webjars/chart.js/4.5.1/dist/no-such.js", "/webjars/chart.js/4.5.1/",
        "/static/app.css/", "/static//app.css", "/static/app.exe", "/webjars/chart.js/4.5.1/package"})
    void an_unknown_file_is_a_404_problem(String path) throws IOException {
        Answer a = send("GET", path);

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(a.text()).contains("\"status\" : 404").contains("/problems/not-found");
        assertThat(a.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CSP);
    }

    /**
     * Paths that try to leave the two folders. The ones that would climb above the root Jetty refuses itself with a
     * 400 (as it did before); the rest reach our route and are a 404. None is a file.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/static/../x", "/static/%2e%2e/io/modelatlas/web/WebApp.class", "/static/%2e%2e/%2e%2e/logback.xml",
        "/static/..%2fapp.css", "/static/%252e%252e/x.css", "/static/..%5c..%5cx.css", "/static/%2fetc%2fpasswd.txt",
        "/webjars/../../io/modelatlas/web/WebApp.class", "/webjars/%2e%2e/%2e%2e/io/modelatlas/web/WebApp.class",
        "/webjars/chart.js/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/io/modelatlas/web/WebApp.class",
        "/webjars/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fio/modelatlas/web/WebApp.class"})
    void a_path_out_of_the_folders_reaches_nothing(String path) throws IOException {
        Answer a = send("GET", path);

        assertThat(a.status()).isIn(400, 404);
        assertThat(new String(a.body(), StandardCharsets.ISO_8859_1)).as("no class file").doesNotStartWith("\u00CA\u00FE\u00BA\u00BE");
        assertThat(a.header("Content-Type")).doesNotContain("javascript").doesNotContain("css");
    }

    @Test
    void matches_follows_weak_comparison() {
        assertThat(StaticFiles.matches("W/\"a\"", "W/\"a\"")).isTrue();
        assertThat(StaticFiles.matches("\"a\"", "W/\"a\"")).isTrue();
        assertThat(StaticFiles.matches("*", "W/\"a\"")).isTrue();
        assertThat(StaticFiles.matches("W/\"b\", W/\"a\"", "W/\"a\"")).isTrue();
        assertThat(StaticFiles.matches("W/\"ab\"", "W/\"a\"")).isFalse();
        assertThat(StaticFiles.matches(null, "W/\"a\"")).isFalse();
    }
}
