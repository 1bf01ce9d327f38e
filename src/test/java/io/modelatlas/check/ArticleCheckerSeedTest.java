package io.modelatlas.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed articles checked against the bundled catalog: every verdict of SEED-FACTS.md that the checker covers,
 * encoded in src/test/resources/seeds/expected-verdicts.tsv, and no wrong verdict that the file does not list.
 */
class ArticleCheckerSeedTest {
    private static final Path SEEDS = Path.of("src", "test", "resources", "seeds");
    private static Catalog catalog;
    private static final Map<String, CheckReport> REPORTS = new HashMap<>();

    record Expected(String seed, int line, String kind, String fragment, String verdict, String note) {
        @Override
        public String toString() {
            return seed.substring(0, 3) + ":" + line + " " + kind + " \"" + fragment + "\" " + verdict;
        }
    }

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.loadBundled();
    }

    static CheckReport report(String seed) {
        return REPORTS.computeIfAbsent(seed, s -> new ArticleChecker(catalog).check(s, read(SEEDS.resolve(s)), null));
    }

    static Stream<Expected> expected() {
        List<Expected> out = new ArrayList<>();
        List<String> lines = readLines(SEEDS.resolve("expected-verdicts.tsv"));
        for (String row : lines.subList(1, lines.size())) {
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split("\t", -1);
            out.add(new Expected(f[0], Integer.parseInt(f[1]), f[2], f[3], f[4], f[5]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void seed_claim_gets_its_verdict(Expected e) {
        List<Claim> found = report(e.seed()).claims().stream()
                .filter(c -> c.line() == e.line() && c.kind().jsonName().equals(e.kind()) && c.text().contains(e.fragment()))
                .toList();
        assertThat(found).as("claims %s found on line %d; all claims of that line: %s", e, e.line(),
                report(e.seed()).claims().stream().filter(c -> c.line() == e.line()).toList()).isNotEmpty();
        assertThat(found).allSatisfy(c -> assertThat(c.verdict().label()).as("%s -> %s", e, c).isEqualTo(e.verdict()));
    }

    /** The property that matters most: on the seeds, nothing is called wrong that the hand-made facts do not call wrong. */
    @Test
    void no_claim_of_the_seeds_is_wrong_unless_listed_as_wrong() throws IOException {
        List<Expected> wrong = expected().filter(e -> e.verdict().equals("wrong")).toList();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String seed = file.getFileName().toString();
                for (Claim c : report(seed).claims()) {
                    if (c.verdict() == Verdict.WRONG) {
                        assertThat(wrong).as("%s:%d:%d %s is called wrong but not listed", seed, c.line(), c.column(), c)
                                .anyMatch(e -> e.seed().equals(seed) && e.line() == c.line() && c.text().contains(e.fragment()));
                    }
                }
            }
        }
    }

    @Test
    void every_wrong_claim_carries_the_right_figure_its_sources_and_the_right_sentence() {
        expected().map(Expected::seed).distinct().flatMap(s -> report(s).claims().stream()).filter(c -> c.verdict() == Verdict.WRONG)
                .forEach(c -> {
                    assertThat(c.actual()).as("%s", c).isNotBlank();
                    assertThat(c.correction()).as("%s", c).isNotBlank();
                    if (c.kind() != ClaimKind.MODEL_ID) {
                        assertThat(c.sources()).as("%s", c).isNotEmpty();
                    }
                });
    }

    @Test
    void seed_004_ratio_says_which_model_is_cheaper_and_by_how_much() {
        Claim c = report("004_ce3ede9a691f0570.txt").claims().stream().filter(x -> x.text().equals("Up to 83% cheaper")).findFirst().orElseThrow();
        assertThat(c.models()).containsExactly("gpt-4.1-mini", "gpt-4o-mini");
        assertThat(c.actual()).isEqualTo("GPT-4.1 Mini costs 2.67 times as much as GPT-4o Mini on input");
        assertThat(c.correction()).isEqualTo("GPT-4.1 Mini costs 2.67 times as much as GPT-4o Mini on input: GPT-4o Mini is 62.5% cheaper.");
    }

    @Test
    void seed_002_volume_costs_name_the_split_that_makes_them_true() {
        Claim c = report("002_30e51b97462f9a1f.txt").claims().stream().filter(x -> x.line() == 10).findFirst().orElseThrow();
        assertThat(c.models()).containsExactly("gpt-4.1");
        assertThat(c.actual()).isEqualTo("$500.00 at a 1:1 input:output split");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        return List.of(read(file).split("\n"));
    }
}
