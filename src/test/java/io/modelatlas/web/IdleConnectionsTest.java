package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A stopping server closes a kept-alive connection that waits for no request at once, where Jetty's graceful stop
 * alone kept it (and the stop) for the 10 s shutdown idle timeout; requests in flight still finish
 * (GracefulShutdownTest).
 */
class IdleConnectionsTest {

    @Test
    void an_idle_kept_alive_connection_is_closed_as_the_stop_begins() throws Exception {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini()));
        Javalin app = WebApp.create(WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "https://modelatlas.example"))
                .start("127.0.0.1", 0);
        try (Socket client = new Socket("127.0.0.1", app.port())) {
            client.getOutputStream().write("GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
            in.readNBytes(contentLength(head)); // the whole response: the connection now waits for a next request

            CompletableFuture<Void> stopped = CompletableFuture.runAsync(app::stop);
            // 5 s, half the shutdown idle timeout: without the closing, the server would keep the connection 10 s
            client.setSoTimeout(5_000);

            assertThat(in.read()).as("the server closed the connection").isEqualTo(-1);
            stopped.join();
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            assertThat(c).as("a response head").isNotNegative();
            head.append((char) c);
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new AssertionError("no Content-Length in " + head);
    }
}
