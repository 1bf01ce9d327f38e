package io.modelatlas.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.modelatlas.fixtures.FakeUpstream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a server on 127.0.0.1 that answers as upstreams do on good and bad days. */
class HttpFetcherTest {
    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Duration> waits = new ArrayList<>();

    /** What the server does on the n-th call (from 1): a status and a body, or a pause. */
    private interface Script {
        void answer(int call, com.sun.net.httpserver.HttpExchange ex) throws IOException;
    }

    private volatile Script script;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                script.answer(calls.incrementAndGet(), ex);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data.json");
    }

    private HttpFetcher fetcher(int attempts, long maxBytes, Duration readTimeout) {
        return new HttpFetcher(new FetchSettings(Duration.ofSeconds(2), readTimeout, attempts, Duration.ofMillis(50), maxBytes,
                FetchSettings.USER_AGENT), waits::add);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Test
    void server_errors_are_retried_with_doubling_waits_until_one_succeeds() {
        script = (call, ex) -> send(ex, call < 3 ? 503 : 200, call < 3 ? "" : "{\"ok\": true}");

        FetchOutcome o = fetcher(4, 1000, Duration.ofSeconds(5)).fetch(url(), Validators.NONE);

        assertThat(o).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                f -> assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\": true}"));
        assertThat(calls).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void retries_are_bounded_and_the_last_problem_is_reported() {
        script = (call, ex) -> send(ex, 429, "");

        FetchOutcome o = fetcher(3, 1000, Duration.ofSeconds(5)).fetch(url(), Validators.NONE);

        assertThat(o).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("HTTP 429 from " + url() + " (3 tries)"));
        assertThat(calls).hasValue(3);
    }

    @Test
    void a_client_error_is_not_retried() {
        script = (call, ex) -> send(ex, 404, "");

        FetchOutcome o = fetcher(3, 1000, Duration.ofSeconds(5)).fetch(url(), Validators.NONE);

        assertThat(o).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> assertThat(f.reason()).isEqualTo("HTTP 404 from " + url()));
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void validators_are_sent_and_returned_and_304_is_unchanged() {
        List<String> seen = new ArrayList<>();
        script = (call, ex) -> {
            seen.add(ex.getRequestHeaders().getFirst("If-None-Match") + " | " + ex.getRequestHeaders().getFirst("If-Modified-Since")
                    + " | " + ex.getRequestHeaders().getFirst("User-Agent"));
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, "");
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Sun, 22 Nov 2026 08:00:00 GMT");
            send(ex, 200, "{}");
        };
        HttpFetcher fetcher = fetcher(1, 1000, Duration.ofSeconds(5));

        FetchOutcome first = fetcher.fetch(url(), Validators.NONE);
        assertThat(first).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                f -> assertThat(f.validators()).isEqualTo(new Validators("\"v1\"", "Sun, 22 Nov 2026 08:00:00 GMT")));
        FetchOutcome second = fetcher.fetch(url(), ((FetchOutcome.Fetched) first).validators());

        assertThat(second).isInstanceOf(FetchOutcome.Unchanged.class);
        assertThat(seen).containsExactly("null | null | " + FetchSettings.USER_AGENT,
                "\"v1\" | Sun, 22 Nov 2026 08:00:00 GMT | " + FetchSettings.USER_AGENT);
    }

    @Test
    void a_body_over_the_limit_is_refused_whether_declared_or_streamed() {
        String big = "x".repeat(2_000);
        script = (call, ex) -> {
            if (call == 1) {
                send(ex, 200, big); // Content-Length says it up front
            } else {
                ex.sendResponseHeaders(200, 0); // chunked: only counting finds out
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(big.getBytes(StandardCharsets.UTF_8));
                }
            }
        };
        HttpFetcher fetcher = fetcher(3, 1000, Duration.ofSeconds(5));

        assertThat(fetcher.fetch(url(), Validators.NONE)).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(url() + " is 2000 bytes; the limit is 1000 bytes"));
        assertThat(fetcher.fetch(url(), Validators.NONE)).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(url() + " is more than 1000 bytes; the limit is 1000 bytes"));
        assertThat(calls).as("a size refusal is not retried").hasValue(2);
    }

    @Test
    void a_server_that_does_not_answer_in_time_times_out() {
        script = (call, ex) -> {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(ex, 200, "{}");
        };

        FetchOutcome o = fetcher(1, 1000, Duration.ofMillis(200)).fetch(url(), Validators.NONE);

        assertThat(o).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("no answer from " + url() + " within 200 ms (1 try)"));
    }

    @Test
    void a_closed_port_and_a_non_http_url_fail_as_data() throws IOException {
        URI dead = FakeUpstream.closedPort("/x.json");

        assertThat(fetcher(2, 1000, Duration.ofSeconds(1)).fetch(dead, Validators.NONE)).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.reason()).startsWith("cannot reach " + dead + ": ConnectException").endsWith("(2 tries)"));
        assertThat(fetcher(2, 1000, Duration.ofSeconds(1)).fetch(URI.create("file:///etc/passwd"), Validators.NONE))
                .isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> assertThat(f.reason()).contains("only http and https URLs"));
    }
}
