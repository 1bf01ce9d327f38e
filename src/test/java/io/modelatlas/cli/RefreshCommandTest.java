package io.modelatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelatlas.admin.AdminTokens;
import io.modelatlas.fetch.FetchSettings;
import io.modelatlas.fetch.HttpFetcher;
import io.modelatlas.fixtures.FakeUpstream;
import io.modelatlas.fixtures.MiniData;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.refresh.UpstreamAccess;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refresh} against live-shaped upstreams served from 127.0.0.1: the mini data set's files (cut from the bundled
 * ones), changed or broken the way real upstreams change and break.
 */
class RefreshCommandTest {
    private static final String LITELLM = "/BerriAI/litellm/main/model_prices_and_context_window.json";
    private static final String MODELSDEV = "/api.json";
    private static final String OPENROUTER = "/api/v1/models";

    @TempDir
    Path home;
    private Store store;
    private StoreBackend backend;
    private FakeUpstream upstream;
    private final List<Duration> waits = new ArrayList<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void open() throws IOException {
        store = Store.open(TestDatabases.newDatabase("sqlite"));
        backend = new StoreBackend(LiveCatalog.open(store.catalogArchive(), MiniData.sources(), MiniData.CLOCK), new AdminTokens(store.adminTokens(), MiniData.CLOCK), store.auditLog(), store.evalRuns());
        upstream = new FakeUpstream()
                .serve(LITELLM, MiniData.sources().file("litellm").content())
                .serve(MODELSDEV, MiniData.sources().file("modelsdev").content())
                .serve(OPENROUTER, MiniData.sources().file("openrouter").content());
        pointHomeAt(upstream.url(LITELLM), upstream.url(MODELSDEV), upstream.url(OPENROUTER));
    }

    @AfterEach
    void close() {
        upstream.close();
        store.close();
    }

    /** $MODELATLAS_HOME/sources.toml moving every upstream to the fake one. */
    private void pointHomeAt(URI litellm, URI modelsDev, URI openRouter) throws IOException {
        Files.writeString(home.resolve("sources.toml"), "[litellm]\nurl = \"" + litellm + "\"\n[modelsdev]\nurl = \"" + modelsDev
                + "\"\n[openrouter]\nurl = \"" + openRouter + "\"\n");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        // three tries, waits recorded instead of slept
        HttpFetcher fetcher = new HttpFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(100),
                1024 * 1024, FetchSettings.USER_AGENT), waits::add);
        CliContext ctx = new CliContext(() -> backend.catalog().catalog(), MiniData.CLOCK, new java.io.ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err), (h, p) -> { }, (d, m, p) -> "", () -> backend, null, new UpstreamAccess(home, fetcher));
        return new Main(ctx).run(args);
    }

    /** What a refused refresh must leave exactly as it was. */
    private String state() {
        return store.latestVersion() + "|" + store.history("gpt-4.1-mini") + "|" + backend.catalog().catalog().require("gpt-4.1-mini").offerings();
    }

    private String miniInputOf(String provider) {
        return backend.catalog().catalog().require("gpt-4.1-mini").offerings().stream().filter(o -> o.provider().equals(provider))
                .findFirst().orElseThrow().prices().value().rates().get(io.modelatlas.pricing.PriceKind.INPUT).usdPerMillion().toPlainString();
    }

    private List<Path> refused() throws IOException {
        if (!Files.isDirectory(home.resolve("refused"))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(home.resolve("refused"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void a_price_change_upstream_is_applied_and_reported_old_to_new_with_the_day_observed() {
        upstream.serve(LITELLM, MiniData.litellmWithMiniInput("3.5e-07"));

        assertThat(run("refresh")).as(err.toString()).isZero();

        assertThat(out.toString())
                .containsPattern("litellm\\s+updated\\s+http://127\\.0\\.0\\.1:\\d+" + LITELLM)
                .containsPattern("modelsdev\\s+unchanged\\s+.*identical to the stored copy")
                .contains("changes observed 2026-11-23: 1")
                .contains("price    gpt-4.1-mini openai/gpt-4.1-mini input: $0.40 / 1M tokens -> $0.35 / 1M tokens");
        assertThat(miniInputOf("openai")).isEqualTo("0.35");
        assertThat(store.history("gpt-4.1-mini")).anySatisfy(h -> {
            assertThat(h.key().field()).isEqualTo("input");
            assertThat(h.value()).isEqualTo("0.35");
            assertThat(h.validFrom()).hasToString("2026-11-23");
        });
        assertThat(upstream.requests(LITELLM)).singleElement()
                .satisfies(r -> assertThat(r.header("User-Agent")).startsWith("ModelAtlas/0.1.0"));
    }

    @Test
    void a_model_new_upstream_is_added_and_reported() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(MiniData.litellm());
        root.set("gpt-4.1-nano", root.get("gpt-4.1-mini").deepCopy());
        upstream.serve(LITELLM, json.writeValueAsBytes(root));

        assertThat(run("refresh")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("new      gpt-4.1-nano").doesNotContain("removed ");
        assertThat(backend.catalog().catalog().find("gpt-4.1-nano")).isPresent();
    }

    @Test
    void an_unchanged_upstream_answers_304_to_the_validators_of_the_copy_held() {
        assertThat(run("refresh")).as(err.toString()).isZero();
        assertThat(upstream.requests(LITELLM)).singleElement().satisfies(r -> assertThat(r.header("If-None-Match")).isNull());
        long version = store.latestVersion();

        assertThat(run("refresh")).as(err.toString()).isZero();

        List<FakeUpstream.Request> second = upstream.requests(LITELLM);
        assertThat(second).hasSize(2);
        assertThat(second.get(1).header("If-None-Match")).as("the ETag sent with the first answer").isNotNull()
                .isEqualTo('"' + Integer.toHexString(java.util.Arrays.hashCode(MiniData.sources().file("litellm").content())) + '"');
        assertThat(second.get(1).header("If-Modified-Since")).isEqualTo("Mon, 23 Nov 2026 09:00:00 GMT");
        assertThat(out.toString()).containsPattern("litellm\\s+unchanged\\s+.*not modified upstream \\(HTTP 304\\)")
                .contains("changes observed 2026-11-23: none");
        assertThat(store.latestVersion()).isEqualTo(version);
    }

    @Test
    void truncated_malformed_and_tenfold_priced_upstreams_are_refused_kept_aside_and_change_nothing() throws IOException {
        String good = MiniData.litellm();
        record Case(String name, byte[] body, String expected) {}
        List<Case> cases = List.of(
                new Case("cut-off list", firstEntries(good, 3), "litellm refused: it loses 5 of the 8 models the catalog has from it (more than 10%)"),
                new Case("cut-off bytes", good.substring(0, good.length() / 2).getBytes(StandardCharsets.UTF_8),
                        "litellm refused: it is not a usable litellm file: " + upstream.url(LITELLM) + " at line"),
                new Case("not JSON", "<html>rate limited</html>".getBytes(StandardCharsets.UTF_8), "it is not a usable litellm file"),
                new Case("tenfold price", MiniData.litellmWithMiniInput("4e-06"),
                        "litellm refused: it changes the prices of 1 of the 8 models priced in both files by 10x or more"));
        String before = state();
        for (Case c : cases) {
            upstream.serve(LITELLM, c.body());
            List<Path> keptBefore = refused();

            assertThat(run("refresh")).as(c.name()).isEqualTo(Main.FAILURE);

            assertThat(err.toString()).as(c.name()).contains("error: litellm refused: ").contains(c.expected()).contains("the catalog keeps its copy");
            assertThat(err.toString().contains("take it with: refresh --accept")).as(c.name() + ": --accept offered only past a guard")
                    .isEqualTo(c.name().equals("cut-off list") || c.name().equals("tenfold price"));
            assertThat(state()).as(c.name()).isEqualTo(before);
            List<Path> kept = new ArrayList<>(refused());
            kept.removeAll(keptBefore);
            assertThat(kept).as(c.name()).singleElement().satisfies(p -> {
                assertThat(p.getFileName().toString()).matches("litellm-2026\\d{4}T\\d{6}Z\\.json");
                assertThat(Files.readAllBytes(p)).isEqualTo(c.body());
            });
            Files.delete(kept.get(0)); // the clock is fixed: the next case's file has the same name
        }
    }

    @Test
    void a_models_dev_file_with_unresolved_base_model_entries_is_refused_even_with_accept() {
        String modelsDev = new String(MiniData.sources().file("modelsdev").content(), StandardCharsets.UTF_8);
        String unresolved = modelsDev.replaceFirst("\"gpt-4\\.1-mini\": \\{", "\"gpt-4.1-mini\": {\"base_model\": \"openai/gpt-4.1-mini\",");
        assertThat(unresolved).isNotEqualTo(modelsDev);
        upstream.serve(MODELSDEV, unresolved.getBytes(StandardCharsets.UTF_8));
        String before = state();

        assertThat(run("refresh", "--accept")).isEqualTo(Main.FAILURE);

        assertThat(err.toString()).containsPattern("modelsdev refused: it is not a usable modelsdev file: .* at \\$\\['[a-z]+'\\]"
                + "\\.models\\['gpt-4\\.1-mini'\\]\\.base_model: the entry inherits from \"openai/gpt-4\\.1-mini\" unresolved");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void accept_takes_a_refused_file_that_parses_but_never_one_that_does_not() {
        upstream.serve(LITELLM, MiniData.litellmWithMiniInput("4e-06"));
        assertThat(run("refresh")).isEqualTo(Main.FAILURE);

        assertThat(run("refresh", "--accept")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("accepted past the guards")
                .contains("price    gpt-4.1-mini openai/gpt-4.1-mini input: $0.40 / 1M tokens -> $4.00 / 1M tokens");
        assertThat(miniInputOf("openai")).isEqualTo("4");

        String before = state();
        upstream.serve(LITELLM, "{\"gpt-4.1-mini\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(run("refresh", "--accept")).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("litellm refused: it is not a usable litellm file");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void an_unreachable_upstream_fails_after_its_retries_and_the_other_sources_are_still_refreshed() throws IOException {
        URI dead = FakeUpstream.closedPort(LITELLM);
        pointHomeAt(dead, upstream.url(MODELSDEV), upstream.url(OPENROUTER));
        String openRouter = new String(MiniData.sources().file("openrouter").content(), StandardCharsets.UTF_8);
        upstream.serve(OPENROUTER, openRouter.replaceFirst("(\"id\": \"openai/gpt-4\\.1-mini\"[\\s\\S]*?\"prompt\": )\"0\\.0000004\"", "$1\"0.0000003\"")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(run("refresh")).isEqualTo(Main.FAILURE);

        assertThat(err.toString()).contains("error: litellm not refreshed: cannot reach " + dead).contains("(3 tries)");
        assertThat(waits).as("backoff doubles between tries").containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(out.toString()).containsPattern("litellm\\s+failed").containsPattern("openrouter\\s+updated")
                .contains("price    gpt-4.1-mini openrouter/openai/gpt-4.1-mini input: $0.40 / 1M tokens -> $0.30 / 1M tokens");
        assertThat(miniInputOf("openrouter")).isEqualTo("0.3");
    }

    @Test
    void source_fetches_only_the_named_sources_from_their_mirrors() {
        upstream.serve("/mirror/litellm.json", MiniData.litellmWithMiniInput("3.5e-07"));

        assertThat(run("refresh", "--source", "litellm=" + upstream.url("/mirror/litellm.json"))).as(err.toString()).isZero();

        assertThat(upstream.requests()).extracting(FakeUpstream.Request::path).containsExactly("/mirror/litellm.json");
        assertThat(miniInputOf("openai")).isEqualTo("0.35");
        assertThat(run("refresh", "--source", "huggingface=" + upstream.url("/x"))).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--source huggingface=...: unknown source; expected one of litellm, modelsdev, openrouter");
        assertThat(run("refresh", "--source", "litellm=ftp://example.org/x.json")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("--source litellm: expected an http:// or https:// URL, got 'ftp://example.org/x.json'");
    }

    /** The cut of genai-prices' v2 feed (src/test/resources/genaiprices, MIT, Copyright (c) Pydantic Services Inc.). */
    private static byte[] genaiPrices() {
        try (java.io.InputStream in = RefreshCommandTest.class.getResourceAsStream("/genaiprices/data-cut.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void genai_prices_is_refreshed_from_a_mirror_cited_in_the_catalog_and_a_broken_or_cut_off_copy_is_refused() throws IOException {
        upstream.serve("/genai/data.json", genaiPrices());
        String mirror = "genaiprices=" + upstream.url("/genai/data.json");

        // the mini data set has no genai-prices copy yet: the first one is checked by parsing it, then taken
        assertThat(run("refresh", "--source", mirror)).as(err.toString()).isZero();

        assertThat(out.toString()).containsPattern("genaiprices\\s+updated\\s+http://127\\.0\\.0\\.1:\\d+/genai/data\\.json");
        var catalog = backend.catalog().catalog();
        assertThat(catalog.sources()).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("genaiprices");
            assertThat(i.entries()).isEqualTo(10);
        });
        // o3 is in no other source of the mini set: genai-prices prices it, citing OpenAI's pricing page
        var o3 = catalog.require("o3").offerings().stream().filter(o -> o.qualifiedId().equals("openai/o3")).findFirst().orElseThrow();
        assertThat(o3.prices().value().rate(io.modelatlas.pricing.PriceKind.INPUT).orElseThrow().usdPerMillion()).isEqualByComparingTo("2");
        assertThat(o3.prices().source().describe()).isEqualTo("genai-prices openai/o3 citing https://developers.openai.com/api/docs/pricing (2026-11-23)");
        // GPT-4.1's window stays the exact 1,047,576; genai-prices' rounded 1,000,000 does not dispute it
        assertThat(catalog.require("gpt-4.1").contextWindow().value()).isEqualTo(1_047_576L);
        assertThat(catalog.require("gpt-4.1").contextWindow().disagreements()).isEmpty();
        String before = state();

        upstream.serve("/genai/data.json", "{\"data\": []}".getBytes(StandardCharsets.UTF_8));
        assertThat(run("refresh", "--source", mirror)).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("error: genaiprices refused: it is not a usable genaiprices file")
                .contains("expected a JSON array of providers");

        ObjectMapper json = new ObjectMapper();
        var cut = json.createArrayNode();
        json.readTree(genaiPrices()).forEach(p -> {
            if (p.path("id").asText().equals("openrouter")) {
                cut.add(p);
            }
        });
        upstream.serve("/genai/data.json", json.writeValueAsBytes(cut));
        assertThat(run("refresh", "--source", mirror)).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("error: genaiprices refused: it loses 8 of the 10 models the catalog has from it");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void a_bad_home_sources_toml_is_named_with_its_key() throws IOException {
        Files.writeString(home.resolve("sources.toml"), "[litellm]\nurl = \"file:///etc/passwd\"\n");
        assertThat(run("refresh")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("sources.toml: [litellm].url: expected an http:// or https:// URL, got 'file:///etc/passwd'");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void import_accepts_a_url_without_mangling_it() {
        upstream.serve("/files/litellm.json", MiniData.litellmWithMiniInput("3.5e-07"));

        assertThat(run("import", "litellm", upstream.url("/files/litellm.json").toString(), "--as-of", "2026-11-20")).as(err.toString()).isZero();

        assertThat(out.toString()).contains("litellm " + upstream.url("/files/litellm.json") + " (2026-11-20)");
        assertThat(miniInputOf("openai")).isEqualTo("0.35");
        assertThat(run("import", "litellm", upstream.url("/files/missing.json").toString())).isEqualTo(Main.FAILURE);
        assertThat(err.toString()).contains("error: litellm not imported: HTTP 404 from " + upstream.url("/files/missing.json"));
    }

    /** The first {@code n} entries of a LiteLLM file: valid JSON, as a cut-off export would be. */
    private static byte[] firstEntries(String litellm, int n) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(litellm);
        ObjectNode cut = json.createObjectNode();
        Iterator<String> names = root.fieldNames();
        for (int i = 0; i < n && names.hasNext(); i++) {
            String name = names.next();
            cut.set(name, root.get(name));
        }
        return json.writeValueAsBytes(cut);
    }
}
