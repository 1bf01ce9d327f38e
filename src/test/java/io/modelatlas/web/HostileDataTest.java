package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.fixtures.MiniData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Markup from the data sources (a model id, a display name, a description, best-for lines) reaches every page only
 * as text: the whole site is crawled and no page carries a payload as markup, an inline script or an event handler.
 */
class HostileDataTest {
    private static final String EVIL_KEY = "acme/evil<img src=x onerror=alert(1)>";
    private static final List<String> PAYLOADS = List.of("<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
            "<svg onload=alert(1)>", "</script><script>alert(2)</script>");
    private static final Pattern SCRIPT_TAG = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    /** A start tag, its attributes read with their quoting, so that text inside a quoted value is not taken for markup. */
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][a-zA-Z0-9-]*((?:\\s+[^\\s=>\"'/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("\\s([^\\s=>\"'/]+)(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>\"']+))?");
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"");
    /** As long as the importers take (they cap ids at 256); a megabyte one made every directory page 4.2 MB before that. */
    private static final String HUGE_PROVIDER = "p".repeat(256);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static Javalin app;

    @BeforeAll
    static void start() throws Exception {
        ObjectNode litellm = (ObjectNode) Json.mapper().readTree(MiniData.litellm());
        litellm.putObject(EVIL_KEY).put("litellm_provider", "acme").put("mode", "chat").put("max_input_tokens", 8192)
                .put("input_cost_per_token", new java.math.BigDecimal("1e-06")).put("output_cost_per_token", new java.math.BigDecimal("2e-06"));
        // an id with a percent sign (the importers refuse "..", control and bidi characters in ids), and a provider
        // name longer than the directory shows
        for (String key : List.of("acme/50%-off")) {
            litellm.putObject(key).put("litellm_provider", "acme").put("mode", "chat")
                    .put("input_cost_per_token", new java.math.BigDecimal("1e-06")).put("output_cost_per_token", new java.math.BigDecimal("2e-06"));
        }
        litellm.putObject("huge/model").put("litellm_provider", HUGE_PROVIDER).put("mode", "chat")
                .put("input_cost_per_token", new java.math.BigDecimal("1e-06")).put("output_cost_per_token", new java.math.BigDecimal("2e-06"));
        SourceSet set = MiniData.sources()
                .with(new SourceSet.SourceFile("litellm", "litellm.json", LocalDate.of(2026, 7, 18), false, Json.mapper().writeValueAsBytes(litellm)))
                .withCurations(Map.of("gpt-4.1-mini", """
                        {"display_name": "GPT-4.1 Mini <svg onload=alert(1)>",
                         "description": "Small. <script>alert(1)</script> gpt\u202Eoi-4",
                         "best_for": ["</script><script>alert(2)</script>"]}"""));
        Catalog catalog = CatalogLoader.load(set);
        assertThat(catalog.models()).anySatisfy(m -> assertThat(m.id()).contains("<img"));
        app = WebApp.create(WebContext.of(catalog, MiniData.CLOCK, "https://modelatlas.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void no_page_carries_markup_from_the_data() throws Exception {
        Deque<String> next = new ArrayDeque<>(List.of("/", "/models", "/calculator", "/data-quality", "/sitemap.xml",
                "/compare?models=gpt-4.1,gpt-4.1-mini,gpt-4o-mini", "/models?q=%3Cscript%3E"));
        Set<String> seen = new LinkedHashSet<>(next);
        List<String> problems = new ArrayList<>();
        while (!next.isEmpty() && seen.size() < 400) {
            String path = next.poll();
            HttpResponse<String> r = get(path);
            if (r.statusCode() >= 500 || r.statusCode() == 404) {
                problems.add(path + " answered " + r.statusCode());
                continue;
            }
            String body = r.body();
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                Json.mapper().readTree(body); // data stays data in JSON; it only has to parse
                continue;
            }
            for (String payload : PAYLOADS) {
                if (body.contains(payload)) {
                    problems.add(path + " carries " + payload);
                }
            }
            Matcher script = SCRIPT_TAG.matcher(body);
            while (script.find()) {
                if (!script.group(1).contains("src=") && !script.group(1).contains("application/ld+json")) {
                    problems.add(path + " has an inline script");
                }
            }
            Matcher tag = TAG.matcher(body);
            while (tag.find()) {
                Matcher attribute = ATTRIBUTE_NAME.matcher(tag.group(1));
                while (attribute.find()) {
                    if (attribute.group(1).toLowerCase(java.util.Locale.ROOT).startsWith("on")) {
                        problems.add(path + " has an event handler attribute: " + tag.group());
                    }
                }
            }
            Matcher link = LINK.matcher(body);
            while (link.find()) {
                String target = link.group(1).replace("&amp;", "&");
                if (!target.startsWith("/static") && !target.startsWith("/webjars") && seen.add(target)) {
                    next.add(target);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(seen).as("the hostile model's own page was reached").anySatisfy(p -> assertThat(p).startsWith("/models/evil%3Cimg%20src%3Dx"));
    }

    @Test
    void every_sitemap_url_answers_and_ids_no_url_can_name_are_left_out() throws Exception {
        String xml = get("/sitemap.xml").body();
        Matcher loc = Pattern.compile("<loc>https://modelatlas\\.example([^<]*)</loc>").matcher(xml);
        List<String> broken = new ArrayList<>();
        int urls = 0;
        while (loc.find()) {
            String path = loc.group(1).replace("&amp;", "&");
            urls++;
            int status = get(path).statusCode();
            if (status != 200) {
                broken.add(path + " answered " + status);
            }
        }
        assertThat(broken).isEmpty();
        assertThat(urls).isGreaterThan(5);
        assertThat(xml).contains("/models/50%25-off</loc>").doesNotContain("/models/..</loc>");
        assertThat(get("/models/50%25-off").statusCode()).as("a percent sign in an id is decoded once").isEqualTo(200);
    }

    @Test
    void bidi_and_control_characters_are_shown_as_their_code() throws Exception {
        for (String path : List.of("/models/gpt-4.1-mini", "/models/gpt%E2%80%AEoi-4", "/calculator")) {
            String body = get(path).body();
            assertThat(body).as(path).doesNotContain("\u202E").doesNotContain("\u0000");
        }
        assertThat(get("/models/gpt-4.1-mini").body()).contains("gpt[U+202E]oi-4");
        assertThat(get("/models/nope%E2%80%AE").body()).as("the error page too").contains("nope[U+202E]");
    }

    @Test
    void a_provider_name_past_the_display_cap_is_not_shown_whole() throws Exception {
        HttpResponse<String> r = get("/models");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().length()).isLessThan(200_000);
        assertThat(r.body()).doesNotContain("p".repeat(DirectoryPage.MAX_SHOWN + 1));
    }

    @Test
    void json_ld_cannot_be_closed_from_the_data() throws Exception {
        String page = get("/models/gpt-4.1-mini").body();
        assertThat(page).contains("GPT-4.1 Mini &lt;svg onload=alert(1)&gt;");
        int ld = page.indexOf("application/ld+json");
        if (ld >= 0) {
            String json = page.substring(page.indexOf('>', ld) + 1, page.indexOf("</script>", ld));
            assertThat(Json.mapper().readTree(json).toString()).as("the JSON-LD parses whole").isNotEmpty();
        }
    }

    @Test
    void the_api_returns_the_text_as_data() throws Exception {
        HttpResponse<String> r = get("/api/v1/models/gpt-4.1-mini");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(Json.mapper().readTree(r.body()).path("display_name").asText()).isEqualTo("GPT-4.1 Mini <svg onload=alert(1)>");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
