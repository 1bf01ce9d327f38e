package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer the server gives, from Javalin's routes, its error mapping, the cached-page handler in front
 * of it, static files, webjars and Jetty's own refusals of malformed requests, carries the same security headers.
 */
class SecurityHeadersTest {
    private static Javalin site;
    private static Javalin limited;
    private static Store store;
    private static Store limitedStore;

    @BeforeAll
    static void start() {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        site = open(store, 0);
        limitedStore = Store.open(TestDatabases.newDatabase("sqlite"));
        limited = open(limitedStore, 1);
    }

    private static Javalin open(Store s, int perMinute) {
        StoreBackend b = new StoreBackend(LiveCatalog.open(s.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(s.adminTokens(), MiniData.CLOCK), s.auditLog(), s.evalRuns());
        return WebApp.create(CompletableFuture.completedFuture(b), MiniData.CLOCK, "https://modelatlas.example", perMinute).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        site.stop();
        limited.stop();
        store.close();
        limitedStore.close();
    }

    record Answer(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One request as bytes over a socket, so that malformed requests reach the server as sent. */
    static Answer raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
                }
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private static String get(String path, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", List.of(headers).stream().map(h -> h + "\r\n").toList())
                + "Connection: close\r\n\r\n";
    }

    @Test
    void every_kind_of_answer_carries_the_security_headers() throws IOException {
        int port = site.port();
        // the first request renders and caches the page; the second is answered from the cache, in front of Javalin
        Answer first = raw(port, get("/models/gpt-4.1-mini"));
        Answer cached = raw(port, get("/models/gpt-4.1-mini"));
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("first render", first);
        answers.put("cached page", cached);
        answers.put("304", raw(port, get("/models/gpt-4.1-mini", "If-None-Match: " + cached.header("ETag"))));
        answers.put("301", raw(port, get("/compare?models=gpt-4.1,gpt-4.1-mini")));
        answers.put("404 page", raw(port, get("/no-such-page")));
        answers.put("404 problem", raw(port, get("/api/v1/models/no-such-model")));
        answers.put("400", raw(port, get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=-1&output_tokens=1")));
        answers.put("405", raw(port, "DELETE /models HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        answers.put("405 problem", raw(port, "PUT /api/v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
        answers.put("413", raw(port, "POST /api/v1/replay?all=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 900000000\r\nConnection: close\r\n\r\n"));
        answers.put("401 admin", raw(port, get("/api/v1/admin/audit")));
        answers.put("static asset", raw(port, get("/static/app.css")));
        answers.put("webjar asset", raw(port, get("/webjars/chart.js/4.5.1/dist/chart.umd.js")));
        answers.put("sitemap", raw(port, get("/sitemap.xml")));
        answers.put("robots", raw(port, get("/robots.txt")));
        answers.put("JSON API", raw(port, get("/api/v1/models?limit=1")));
        answers.put("comparison page", raw(port, get("/compare/gpt-4.1-vs-gpt-4.1-mini")));
        answers.put("eval list", raw(port, get("/evals")));
        answers.put("eval API", raw(port, get("/api/v1/evals")));
        answers.put("replay page", raw(port, get("/replay")));
        raw(limited.port(), get("/api/v1/models?limit=1"));
        answers.put("429", raw(limited.port(), get("/api/v1/models?limit=1")));
        // refused by Jetty before any handler runs
        answers.put("Jetty 400 (bad escape in the path)", raw(port, get("/models/%zz")));
        answers.put("Jetty 400 (bad request line)", raw(port, "GET /models HTTP/1.1 junk\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        answers.put("Jetty 431 (headers too large)", raw(port, get("/models", "X-Big: " + "x".repeat(64 * 1024))));

        Map<String, Integer> expected = new LinkedHashMap<>(Map.ofEntries(Map.entry("first render", 200), Map.entry("cached page", 200),
                Map.entry("304", 304), Map.entry("301", 301), Map.entry("404 page", 404), Map.entry("404 problem", 404), Map.entry("400", 400),
                Map.entry("405", 405), Map.entry("405 problem", 405), Map.entry("413", 413), Map.entry("401 admin", 401), Map.entry("429", 429)));
        List<String> failures = new ArrayList<>();
        answers.forEach((what, a) -> {
            Integer status = expected.get(what);
            if (status != null && a.status() != status) {
                failures.add(what + ": status " + a.status() + ", expected " + status);
            }
            if (status == null && what.startsWith("Jetty") && a.status() < 400) {
                failures.add(what + ": status " + a.status());
            }
            if (status == null && !what.startsWith("Jetty") && a.status() != 200) {
                failures.add(what + ": status " + a.status());
            }
            String csp = a.header("Content-Security-Policy");
            if (csp == null || !csp.matches(".*script-src 'self'(;.*|$)") || csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
                failures.add(what + ": Content-Security-Policy " + csp);
            }
            check(failures, what, a, "X-Content-Type-Options", "nosniff");
            check(failures, what, a, "Referrer-Policy", "strict-origin-when-cross-origin");
            check(failures, what, a, "X-Frame-Options", "DENY");
        });
        assertThat(failures).isEmpty();
        assertThat(cached.header("ETag")).isNotBlank();
        // errors are answered in the site's own forms: the error page, or problem+json under /api/
        assertThat(answers.get("405").header("Content-Type")).startsWith("text/html");
        assertThat(answers.get("405").header("Allow")).contains("GET");
        assertThat(answers.get("405 problem").header("Content-Type")).startsWith("application/problem+json");
        assertThat(answers.get("413").header("Content-Type")).startsWith("application/problem+json");
    }

    private static void check(List<String> failures, String what, Answer a, String header, String value) {
        if (!value.equals(a.header(header))) {
            failures.add(what + " (" + a.status() + "): " + header + " is " + a.header(header));
        }
    }
}
