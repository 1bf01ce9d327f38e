package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.testing.Golden;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/check} and the {@code /check} page over HTTP, on the fixture catalog. */
class CheckWebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ARTICLE = """
            GPT-4.1 vs GPT-4.1 Mini
            GPT-4.1 Mini costs $0.40 per million input tokens, versus $2 for GPT-4.1.
            GPT-4.1 Mini is 90% cheaper than GPT-4.1.
            <script>alert("not markup: this is pasted text")</script>
            """;
    private static Javalin app;

    @BeforeAll
    static void start() {
        Catalog catalog = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini(), Fixtures.gpt51(), Fixtures.gptImage1Mini()));
        WebContext ctx = WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "https://modelatlas.example");
        app = WebApp.create(ctx).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void api_check_answers_each_claim_with_its_verdict() throws Exception {
        HttpResponse<String> r = post("/api/v1/check", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body()).contains("\"text\" : \"90% cheaper\"", "\"verdict\" : \"wrong\"", "\"correction\" : \"GPT-4.1 Mini is 80% cheaper than GPT-4.1 on input");
        Golden.assertMatches("api/check-post.json", r.body());
    }

    @Test
    void api_check_refuses_an_empty_body_and_a_bad_date_naming_them() throws Exception {
        HttpResponse<String> empty = post("/api/v1/check", "text/plain", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(empty.body()).contains("\"parameter\" : \"body\"");
        HttpResponse<String> date = post("/api/v1/check?as_of=yesterday", "text/plain", ARTICLE.getBytes(StandardCharsets.UTF_8));
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("\"parameter\" : \"as_of\"", "as_of must be a date like 2024-09-30, got 'yesterday'");
    }

    @Test
    void api_check_refuses_a_body_over_the_limit_with_413() throws Exception {
        byte[] big = new byte[(int) CheckRoutes.LIMIT_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> r = post("/api/v1/check", "text/plain", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than the limit of 1 MB");
    }

    @Test
    void the_page_posts_pasted_text_and_shows_it_marked_and_escaped() throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/check")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form class=\"filters check\" method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">");

        String boundary = "----form" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + ARTICLE + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"as_of\"\r\n\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = post("/check", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<mark class=\"wrong\" title=\"wrong: GPT-4.1 Mini is 80% cheaper than GPT-4.1 on input\">90% cheaper<sup>",
                        "&lt;script&gt;alert(&quot;not markup", "At least one claim is wrong")
                .doesNotContain("<script>alert");
        Golden.assertMatches("web/check-post.html", r.body());
    }
}
