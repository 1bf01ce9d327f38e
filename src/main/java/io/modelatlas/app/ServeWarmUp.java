package io.modelatlas.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The run that makes the server's class-data archive ({@link Relaunch}) asks for the pages a first visitor asks for,
 * once each, and then stops: the archive then holds the classes those requests load (templates, the comparison
 * code, Jetty's response path) as well as the start's, and a later {@code serve} maps them instead of reading and
 * verifying them from the jar. A page that does not answer as it should fails the run, so no archive is made of a
 * server that does not work.
 */
final class ServeWarmUp {
    /** Path to the status it must answer with, in the order asked. */
    static final Map<String, Integer> PAGES = orderedPages();

    private ServeWarmUp() {}

    private static Map<String, Integer> orderedPages() {
        Map<String, Integer> pages = new java.util.LinkedHashMap<>();
        for (String path : new String[] {"/compare/gpt-4.1-vs-gpt-4.1-mini", "/", "/models", "/models/gpt-4.1", "/api/v1/models/gpt-4.1",
            "/api/v1/compare?models=gpt-4.1,gpt-4.1-mini", "/calculator", "/static/app.css"}) {
            pages.put(path, 200);
        }
        pages.put("/no-such-page", 404);
        return java.util.Collections.unmodifiableMap(pages);
    }

    static boolean requested() {
        return Boolean.getBoolean(Relaunch.WARM_UP); // set on the archive's run only
    }

    /** One plain HTTP/1.1 request per page, each read to its end (a socket: no HTTP client's classes in the archive). */
    static void run(int port) {
        PAGES.forEach((path, expected) -> {
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                in.transferTo(OutputStream.nullOutputStream());
                if (!status.equals("HTTP/1.1 " + expected)) {
                    throw new IllegalStateException("warm-up: " + path + " answered '" + status + "', expected " + expected);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("warm-up: " + path + " could not be read", e);
            }
        });
    }
}
