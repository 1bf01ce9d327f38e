package io.modelatlas.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modelatlas.eval.suite.JacksonJsonChecks;
import io.modelatlas.eval.suite.SuiteFormatException;
import io.modelatlas.eval.suite.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged eval suites (YAML) and recorded-request files (JSONL): each is loaded, or refused with a
 * {@link SuiteFormatException} that names the file and the line or key; no NullPointerException, ClassCastException,
 * stack overflow or YAML library exception gets out. YAML bombs (aliases that multiply, nesting past any need, a
 * document of megabytes) are refused at once, not expanded.
 */
class SuiteFuzzTest {
    private static final int CASES = 300;
    /** Problems of the whole file, which have no line or key to name. */
    private static final Set<String> WHOLE_FILE = Set.of("is not UTF-8 text", "no recorded requests in the file",
            "put recorded requests in a JSONL file and name it in 'cases_from'");
    /** A generous bound on one load, far above the milliseconds it takes: only an expanding bomb could reach it. */
    private static final Duration HANG = Duration.ofSeconds(10);

    private static final String SUITE = """
            name: support
            defaults:
              request: {temperature: 0, max_tokens: 200}
              system: You answer support questions.
              assert:
                - max_latency_ms: 5000
            cases:
              - id: refund
                messages:
                  - {role: system, content: Be brief.}
                  - role: user
                    content: "Can I get a refund after 40 days?"
                response_format: {type: json_object}
                tools: [{type: function, function: {name: lookup, parameters: {type: object}}}]
                request: {top_p: 0.5, seed: 7}
                assert:
                  - equals: "no"
                  - contains: [30 days, refund]
                  - not_contains: sorry
                  - regex: "(?i)\\\\bno\\\\b"
                  - json: true
                  - json_schema: {type: object, required: [answer]}
                  - max_ttft_ms: 800
                  - max_cost_usd: 0.10
                  - judge: Declines politely and cites the 30-day window.
              - id: greet
                prompt: Greet {{name}} in {{ language }}.
                system: Be warm.
                vars:
                  - {name: Ada, language: French}
                  - {name: Alan, language: German}
            """;
    private static final String RECORDED = """
            {"model": "gpt-4o", "messages": [{"role": "user", "content": "first"}], "temperature": 0.2, "stream": true}
            {"request": {"model": "gpt-4o", "messages": [{"role": "user", "content": [{"type": "text", "text": "second"}]}]}, "response": {"choices": []}}
            {"id": "third", "messages": [{"role": "system", "content": "x"}, {"role": "user", "content": "third"}], "tools": [{"type": "function"}]}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"suite.yaml", "recorded.jsonl", "with-cases-from.yaml"})
    void damaged_files_load_or_are_refused_naming_file_and_place(String kind) throws IOException {
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int seed = 0; seed < CASES; seed++) {
            Mutator mutator = new Mutator(seed);
            Path suite = dir.resolve(kind);
            Path recorded = dir.resolve("recorded.jsonl");
            switch (kind) {
                case "suite.yaml" -> Files.write(suite, mutator.mutateYaml(SUITE));
                case "recorded.jsonl" -> Files.write(suite, mutator.mutateLog(RECORDED));
                default -> {
                    Files.writeString(suite, "cases_from: recorded.jsonl\n" + SUITE.substring(0, SUITE.indexOf("cases:")));
                    Files.write(recorded, mutator.mutateLog(RECORDED));
                }
            }
            try {
                assertTimeoutPreemptively(HANG, () -> new SuiteLoader(new JacksonJsonChecks()).load(suite));
            } catch (SuiteFormatException e) {
                refused++;
                String problem = check(e, suite, recorded);
                if (problem != null) {
                    failures.add("seed " + seed + ": " + problem + ": " + e.getMessage());
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add("seed " + seed + ": " + e);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(refused).as("the mutations do damage the files").isGreaterThan(CASES / 4);
    }

    /** What is wrong with the error, or null. */
    private static String check(SuiteFormatException e, Path suite, Path recorded) {
        if (!e.file().equals(suite.toString()) && !e.file().equals(recorded.toString()) && !e.file().startsWith(suite + ":")) {
            return "names another file";
        }
        if (!e.getMessage().startsWith(e.file())) {
            return "the message does not start with the file";
        }
        if (e.line() <= 0 && (e.key() == null || e.key().isEmpty()) && WHOLE_FILE.stream().noneMatch(e.getMessage()::endsWith)) {
            return "names neither line nor key";
        }
        if (e.getMessage().contains("Exception") || e.getMessage().contains("snakeyaml") || e.getMessage().contains("jackson")
                || e.getMessage().contains("StreamReadConstraints")) {
            return "a library's words leak";
        }
        return null;
    }

    private SuiteFormatException refused(String yaml) throws IOException {
        Path f = dir.resolve("bomb.yaml");
        Files.writeString(f, yaml);
        return assertTimeoutPreemptively(HANG, () -> org.junit.jupiter.api.Assertions.assertThrows(SuiteFormatException.class,
                () -> new SuiteLoader(new JacksonJsonChecks()).load(f)));
    }

    @Test
    void a_billion_laughs_is_refused_at_its_first_alias_not_expanded() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(9)).append("*").append((char) (c - 1)).append("]\n");
        }
        bomb.append("cases:\n  - {id: x, prompt: *j}\n");
        SuiteFormatException e = refused(bomb.toString());
        assertThat(e).hasMessage("bomb.yaml:2: b[0]: YAML aliases (*name) are not supported; write the value out".replace("bomb.yaml", dir.resolve("bomb.yaml").toString()));
    }

    @Test
    void an_alias_where_a_value_is_expected_is_refused_not_read_as_the_anchor_name() throws IOException {
        SuiteFormatException e = refused("defaults:\n  system: &sys Be brief.\ncases:\n  - id: a\n    prompt: hi\n    system: *sys\n");
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.key()).isEqualTo("cases[0].system");
        assertThat(e).hasMessageEndingWith("YAML aliases (*name) are not supported; write the value out");
    }

    @Test
    void nesting_deeper_than_any_suite_needs_is_refused() throws IOException {
        for (String deep : List.of("[".repeat(100_000), "\n        " + "- ".repeat(2000) + "x", "{a: ".repeat(5000) + "1" + "}".repeat(5000) + "\n")) {
            SuiteFormatException e = refused("cases:\n  - id: a\n    prompt: hi\n    request:\n      extra: " + deep + "\n");
            assertThat(e).hasMessageContaining("nested more than").hasMessageStartingWith(dir.resolve("bomb.yaml") + ":");
            assertThat(e.line()).isPositive();
        }
    }

    @Test
    void a_document_of_megabytes_is_refused_before_it_is_read() throws IOException {
        SuiteFormatException e = refused("cases:\n  - id: a\n    prompt: \"" + "x".repeat(9 * 1024 * 1024) + "\"\n");
        assertThat(e).hasMessageContaining("larger than");
        assertThat(refused("cases:\n" + "  - {id: a, prompt: hi}\n".repeat(400_000))).hasMessageContaining("larger than");
    }
}
