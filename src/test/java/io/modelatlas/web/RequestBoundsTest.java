package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.fixtures.MiniData;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests shaped to cost the server work or to be read two ways: over-long ids, escapes decoded twice, digits of
 * other scripts, repeated parameters. Each is answered at once, one way, naming what was wrong, with no Java text.
 */
class RequestBoundsTest {
    private static final String LONG_ID = "gpt-4o-mini".repeat(640); // 7,040 characters
    private static final List<String> JAVA_TEXT = List.of("URLDecoder", "Exception", "java.", "at io.");
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = WebApp.create(WebContext.of(CatalogLoader.load(MiniData.sources()), MiniData.CLOCK, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() throws IOException {
            assertThat(contentType).isEqualTo("application/problem+json");
            return Json.mapper().readTree(body);
        }
    }

    /** Over a plain socket, so that the path reaches the server exactly as written here. */
    private static Answer get(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher type = Pattern.compile("(?im)^content-type:\\s*([^;\\r\\n]+)").matcher(response);
            int body = response.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(response.substring(9, 12)), type.find() ? type.group(1).trim() : "", response.substring(body + 4));
        }
    }

    @Test
    void an_id_of_7000_characters_is_a_404_with_no_suggestions_naming_the_parameter() throws Exception {
        for (String path : List.of("/api/v1/models/" + LONG_ID, "/api/v1/cost?model=" + LONG_ID + "&input_tokens=1&output_tokens=1",
                "/api/v1/compare?models=gpt-4.1," + LONG_ID)) {
            String what = path.substring(0, 30);
            Answer a = get(path);
            assertThat(a.status()).as(what).isEqualTo(404);
            JsonNode problem = a.json();
            assertThat(problem.path("suggestions").size()).as(what).isZero();
            assertThat(problem.path("parameter").asText()).as(what).isIn("id", "model", "models");
            assertThat(problem.path("detail").asText()).as("quoted cut short").hasSizeLessThan(150);
        }
        Answer page = get("/models/" + LONG_ID);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Unknown model</h1>").doesNotContain("did you mean");
    }

    @Test
    void a_typo_still_gets_suggestions_and_names_its_parameter() throws Exception {
        JsonNode problem = get("/api/v1/models/gpt-4.1-mnii").json();
        assertThat(problem.path("parameter").asText()).isEqualTo("id");
        assertThat(problem.path("suggestions").get(0).asText()).isEqualTo("gpt-4.1-mini");
    }

    @Test
    void a_path_is_percent_decoded_once() throws Exception {
        // %252D is "%2D" once decoded: an id with a percent sign, not a hyphen
        assertThat(get("/api/v1/models/gpt%252D4.1-mini").status()).isEqualTo(404);
        assertThat(get("/api/v1/models/gpt%2D4.1-mini").status()).isEqualTo(200);
        Answer escaped = get("/api/v1/models/%25zz");
        assertThat(escaped.status()).isEqualTo(404);
        assertThat(escaped.json().path("detail").asText()).isEqualTo("unknown model '%zz'");
        assertThat(get("/api/v1/cost?model=%2541&input_tokens=1&output_tokens=1").json().path("detail").asText()).startsWith("unknown model '%41'");
        for (String path : List.of("/models/%25zz", "/compare/gpt-4.1-vs-%25zz", "/models/%zz", "/api/v1/models/%zz")) {
            Answer a = get(path);
            assertThat(a.status()).as(path).isIn(400, 404);
            assertThat(a.body()).as(path).doesNotContain(JAVA_TEXT);
        }
    }

    @Test
    void a_malformed_escape_in_the_query_is_a_400_naming_the_parameter() throws Exception {
        for (String query : List.of("model=%zz", "model=%E0%A4", "model=gpt-4.1%")) {
            Answer a = get("/api/v1/cost?input_tokens=1&output_tokens=1&" + query);
            assertThat(a.status()).as(query).isEqualTo(400);
            assertThat(a.json().path("parameter").asText()).as(query).isEqualTo("model");
            assertThat(a.body()).doesNotContain(JAVA_TEXT);
        }
        assertThat(get("/models?q=%zz").status()).isEqualTo(400);
    }

    @Test
    void numbers_are_ascii_digits_only() throws Exception {
        Answer arabic = get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=%D9%A1%D9%A2&output_tokens=1"); // ١٢
        assertThat(arabic.status()).isEqualTo(400);
        assertThat(arabic.json().path("parameter").asText()).isEqualTo("input_tokens");
        Answer fullwidth = get("/api/v1/models?max_input_price=%EF%BC%91"); // １
        assertThat(fullwidth.status()).isEqualTo(400);
        assertThat(fullwidth.json().path("parameter").asText()).isEqualTo("max_input_price");
        assertThat(get("/models?page=%D9%A2").status()).isEqualTo(400);
        assertThat(get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=12&output_tokens=1").status()).isEqualTo(200);
    }

    @Test
    void a_repeated_parameter_is_a_400_naming_it() throws Exception {
        Answer twice = get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=1&input_tokens=2&output_tokens=1");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().path("parameter").asText()).isEqualTo("input_tokens");
        assertThat(twice.json().path("detail").asText()).contains("more than once");
        // the same name spelled with an escape is the same parameter
        assertThat(get("/api/v1/cost?model=gpt-4.1-mini&input_tokens=1&input%5Ftokens=2&output_tokens=1").status()).isEqualTo(400);
        assertThat(get("/models?q=a&q=b").status()).isEqualTo(400);
    }
}
