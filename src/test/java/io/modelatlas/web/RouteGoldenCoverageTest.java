package io.modelatlas.web;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route the site registers has a golden file that a test compares its answer with, or is exempt here for a
 * stated reason. A new route without a golden fails this test: add its golden (see {@link RouteGoldensTest}) and a
 * line to {@link #GOLDENS}.
 */
class RouteGoldenCoverageTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path TESTS = Path.of("src", "test", "java");

    /** Route ("METHOD path" as registered) to the goldens that pin its answer. */
    private static final Map<String, List<String>> GOLDENS = Map.ofEntries(
            entry("GET /", List.of("web/directory.html")),
            entry("GET /models", List.of("web/directory.html", "web/directory-chat-by-price.html")),
            entry("GET /models/{id}", List.of("web/model-gpt-4.1-mini.html")),
            entry("GET /api/v1/models", List.of("api/models.json")),
            entry("GET /api/v1/models/{id}", List.of("api/models-gpt-4.1-mini.json")),
            entry("GET /api/v1/models/{id}/history", List.of("api/history-gpt-4.1-mini.json", "api/history-o3.json")),
            entry("GET /compare", List.of("web/compare-builder.html", "web/compare-gpt-4.1-mini-gpt-4.1-gpt-4o-mini.html")),
            entry("GET /compare/{pair}", List.of("web/compare-gpt-4.1-vs-gpt-4.1-mini.html", "web/compare-gpt-image-1-vs-gpt-image-1-mini.html")),
            entry("GET /api/v1/compare", List.of("api/compare-gpt-4.1-gpt-4.1-mini.json", "api/compare-gpt-image-1-gpt-image-1-mini.json")),
            entry("GET /calculator", List.of("web/calculator.html", "web/calculator-batch-cache.html")),
            entry("GET /api/v1/cost", List.of("api/cost-gpt-4.1-mini.json", "api/cost-gpt-4.1-batch.json")),
            entry("GET /data-quality", List.of("web/data-quality.html")),
            entry("GET /api/v1/data-quality", List.of("api/data-quality.json")),
            entry("GET /benchmarks", List.of("web/benchmarks.html")),
            entry("GET /benchmarks/{id}", List.of("web/benchmark-lmarena-text-full.html")),
            entry("GET /api/v1/benchmarks", List.of("api/benchmarks.json")),
            entry("GET /api/v1/benchmarks/{id}", List.of("api/benchmark-epoch-gpqa-diamond.json")),
            entry("GET /changes", List.of("web/changes.html")),
            entry("GET /changes.atom", List.of("web/changes.atom")),
            entry("GET /api/v1/changes", List.of("api/changes.json")),
            entry("GET /sitemap.xml", List.of("web/sitemap.xml")),
            entry("GET /robots.txt", List.of("web/robots.txt")),
            entry("GET /api", List.of("web/api.html")),
            entry("POST /check", List.of("web/check-post.html")),
            entry("POST /api/v1/check", List.of("api/check-post.json")),
            entry("POST /replay", List.of("web/replay-usage.html")),
            entry("POST /api/v1/replay", List.of("api/replay-usage.json")),
            entry("GET /evals/{id}", List.of("web/eval-run.html")),
            entry("GET /api/v1/evals/{id}", List.of("eval/run-report.json")),
            entry("GET /evals", List.of("web/evals.html")),
            entry("GET /api/v1/evals", List.of("api/evals.json")),
            entry("GET /api/v1/admin/audit", List.of("api/admin-audit.json")),
            entry("GET /api/v1/admin/versions", List.of("api/admin-versions.json")),
            entry("PATCH /api/v1/admin/models/{id}", List.of("api/admin-patch-gpt-4.1-mini.json")),
            entry("PUT /api/v1/admin/models/{id}/prices/{provider}", List.of("api/admin-put-prices-gpt-4.1-mini-openai.json")),
            entry("DELETE /api/v1/admin/models/{id}/prices/{provider}", List.of("api/admin-delete-prices-gpt-4.1-mini-openai.json")));

    /** Routes without a golden, and why none is needed. */
    private static final Map<String, String> EXEMPT = Map.ofEntries(
            entry("GET /api/v1/openapi.json", "serves src/main/resources/.../openapi.json as it is; OpenApiTest checks it against the routes"),
            entry("GET /sitemaps/{file}", "only a catalog of more than 50,000 URLs splits its sitemap; SitemapTest checks the split files"),
            entry("GET /check", "the empty form; its result page is pinned by web/check-post.html, which renders the same template"),
            entry("GET /replay", "the empty form; its result page is pinned by web/replay-usage.html, which renders the same template"),
            entry("GET /static/<file>", "bundled files served byte for byte; StaticFilesTest compares them with the classpath and checks the headers"),
            entry("GET /webjars/<file>", "bundled files served byte for byte; StaticFilesTest compares them with the classpath and checks the headers"),
            entry("POST /api/v1/tokens", "a count, not a document: CompareBuilderWebTest asserts it against the tokenizer's own count"));

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static Set<String> routes;

    /** The full site (admin and eval routes included) over a store that never answers: routes exist before it does. */
    @BeforeAll
    static void routes() {
        Javalin app = WebApp.create(new CompletableFuture<>(), Clock.systemUTC(), "https://modelatlas.example", 0);
        routes = app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> METHODS.contains(e.endpoint.method.name())) // not before/after handlers
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the_site_registers_the_routes_this_test_knows() {
        assertThat(routes).as("routes found").hasSizeGreaterThan(30).contains("GET /", "GET /api/v1/cost", "GET /api/v1/admin/audit");
    }

    @Test
    void every_route_has_a_golden_or_a_reason_to_have_none() {
        Set<String> uncovered = new TreeSet<>(routes);
        uncovered.removeAll(GOLDENS.keySet());
        uncovered.removeAll(EXEMPT.keySet());
        assertThat(uncovered).as("routes with no golden: add one (see RouteGoldensTest) and map it in GOLDENS").isEmpty();
    }

    @Test
    void the_table_names_no_route_that_is_gone() {
        Set<String> listed = new TreeSet<>(GOLDENS.keySet());
        listed.addAll(EXEMPT.keySet());
        listed.removeAll(routes);
        assertThat(listed).as("entries for routes the site no longer registers").isEmpty();
        assertThat(GOLDENS.keySet()).as("a route is either covered or exempt").doesNotContainAnyElementsOf(EXEMPT.keySet());
    }

    @Test
    void every_mapped_golden_exists_and_a_test_compares_with_it() throws IOException {
        String testSources;
        try (Stream<Path> files = Files.walk(TESTS)) {
            testSources = files.filter(p -> p.toString().endsWith(".java")).map(RouteGoldenCoverageTest::read).collect(Collectors.joining("\n"));
        }
        for (List<String> goldens : GOLDENS.values()) {
            for (String g : goldens) {
                assertThat(GOLDEN.resolve(g)).as(g).isRegularFile();
                assertThat(testSources).as("a test that compares with %s", g).contains("Golden.assertMatches(\"" + g + "\"");
            }
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
