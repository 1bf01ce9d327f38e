package io.modelatlas.catalog.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.testing.Golden;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 15, first slice: the bundled leaderboard CSVs read exactly, and each published name placed on a catalog model or left unmapped. */
class LeaderboardMappingTest {
    private static Catalog catalog;
    private static List<LeaderboardTable.Score> scores;
    private static LeaderboardMapping mapping;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
        scores = LeaderboardTable.readBundled();
        mapping = LeaderboardMapping.bundled(catalog);
    }

    @Test
    void mapping_report_matches_golden() {
        StringBuilder out = new StringBuilder();
        for (String source : LeaderboardTable.SOURCES) {
            Map<String, TreeSet<String>> variants = new TreeMap<>();
            Map<String, String> placed = new TreeMap<>();
            Set<String> unmapped = new TreeSet<>();
            Set<String> provenance = new TreeSet<>();
            for (LeaderboardTable.Score s : scores) {
                if (!s.source().equals(source)) {
                    continue;
                }
                provenance.add(s.repo() + "@" + s.commit() + ":" + s.path());
                Optional<LeaderboardMapping.Mapped> m = mapping.map(s);
                if (m.isEmpty()) {
                    unmapped.add(s.publishedName());
                } else {
                    placed.put(s.publishedName(), m.get().modelId() + " (" + m.get().how() + ")");
                    variants.computeIfAbsent(s.publishedName(), k -> new TreeSet<>()).add("[" + m.get().variant() + "]");
                }
            }
            long models = placed.values().stream().map(v -> v.substring(0, v.indexOf(' '))).distinct().count();
            out.append("== ").append(source).append('\n');
            provenance.forEach(p -> out.append("source: ").append(p).append('\n'));
            out.append("mapped: ").append(placed.size()).append(" names -> ").append(models).append(" catalog models\n");
            placed.forEach((name, id) -> out.append("  ").append(name).append(" -> ").append(id).append(' ')
                    .append(String.join(" ", variants.get(name))).append('\n'));
            out.append("unmapped: ").append(unmapped.size()).append(" names\n");
            unmapped.forEach(name -> out.append("  ").append(name).append('\n'));
            out.append('\n');
        }
        out.append("catalog models with at least one leaderboard score: ").append(mappedModels().size()).append('\n');
        Golden.assertMatches("catalog/leaderboard-mapping.txt", out.toString());
    }

    @Test
    void at_least_250_catalog_models_get_a_leaderboard_score() {
        assertThat(mappedModels()).hasSizeGreaterThanOrEqualTo(250);
    }

    @Test
    void scores_keep_their_published_text() throws IOException {
        assertThat(score("lmarena-text", "gemini-3-pro", "LMArena Text (chinese)", "rating (style control)").scoreText())
                .isEqualTo("1521.5315484193638");
        LeaderboardTable.Score epoch = score("epoch-benchmarks", "gpt-5.1_medium", "Epoch AI: GPQA diamond", "Best score (across scorers)");
        assertThat(epoch.scoreText()).isEqualTo("0.850");
        assertThat(epoch.score()).isEqualTo(new BigDecimal("0.850")).hasToString("0.850");
        LeaderboardTable.Score livebench = score("livebench", "chatgpt-4o-latest", "LiveBench 2024-06-24 / Mathematics / AMPS_Hard", "score");
        assertThat(livebench.scoreText()).isEqualTo("48.0");
        assertThat(livebench.category()).isEqualTo("Mathematics");
        assertThat(score("aider-polyglot", "Gemini 2.0 Pro exp-02-05", "Aider polyglot", "pass_rate_2").scoreText()).isEqualTo("35.6");
        assertThat(score("vectara-hallucination", "antgroup/finix_s1_32b", "Vectara hallucination leaderboard (HHEM-2.3)", "Hallucination Rate").higherIsBetter()).isFalse();

        // every row: the score text is the CSV's fourth field, character for character, and its number has the text's scale
        for (String source : LeaderboardTable.SOURCES) {
            List<String> lines = lines(source);
            for (LeaderboardTable.Score s : scores) {
                if (s.source().equals(source)) {
                    assertThat(io.modelatlas.text.Csv.split(lines.get(s.line() - 1)).get(3)).isEqualTo(s.scoreText());
                    assertThat(s.score().toString()).isEqualTo(s.scoreText().contains("E") || s.scoreText().contains("e")
                            ? s.score().toString() : s.scoreText());
                }
            }
        }
    }

    @Test
    void no_two_variants_of_one_benchmark_map_to_the_same_model_and_variant() {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (LeaderboardTable.Score s : scores) {
            mapping.map(s).ifPresent(m -> names.computeIfAbsent(String.join(" | ", s.source(), s.benchmark(), s.metric(), m.modelId(), m.variant()),
                    k -> new TreeSet<>()).add(s.publishedName() + " {" + s.settings() + "}"));
        }
        List<String> collisions = new ArrayList<>();
        names.forEach((key, published) -> {
            if (published.size() > 1) {
                collisions.add(key + " <- " + published);
            }
        });
        assertThat(collisions).isEmpty();
    }

    @Test
    void a_bad_row_names_file_line_and_column() {
        String csv = LeaderboardTable.HEADER + "\n"
                + "gpt-4.1,Aider polyglot,pass_rate_2,52.4,%,true,2025-04-14,github.com/Aider-AI/aider,5dc9490bb35f9729ef2c95d00a19ccd30c26339c,x.yml,\n"
                + "gpt-4.1,Aider polyglot,pass_rate_1,about 30,%,true,2025-04-14,github.com/Aider-AI/aider,5dc9490bb35f9729ef2c95d00a19ccd30c26339c,x.yml,\n";
        assertThatThrownBy(() -> LeaderboardTable.read(new BufferedReader(new StringReader(csv)), "aider-polyglot.csv", "aider-polyglot"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("aider-polyglot.csv at line 3 column score")
                .hasMessageContaining("about 30");
        String badDate = csv.replace("about 30,%,true,2025-04-14", "30.0,%,true,14/04/2025");
        assertThatThrownBy(() -> LeaderboardTable.read(new BufferedReader(new StringReader(badDate)), "aider-polyglot.csv", "aider-polyglot"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("line 3 column as_of");
    }

    @Test
    void a_reviewed_entry_naming_no_catalog_model_is_refused() {
        assertThatThrownBy(() -> LeaderboardMapping.of(catalog, "[livebench]\n\"gpt-9-ultra\" = { id = \"gpt-9-ultra\", variant = \"\" }\n"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("livebench.\"gpt-9-ultra\"")
                .hasMessageContaining("no catalog model has the id");
        assertThatThrownBy(() -> LeaderboardMapping.of(catalog, "[nosuchboard]\n"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("not a leaderboard source");
    }

    @Test
    void a_name_that_neither_resolves_nor_is_reviewed_stays_unmapped() {
        LeaderboardMapping empty = LeaderboardMapping.of(catalog, "");
        LeaderboardTable.Score quasar = scores.stream().filter(s -> s.publishedName().equals("Quasar Alpha")).findFirst().orElseThrow();
        assertThat(empty.map(quasar)).isEmpty();
        // an architect pair of two models is never one model
        LeaderboardTable.Score pair = scores.stream().filter(s -> s.publishedName().equals("o3 (high) + gpt-4.1")).findFirst().orElseThrow();
        assertThat(mapping.map(pair)).isEmpty();
        // a date in parentheses names another snapshot, not a setting: only the reviewed table places it
        LeaderboardTable.Score dated = scores.stream().filter(s -> s.publishedName().equals("chatgpt-4o-latest (2025-02-15)")).findFirst().orElseThrow();
        assertThat(empty.map(dated)).isEmpty();
    }

    @Test
    void variant_markers_are_stripped_and_kept_as_the_variant() {
        LeaderboardTable.Score gpt5 = scores.stream().filter(s -> s.publishedName().equals("openai/gpt-5-high-2025-08-07")).findFirst().orElseThrow();
        assertThat(mapping.map(gpt5)).contains(new LeaderboardMapping.Mapped("gpt-5", "snapshot 2025-08-07; high", "stripped"));
        LeaderboardTable.Score epoch = scores.stream().filter(s -> s.publishedName().equals("claude-sonnet-4-5-20250929_32K")).findFirst().orElseThrow();
        assertThat(mapping.map(epoch)).contains(new LeaderboardMapping.Mapped("claude-sonnet-4-5", "snapshot 20250929; 32k; task_version=1.1.0", "stripped"));
    }

    private static Set<String> mappedModels() {
        Set<String> ids = new TreeSet<>();
        for (LeaderboardTable.Score s : scores) {
            mapping.map(s).ifPresent(m -> ids.add(m.modelId()));
        }
        return ids;
    }

    private static LeaderboardTable.Score score(String source, String name, String benchmark, String metric) {
        return scores.stream()
                .filter(s -> s.source().equals(source) && s.publishedName().equals(name) && s.benchmark().equals(benchmark) && s.metric().equals(metric))
                .findFirst().orElseThrow();
    }

    private static List<String> lines(String source) throws IOException {
        try (InputStream in = LeaderboardMappingTest.class.getResourceAsStream(LeaderboardTable.DIR + source + ".csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }
}
