package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.CatalogRankings;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Strength;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.compare.Comparer;
import io.modelatlas.compare.Comparison;
import io.modelatlas.text.MarkdownLinks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 13, from the real bundled catalog: no page or JSON states a headline its own figures or sources do not back. */
class HeadlineTruthTest {
    private static final Pattern SPEED_WORDS = Pattern.compile("(?i)\\b(fast|faster|fastest|quick|real-time|low[- ]latency|speedy)\\b");
    private static final Pattern SUPERLATIVES = Pattern.compile("(?i)\\b(smartest|best|excellent|strongest|most capable|leading|state-of-the-art)\\b");
    private static Catalog catalog;
    private static Javalin app;

    @BeforeAll
    static void start() {
        catalog = CatalogLoader.loadBundled();
        app = WebApp.create(WebContext.of(catalog, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC), "https://modelatlas.example"))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void gpt_4o_mini_vs_gpt_4_1_mini_compares_no_math_500_with_math() {
        Comparison c = new Comparer(catalog).compareIds(List.of("gpt-4o-mini", "gpt-4.1-mini"));
        for (Comparison.BenchmarkRow row : c.benchmarks()) {
            List<Benchmark> scores = row.scores().stream().filter(Objects::nonNull).toList();
            assertThat(scores).as(row.name()).allSatisfy(b -> assertThat(b.identity()).isEqualTo(scores.get(0).identity()));
        }
        assertThat(c.benchmarks()).filteredOn(r -> r.name().equals("simple-evals MATH")).singleElement()
                .satisfies(r -> assertThat(r.scores().get(1)).as("gpt-4.1-mini has MATH-500, not MATH").isNull());
        assertThat(c.benchmarks()).filteredOn(r -> r.name().equals("simple-evals MATH-500")).singleElement()
                .satisfies(r -> assertThat(r.scores().get(0)).as("gpt-4o-mini has MATH, not MATH-500").isNull());
    }

    @Test
    void the_artificial_analysis_coding_score_appears_once_from_its_publisher() {
        Model mini = catalog.require("gpt-4.1-mini");
        assertThat(mini.benchmarks()).filteredOn(b -> b.name().toLowerCase().contains("coding")).singleElement()
                .satisfies(b -> {
                    assertThat(b.score()).isEqualByComparingTo("20.2");
                    assertThat(b.source().source()).isEqualTo("Artificial Analysis API");
                });
        assertThat(mini.benchmarks()).filteredOn(b -> b.name().toLowerCase().contains("intelligence")).hasSize(1);
        for (Model m : catalog.models()) {
            assertThat(m.benchmarks().stream().map(Benchmark::identity).distinct().count()).as(m.id()).isEqualTo(m.benchmarks().size());
        }
    }

    @Test
    void a_tier_is_stated_only_when_enough_models_have_the_figure_and_says_how_many() throws Exception {
        CatalogRankings rankings = CatalogRankings.of(catalog);
        Model mini = catalog.require("gpt-4.1-mini");
        assertThat(rankings.speedPopulation()).as("models with a measured output speed").isLessThan(CatalogRankings.MIN_POPULATION);
        assertThat(rankings.speedTier(mini)).isEmpty();
        assertThat(rankings.intelligencePopulation()).isGreaterThanOrEqualTo(CatalogRankings.MIN_POPULATION);
        assertThat(rankings.intelligenceTier(mini).orElseThrow().definition())
                .contains("of " + rankings.intelligencePopulation() + " models with a published figure");
        String page = get("/models/gpt-4.1-mini");
        assertThat(page).doesNotContain(">Speed<").contains("of " + rankings.intelligencePopulation() + " models with a published figure");
    }

    @Test
    void no_curated_speed_word_stands_beside_measured_speed_figures() {
        for (Model m : catalog.models()) {
            if (m.benchmarks(BenchmarkKind.OUTPUT_SPEED).isEmpty()) {
                continue;
            }
            Stream.concat(m.strengths().stream().flatMap(s -> Stream.concat(Stream.of(s.title()), s.points().stream())), m.bestFor().stream())
                    .forEach(text -> assertThat(text).as(m.id()).doesNotContainPattern(SPEED_WORDS));
        }
    }

    @Test
    void no_superlative_is_stated_without_a_source() {
        for (Model m : catalog.models()) {
            for (Strength s : m.strengths()) {
                if (s.editorial()) {
                    Stream.concat(Stream.of(s.title()), s.points().stream()).forEach(t -> assertThat(t).as(m.id()).doesNotContainPattern(SUPERLATIVES));
                }
            }
            m.bestFor().forEach(t -> assertThat(t).as(m.id()).doesNotContainPattern(SUPERLATIVES));
        }
    }

    @Test
    void unsourced_prose_is_labelled_editorial_on_the_page_and_in_json() throws Exception {
        String page = get("/models/gpt-4.1-mini");
        assertThat(page).contains("<span class=\"editorial\">Editorial</span>", "Source: LiteLLM, 2026-07-18");
        String json = get("/api/v1/models/gpt-4.1-mini");
        assertThat(json).contains("\"editorial\" : true", "\"editorial\" : false", "\"best_for_editorial\" : true");
        assertThat(get("/api/v1/models/gpt-image-1-mini")).containsPattern("\"source\" : \"overlay\"[\\s\\S]{0,200}\"editorial\" : true");
    }

    @Test
    void an_openrouter_description_is_attributed_whole_sentences_and_free_of_raw_markdown() throws Exception {
        String page = get("/models/gpt-4.1-mini");
        assertThat(page).contains("Description: OpenRouter, as of 2026-08-01")
                .contains("at substantially lower latency and cost.</p>").doesNotContain("scores 45.1% on hard...");
        Model withLinks = catalog.models().stream().filter(m -> m.description() != null && m.description().value().contains("](/openai/o1)"))
                .findFirst().orElseThrow();
        Description d = Description.of(withLinks, catalog);
        assertThat(d.parts()).contains(new MarkdownLinks.Part("OpenAI o1", Links.model(catalog.require("openai/o1").id()), false));
        assertThat(d.plain()).doesNotContain("](");
        String html = get(Links.model(withLinks.id()));
        assertThat(html).contains("<a href=\"" + Links.model(catalog.require("openai/o1").id()) + "\">OpenAI o1</a>").doesNotContain("](/");
    }

    @Test
    void an_external_description_link_is_nofollow_noopener() throws Exception {
        Model m = catalog.models().stream().filter(x -> x.description() != null && x.description().value().contains("](https://mistral.ai/"))
                .findFirst().orElseThrow();
        assertThat(get(Links.model(m.id()))).contains("<a href=\"https://mistral.ai/news/codestral-25-08\" rel=\"nofollow noopener\">Blog Post</a>");
    }
}
