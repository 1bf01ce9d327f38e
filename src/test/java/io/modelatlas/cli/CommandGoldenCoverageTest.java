package io.modelatlas.cli;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command has a golden file that a test compares its output with, or is exempt here for a stated reason. A new
 * command without one fails this test: add its golden (see {@link CommandGoldensTest}) and a line to {@link #GOLDENS}.
 */
class CommandGoldenCoverageTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path TESTS = Path.of("src", "test", "java");

    private static final Map<String, List<String>> GOLDENS = Map.ofEntries(
            entry("models", List.of("cli/models.txt", "cli/models-chat-by-price.json")),
            entry("show", List.of("cli/show-gpt-4.1-mini.txt")),
            entry("compare", List.of("cli/compare-gpt-4.1-vs-gpt-4.1-mini.md", "cli/compare-gpt-4.1-mini-vs-gpt-image-1-mini.md")),
            entry("cost", List.of("cli/cost-gpt-4.1-batch.txt")),
            entry("check", List.of("cli/check-example-article.txt", "cli/check-example-article.html", "api/check-example-article.json")),
            entry("tokens", List.of("cli/tokens-stdin.txt", "cli/tokens-stdin.json")),
            entry("replay", List.of("cli/replay-usage.txt")),
            entry("eval-report", List.of("cli/eval-report.txt")),
            entry("discrepancies", List.of("cli/discrepancies.txt")),
            entry("history", List.of("cli/history-gpt-4.1-mini.txt", "cli/history-gpt-4.1-mini.json")),
            entry("admin", List.of("cli/admin-list-tokens-and-audit.txt")));

    /** Commands without a golden, and why none is needed. */
    private static final Map<String, String> EXEMPT = Map.ofEntries(
            entry("eval", "calls a chat endpoint and stores a run; its report is pinned by cli/eval-report.txt (eval-report)"),
            entry("import", "changes a store; ImportCommandTest asserts what it stored"),
            entry("refresh", "downloads sources into a store; RefreshCommandTest asserts the report over a local server"),
            entry("serve", "starts the web site, whose pages have their own goldens (RouteGoldenCoverageTest)"),
            entry("export-site", "writes the web site's pages to files; ExportMatchesServerTest checks they equal the server's, which have goldens"));

    @Test
    void every_command_has_a_golden_or_a_reason_to_have_none() {
        Set<String> uncovered = new TreeSet<>(Commands.names());
        uncovered.removeAll(GOLDENS.keySet());
        uncovered.removeAll(EXEMPT.keySet());
        assertThat(uncovered).as("commands with no golden: add one (see CommandGoldensTest) and map it in GOLDENS").isEmpty();
    }

    @Test
    void the_table_names_no_command_that_is_gone() {
        Set<String> listed = new TreeSet<>(GOLDENS.keySet());
        listed.addAll(EXEMPT.keySet());
        listed.removeAll(Commands.names());
        assertThat(listed).as("entries for commands that no longer exist").isEmpty();
        assertThat(GOLDENS.keySet()).as("a command is either covered or exempt").doesNotContainAnyElementsOf(EXEMPT.keySet());
    }

    @Test
    void every_mapped_golden_exists_and_a_test_compares_with_it() throws IOException {
        String testSources;
        try (Stream<Path> files = Files.walk(TESTS)) {
            testSources = files.filter(p -> p.toString().endsWith(".java")).map(CommandGoldenCoverageTest::read).collect(Collectors.joining("\n"));
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
            throw new UncheckedIOException(e);
        }
    }
}
