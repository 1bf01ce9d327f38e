package io.modelatlas.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.web.WebApp;
import io.modelatlas.web.WebContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every query parameter of every route, given junk: the answer is a page or a 4xx that names the parameter, never a
 * 500, and API errors are problem+json.
 */
class QueryParameterFuzzTest {
    private static final Map<String, List<String>> ROUTES = Map.of(
            "/models", List.of("q", "creator", "provider", "type", "capability", "modality", "status", "min_context", "max_input_price", "sort", "page"),
            "/api/v1/models", List.of("q", "creator", "provider", "type", "capability", "modality", "status", "min_context", "max_input_price", "sort", "offset", "limit"),
            "/calculator", List.of("requests_per_day", "input_tokens", "output_tokens", "cache_hit", "tier", "models", "include_free"),
            "/api/v1/cost", List.of("model", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens", "tier", "provider"),
            "/compare", List.of("models", "cache_hit", "m1", "m2", "m5", "q"),
            "/api/v1/compare", List.of("models", "cache_hit"),
            "/api/v1/data-quality", List.of("model"));
    /** Valid values, so that each case breaks one parameter at a time. */
    private static final Map<String, String> GOOD = Map.of("model", "gpt-4.1-mini", "models", "gpt-4.1,gpt-4.1-mini", "input_tokens", "1000",
            "output_tokens", "200", "requests_per_day", "100");
    private static Javalin app;

    @BeforeAll
    static void start() {
        app = WebApp.create(WebContext.of(CatalogLoader.load(MiniData.sources()), MiniData.CLOCK, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    record Answer(int status, String contentType, String body) {}

    /** Over a plain socket: java.net.URI refuses a malformed escape such as {@code %zz}, which clients do send. */
    private static Answer get(String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            java.util.regex.Matcher type = java.util.regex.Pattern.compile("(?im)^content-type:\\s*([^;\\r\\n]+)").matcher(response);
            int body = response.indexOf("\r\n\r\n");
            return new Answer(status, type.find() ? type.group(1).trim() : "", body < 0 ? "" : response.substring(body + 4));
        }
    }

    @Test
    void junk_in_any_parameter_is_a_page_or_a_named_4xx_never_a_500() throws Exception {
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (var route : ROUTES.entrySet()) {
            for (String param : route.getValue()) {
                for (String junk : Mutator.NASTY_PARAMS) {
                    StringBuilder query = new StringBuilder();
                    GOOD.forEach((k, v) -> {
                        if (!k.equals(param) && route.getValue().contains(k)) {
                            query.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
                        }
                    });
                    // some junk is sent raw on purpose: a bad percent-escape must not become a 500 either
                    String value = junk.startsWith("%") ? junk : URLEncoder.encode(junk, StandardCharsets.UTF_8);
                    String path = route.getKey() + "?" + query + param + "=" + value;
                    Answer r = get(path);
                    cases++;
                    if (r.status() >= 500) {
                        failures.add(path + " answered " + r.status());
                    } else if (r.status() >= 400 && route.getKey().startsWith("/api/")) {
                        if (!r.contentType().equals("application/problem+json")) {
                            failures.add(path + " answered " + r.status() + " as " + r.contentType());
                        } else if (Json.mapper().readTree(r.body()).path("detail").asText().isEmpty()) {
                            failures.add(path + " answered " + r.status() + " without a detail");
                        }
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(cases).isGreaterThan(800);
    }
}
