package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import io.modelatlas.testing.Golden;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The changes feed over a store with two recorded imports (a price cut on 2026-11-20; a new model and a second price
 * cut on 2026-11-22): the API with {@code since}, the page grouped by day, the Atom feed.
 */
class ChangesWebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static Store store;
    private static Javalin app;
    private static StoreBackend backend;

    @BeforeAll
    static void start() throws Exception {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        LiveCatalog service = LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK);
        service.importFile("litellm", "litellm-a.json", MiniData.litellmWithMiniInput("3e-07"), LocalDate.of(2026, 11, 20), false, "test");
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(MiniData.litellmWithMiniInput("2.5e-07"));
        root.set("gpt-4.1-nano", root.get("gpt-4.1-mini").deepCopy());
        service.importFile("litellm", "litellm-b.json", json.writeValueAsBytes(root), LocalDate.of(2026, 11, 22), false, "test");
        backend = new StoreBackend(service, new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        app = WebApp.create(CompletableFuture.completedFuture(backend), MiniData.CLOCK, "https://modelatlas.example", 0).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    private static HttpResponse<String> get(Javalin on, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(app, path);
    }

    @Test
    void the_api_lists_every_recorded_change_newest_day_first() throws Exception {
        HttpResponse<String> r = get("/api/v1/changes");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        Golden.assertMatches("api/changes.json", r.body());
        JsonNode changes = Json.mapper().readTree(r.body()).get("changes");
        List<String> days = new ArrayList<>();
        changes.forEach(c -> days.add(c.get("observed").asText()));
        assertThat(days).isSortedAccordingTo((a, b) -> b.compareTo(a)).contains("2026-11-22", "2026-11-20");
    }

    @Test
    void since_keeps_the_changes_observed_on_or_after_it() throws Exception {
        JsonNode later = Json.mapper().readTree(get("/api/v1/changes?since=2026-11-21").body());
        assertThat(later.get("since").asText()).isEqualTo("2026-11-21");
        assertThat(later.get("changes")).isNotEmpty().allSatisfy(c -> assertThat(c.get("observed").asText()).isEqualTo("2026-11-22"));
        assertThat(later.get("changes")).anySatisfy(c -> {
            assertThat(c.get("kind").asText()).isEqualTo("price");
            assertThat(c.get("model").asText()).isEqualTo("gpt-4.1-mini");
            assertThat(c.get("offering").asText()).isEqualTo("openai/gpt-4.1-mini");
            assertThat(c.get("before").asText()).isEqualTo("0.3");
            assertThat(c.get("after").asText()).isEqualTo("0.25");
            assertThat(c.get("source").asText()).isEqualTo("litellm");
        });
        JsonNode all = Json.mapper().readTree(get("/api/v1/changes?since=2026-11-20").body());
        assertThat(all.get("count").asInt()).isEqualTo(later.get("count").asInt() + 1);
        assertThat(Json.mapper().readTree(get("/api/v1/changes?since=2026-11-23").body()).get("count").asInt()).isZero();
        JsonNode one = Json.mapper().readTree(get("/api/v1/changes?limit=1").body());
        assertThat(one.get("count").asInt()).isEqualTo(1);
        assertThat(one.get("truncated").asBoolean()).isTrue();
        assertThat(all.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void a_bad_since_or_limit_is_a_400_problem_naming_the_parameter() throws Exception {
        for (String bad : List.of("2026-13-01", "yesterday", "2026-2-1", "+2026-11-01", "2026-11-31")) {
            HttpResponse<String> r = get("/api/v1/changes?since=" + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode p = Json.mapper().readTree(r.body());
            assertThat(p.get("parameter").asText()).isEqualTo("since");
            assertThat(p.get("detail").asText()).contains("since", "YYYY-MM-DD", bad);
        }
        HttpResponse<String> limit = get("/api/v1/changes?limit=0");
        assertThat(limit.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(limit.body()).get("parameter").asText()).isEqualTo("limit");
    }

    @Test
    void the_page_groups_the_changes_by_day_in_words_with_old_to_new_and_the_source() throws Exception {
        HttpResponse<String> r = get("/changes");
        assertThat(r.statusCode()).isEqualTo(200);
        Golden.assertMatches("web/changes.html", r.body());
        String body = r.body();
        assertThat(body.indexOf("<h2><time datetime=\"2026-11-22\">")).isPositive().isLessThan(body.indexOf("<h2><time datetime=\"2026-11-20\">"));
        assertThat(body).contains("<a href=\"/models/gpt-4.1-mini\">gpt-4.1-mini</a>: Input price on openai/gpt-4.1-mini: $0.30 / 1M tokens → $0.25 / 1M tokens",
                "<a href=\"/models/gpt-4.1-nano\">gpt-4.1-nano</a>: New model", "<small class=\"src\">litellm, catalog version",
                "<a href=\"/changes.atom\">Atom feed</a>", "<a href=\"/changes\">Changes</a>");
    }

    @Test
    void the_atom_feed_and_a_models_price_history_match_their_goldens() throws Exception {
        HttpResponse<String> atom = get("/changes.atom");
        assertThat(atom.statusCode()).isEqualTo(200);
        Golden.assertMatches("web/changes.atom", atom.body());
        HttpResponse<String> history = get("/api/v1/models/gpt-4.1-mini/history");
        assertThat(history.statusCode()).isEqualTo(200);
        Golden.assertMatches("api/history-gpt-4.1-mini.json", history.body());
    }

    @Test
    void the_atom_feed_is_well_formed_with_the_required_elements_and_one_entry_per_change() throws Exception {
        HttpResponse<String> r = get("/changes.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/atom+xml"));
        Element feed = parse(r.body()).getDocumentElement();

        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "id")).isEqualTo("https://modelatlas.example/changes");
        assertThat(child(feed, "title")).isNotBlank();
        assertThat(child(feed, "updated")).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(feed.getElementsByTagNameNS(ATOM, "author").getLength()).isEqualTo(1);
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        int count = Json.mapper().readTree(get("/api/v1/changes").body()).get("count").asInt();
        assertThat(entries.getLength()).isEqualTo(count).isGreaterThanOrEqualTo(3);
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            assertThat(ids.add(child(e, "id"))).as("entry ids are unique: %s", child(e, "id")).isTrue();
            assertThat(child(e, "title")).isNotBlank();
            assertThat(child(e, "updated")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            Element link = (Element) e.getElementsByTagNameNS(ATOM, "link").item(0);
            assertThat(link.getAttribute("href")).startsWith("https://modelatlas.example/models/");
            assertThat(child(e, "content")).contains("Observed 2026-11-2", "litellm");
        }
        assertThat(r.body()).contains("<title>gpt-4.1-mini: Input price on openai/gpt-4.1-mini: $0.30 / 1M tokens -&gt; $0.25 / 1M tokens</title>");
    }

    @Test
    void a_site_without_a_store_shows_no_changes_and_a_valid_empty_feed() throws Exception {
        Javalin readOnly = WebApp.create(WebContext.of(CatalogLoader.load(MiniData.sources()), MiniData.CLOCK, "https://modelatlas.example"))
                .start("127.0.0.1", 0);
        try {
            assertThat(get(readOnly, "/changes").body()).contains("No change to the catalog has been recorded yet.");
            Element feed = parse(get(readOnly, "/changes.atom").body()).getDocumentElement();
            assertThat(feed.getElementsByTagNameNS(ATOM, "entry").getLength()).isZero();
            assertThat(child(feed, "updated")).isEqualTo("2026-11-23T10:00:00Z");
            assertThat(Json.mapper().readTree(get(readOnly, "/api/v1/changes").body()).get("count").asInt()).isZero();
        } finally {
            readOnly.stop();
        }
    }

    @Test
    void the_static_export_renders_the_page_the_feed_and_the_api_as_the_server_answers_them() throws Exception {
        StaticSite site = StaticSite.of(backend, MiniData.CLOCK, "https://modelatlas.example");
        for (String path : List.of("/changes", "/changes.atom", "/api/v1/changes")) {
            HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            var exported = site.get(path).orElseThrow(() -> new AssertionError(path + " is not exported"));
            assertThat(new String(exported.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(new String(served.body(), StandardCharsets.UTF_8));
            // the media type; the server's JSON answers name no charset (JSON is UTF-8), the export's files do
            assertThat(served.headers().firstValue("Content-Type").orElseThrow().split(";")[0])
                    .as(path).isEqualTo(exported.contentType().split(";")[0]);
        }
    }

    @Test
    void characters_xml_cannot_carry_are_dropped_so_the_feed_still_parses() {
        assertThat(ChangesFeed.xmlSafe("a\u0001b\uFFFEc\tok\uD83D\uDE00\uD800")).isEqualTo("abc\tok\uD83D\uDE00");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of the first direct child element of that name. */
    private static String child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }
}
