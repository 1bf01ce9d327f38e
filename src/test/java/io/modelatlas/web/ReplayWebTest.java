package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code /replay} upload page and {@code POST /api/v1/replay} over HTTP: the report, the stated and enforced size
 * limit, bad lines, bad forms and hostile file names. A second server with a 4 KB limit makes the streaming limit
 * cheap to cross.
 */
class ReplayWebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LOG = """
            {"model":"gpt-4.1-mini","input_tokens":1000,"output_tokens":500,"cached_input_tokens":400,"timestamp":"2026-05-01T00:00:00Z"}
            {"model":"gpt-4.1-mini","input_tokens":2000,"output_tokens":0,"timestamp":"2026-05-16T00:00:00Z"}
            not json at all
            {"model":"gpt-4.1-mini","input_tokens":-3,"output_tokens":1}
            {"model":"gpt-4.1-mini","input_tokens":0,"output_tokens":1000,"timestamp":"2026-05-31T00:00:00Z"}
            """;
    private static Javalin app;
    private static Javalin small;

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));
        WebContext ctx = WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "https://modelatlas.example");
        app = WebApp.create(ctx).start("127.0.0.1", 0);
        Templates templates = new Templates();
        small = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ErrorMapping.install(config, templates);
            new ReplayRoutes(() -> ctx, templates, 4096).install(config);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        small.stop();
    }

    private static String url(Javalin server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A browser's form post: the models field, then the file. */
    static HttpResponse<String> upload(Javalin server, String models, String filename, byte[] log, String accept) throws Exception {
        String boundary = "----form" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"models\"\r\n\r\n" + models + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"log\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(log);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(server, "/replay"))).header("Accept", accept)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_form_states_the_limit_and_posts_without_javascript() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(app, "/replay"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("<form class=\"filters replay\" method=\"post\" action=\"/replay\" enctype=\"multipart/form-data\">")
                .contains("Logs of up to <strong>50 MB</strong>")
                .contains("<input type=\"file\" name=\"log\"");
    }

    @Test
    void an_uploaded_log_renders_the_report_with_skipped_lines_by_number() throws Exception {
        HttpResponse<String> r = upload(app, "gpt-4.1-mini, gpt-4o-mini", "usage.jsonl", LOG.getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        Golden.assertMatches("web/replay-usage.html", r.body());
        assertThat(r.body())
                .contains("usage.jsonl: 3 requests, recorded on gpt-4.1-mini, spanning 1.00 months")
                .contains("<li>line 3: not valid JSON")
                .contains("<li>line 4: input_tokens must be a non-negative whole number, got -3</li>");
    }

    @Test
    void the_api_answers_the_same_report_as_json() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(app, "/api/v1/replay?models=gpt-4.1-mini,gpt-4o-mini")))
                .POST(HttpRequest.BodyPublishers.ofString(LOG)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        Golden.assertMatches("api/replay-usage.json", r.body());
        assertThat(r.body()).contains("\"skipped_lines\" : 2", "\"total_usd\" : 0.00348");
    }

    @Test
    void the_api_reads_a_litellm_spend_log_and_refuses_an_unknown_format_naming_it() throws Exception {
        byte[] spend;
        try (java.io.InputStream in = getClass().getResourceAsStream("/replay/litellm-spend-logs.csv")) {
            spend = in.readAllBytes();
        }
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(app, "/api/v1/replay?models=gpt-4o-mini")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(spend)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"format\" : \"litellm\"", "\"requests\" : 6", "\"logged_cost_mismatches\" : 2", "chatcmpl-9f1c2a10-0003");

        HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create(url(app, "/api/v1/replay?models=gpt-4o-mini&format=splunk")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(spend)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(bad.body()).contains("must be auto, jsonl, csv, litellm, openai-usage or openrouter, got 'splunk'");
    }

    @Test
    void an_empty_models_field_prices_the_log_on_every_priced_chat_model() throws Exception {
        HttpResponse<String> r = upload(app, "", "usage.jsonl", LOG.getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("href=\"/models/gpt-4.1\"", "href=\"/models/gpt-4.1-mini\"", "href=\"/models/gpt-4o-mini\"", "href=\"/models/gpt-5.1\"")
                .doesNotContain("href=\"/models/gpt-image-1-mini\"");
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_with_413_before_reading() throws Exception {
        String api = rawPost(app.port(), "/api/v1/replay?all=1", "application/x-ndjson", 60L * 1024 * 1024);
        assertThat(api).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"detail\" : \"the upload is larger than the limit of 50 MB; price a larger log with the command line: modelatlas replay LOG --models ...\"");
        String page = rawPost(app.port(), "/replay", "multipart/form-data; boundary=x", 60L * 1024 * 1024);
        assertThat(page).startsWith("HTTP/1.1 413").contains("text/html").contains("larger than the limit of 50 MB");
    }

    @Test
    void a_streamed_upload_is_cut_off_at_the_limit_with_413() throws Exception {
        byte[] big = LOG.repeat(40).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(4096);
        // chunked, so the length is not declared: the count while streaming must catch it
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(url(small, "/api/v1/replay?all=1")))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"title\" : \"Upload too large\"", "limit of 4 KB");
        HttpResponse<String> page = upload(small, "", "usage.jsonl", big, "text/html");
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("Upload too large");
        // and the server still answers
        assertThat(upload(small, "", "usage.jsonl", LOG.getBytes(StandardCharsets.UTF_8), "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void a_file_name_with_a_path_is_only_shown_by_its_last_part_and_nothing_is_written() throws Exception {
        String marker = "replay-" + UUID.randomUUID();
        String csv = "model,input_tokens,output_tokens\ngpt-4o-mini,1000,100\n";
        HttpResponse<String> r = upload(app, "gpt-4o-mini", "../../../../tmp/" + marker + "/<script>x.csv", csv.getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("&lt;script&gt;x.csv: 1 requests").doesNotContain("<script>x").doesNotContain("../").doesNotContain(marker);
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("java.io.tmpdir")), 2)) {
            assertThat(files.filter(p -> p.toString().contains(marker))).isEmpty();
        }
    }

    @Test
    void bad_forms_get_a_clear_error() throws Exception {
        HttpResponse<String> noFile = upload(app, "gpt-4o-mini", "", new byte[0], "text/html");
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("choose a log file to upload");
        HttpResponse<String> unknown = upload(app, "gpt-4o-mini,no-such-model", "usage.jsonl", LOG.getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no-such-model");
        HttpResponse<String> notMultipart = HTTP.send(HttpRequest.newBuilder(URI.create(url(app, "/replay"))).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(LOG)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notMultipart.statusCode()).isEqualTo(400);
        assertThat(notMultipart.body()).contains("expected a multipart/form-data upload, got text/plain");
        HttpResponse<String> noTargets = HTTP.send(HttpRequest.newBuilder(URI.create(url(app, "/api/v1/replay")))
                .POST(HttpRequest.BodyPublishers.ofString(LOG)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noTargets.statusCode()).isEqualTo(400);
        assertThat(noTargets.body()).contains("\"parameter\" : \"models\"");
        HttpResponse<String> strict = HTTP.send(HttpRequest.newBuilder(URI.create(url(app, "/api/v1/replay?all=1&strict=1")))
                .POST(HttpRequest.BodyPublishers.ofString(LOG)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(strict.body()).contains("upload.jsonl line 3: not valid JSON");
    }

    /** Sends only the headers of a POST that declares {@code length} bytes, and reads the answer. */
    private static String rawPost(int port, String path, String contentType, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
