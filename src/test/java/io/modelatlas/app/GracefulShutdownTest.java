package io.modelatlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.store.Store;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server process, stopped with SIGTERM while a request is still arriving: that request completes and its
 * change is kept, the process exits, and the SQLite store is closed cleanly (its write-ahead log checkpointed away).
 */
class GracefulShutdownTest {

    @Test
    void sigterm_lets_the_request_in_flight_finish_and_closes_the_store(@TempDir Path home) throws Exception {
        String token = createToken(home);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = java(home, "serve", "--port", String.valueOf(port)).start();
        try {
            waitUntilServing(port, server);
            byte[] body = "{\"best_for\": [\"Kept through a shutdown\"]}".getBytes(StandardCharsets.UTF_8);
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.setSoTimeout(60_000);
                OutputStream out = client.getOutputStream();
                out.write(("PATCH /api/v1/admin/models/gpt-4.1-mini HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(body, 0, 10);
                out.flush();
                Thread.sleep(2_000); // the request is in flight: headers read and dispatched, body half sent (generous for a loaded machine)

                server.destroy(); // SIGTERM
                Thread.sleep(500);
                out.write(body, 10, body.length - 10);
                out.flush();
                String response = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 200").contains("Kept through a shutdown");
            }
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the process exits").isTrue();
        } finally {
            server.destroyForcibly();
        }
        Path db = home.resolve("modelatlas.db");
        assertThat(Path.of(db + "-wal")).as("the store was closed cleanly").doesNotExist();
        try (Store store = Store.open("jdbc:sqlite:" + db)) {
            assertThat(store.audit(5)).anySatisfy(a -> assertThat(a.newValue()).contains("Kept through a shutdown"));
        }
    }

    private static String createToken(Path home) throws Exception {
        Process p = java(home, "admin", "create-token", "shutdown-test").redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        String token = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return token;
    }

    private static ProcessBuilder java(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MODELATLAS_HOME", home.toString());
        pb.environment().remove("MODELATLAS_DB_URL");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb;
    }

    private static void waitUntilServing(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server is running").isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write("GET /models/gpt-4.1-mini HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
                InputStream in = s.getInputStream();
                if (new String(in.readNBytes(12), StandardCharsets.UTF_8).startsWith("HTTP/1.1 200")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not serve within 180 s");
    }
}
