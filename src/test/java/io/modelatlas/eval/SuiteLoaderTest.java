package io.modelatlas.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelatlas.eval.suite.JacksonJsonChecks;
import io.modelatlas.eval.suite.SuiteFormatException;
import io.modelatlas.eval.suite.SuiteLoader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuiteLoaderTest {
    @TempDir
    Path dir;

    private Suite load(String yaml) throws Exception {
        Path f = dir.resolve("suite.yaml");
        Files.writeString(f, yaml);
        return new SuiteLoader(new JacksonJsonChecks()).load(f);
    }

    @Test
    void reads_messages_prompts_with_variables_defaults_and_every_assertion_kind() throws Exception {
        Suite s = load("""
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
                      - {role: user, content: "Can I get a refund after 40 days?"}
                    response_format: {type: json_object}
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
                    vars:
                      - {name: Ada, language: French}
                      - {name: Alan, language: German}
                """);
        assertThat(s.name()).isEqualTo("support");
        assertThat(s.cases()).extracting(EvalCase::id).containsExactly("refund", "greet-1", "greet-2");
        EvalCase refund = s.cases().get(0);
        assertThat(refund.requestJson()).contains("\"temperature\":0", "\"max_tokens\":200", "\"response_format\":{\"type\":\"json_object\"}")
                .doesNotContain("You answer support questions");
        assertThat(refund.input()).isEqualTo("Can I get a refund after 40 days?");
        assertThat(refund.assertions()).extracting(Assertion::kind).containsExactly("max_latency_ms", "equals", "contains", "contains", "not_contains",
                "regex", "json", "json_schema", "max_ttft_ms", "max_cost_usd", "judge");
        assertThat(((Assertion.Equals) refund.assertions().get(1)).expected()).isEqualTo("no"); // YAML 1.1 would read a bare no as false
        assertThat(((Assertion.MaxCost) refund.assertions().get(9)).usd()).isEqualByComparingTo(new BigDecimal("0.10")).hasToString("0.10");
        assertThat(((Assertion.MaxLatency) refund.assertions().get(0)).limit()).isEqualTo(Duration.ofSeconds(5));
        EvalCase greet = s.cases().get(2);
        assertThat(greet.input()).isEqualTo("Greet Alan in German.");
        assertThat(greet.requestJson()).contains("{\"role\":\"system\",\"content\":\"You answer support questions.\"}", "{\"role\":\"user\",\"content\":\"Greet Alan in German.\"}");
        assertThat(s.sha256()).hasSize(64);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key      | cases:\\n  - id: a\\n    prompt: hi\\n    asert: []               | suite.yaml:4: cases[0].asert: unknown key; expected one of",
            "bad regex        | cases:\\n  - id: a\\n    prompt: hi\\n    assert:\\n      - regex: '(a' | suite.yaml:5: cases[0].assert[0].regex: not a valid regular expression: Unclosed group",
            "missing variable | cases:\\n  - id: a\\n    prompt: Hi {{who}}\\n    vars: {name: x}  | suite.yaml:3: cases[0].prompt: the variable 'who' has no value in 'vars' (it has name)",
            "model in request | defaults:\\n  request: {model: gpt-4o}\\ncases:\\n  - {id: a, prompt: hi} | suite.yaml:2: defaults.request.model: is set per target by the runner",
            "duplicate key    | cases:\\n  - id: a\\n    id: b\\n    prompt: hi               | suite.yaml:3: cases[0].id: written twice (first on line 2)",
            "latency as text  | cases:\\n  - id: a\\n    prompt: hi\\n    assert:\\n      - max_latency_ms: fast | suite.yaml:5: cases[0].assert[0].max_latency_ms: must be a whole number of milliseconds, got 'fast'",
            "negative cost    | cases:\\n  - id: a\\n    prompt: hi\\n    assert:\\n      - max_cost_usd: -1 | suite.yaml:5: cases[0].assert[0].max_cost_usd: must be a positive number of dollars, got -1",
            "bad schema       | cases:\\n  - id: a\\n    prompt: hi\\n    assert:\\n      - json_schema: {type: 12} | suite.yaml:5: cases[0].assert[0].json_schema: not a usable JSON Schema",
            "unknown kind     | cases:\\n  - id: a\\n    prompt: hi\\n    assert:\\n      - startswith: x | suite.yaml:5: cases[0].assert[0].startswith: unknown assertion 'startswith'",
            "bad role         | cases:\\n  - id: a\\n    messages:\\n      - {role: usr, content: hi} | suite.yaml:4: cases[0].messages[0].role: unknown role 'usr'",
            "both forms       | cases:\\n  - id: a\\n    prompt: hi\\n    messages: []         | suite.yaml:2: cases[0]: a case has either 'messages' or 'prompt'",
            "no id            | cases:\\n  - prompt: hi                                     | suite.yaml:2: cases[0]: a case needs an 'id'",
            "same id twice    | cases:\\n  - {id: a, prompt: hi}\\n  - {id: a, prompt: ho}      | suite.yaml: cases: two cases have the id 'a'",
            "not yaml         | cases: [a, b                                              | suite.yaml:1: not valid YAML",
    })
    void errors_name_the_file_line_and_key(String what, String yaml, String message) {
        assertThatThrownBy(() -> load(yaml.replace("\\n", "\n"))).isInstanceOf(SuiteFormatException.class).hasMessageContaining(message.trim());
    }

    @Test
    void recorded_chat_requests_are_cases_and_their_model_is_dropped() throws Exception {
        Path log = dir.resolve("recorded.jsonl");
        Files.writeString(log, """
                {"model": "gpt-4o", "messages": [{"role": "user", "content": "first"}], "temperature": 0.2, "stream": true}
                {"request": {"model": "gpt-4o", "messages": [{"role": "user", "content": "second"}]}, "response": {"choices": []}}
                """);
        Suite s = new SuiteLoader(new JacksonJsonChecks()).load(log);
        assertThat(s.cases()).extracting(EvalCase::id).containsExactly("line-1", "line-2");
        assertThat(s.cases().get(0).requestJson()).contains("\"temperature\":0.2").doesNotContain("gpt-4o", "stream");
        assertThat(s.cases().get(1).input()).isEqualTo("second");
        assertThat(s.cases().get(0).assertions()).isEmpty();
    }

    @Test
    void a_suite_can_take_its_cases_from_recorded_requests_with_default_assertions() throws Exception {
        Files.writeString(dir.resolve("log.jsonl"), "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\nnot json\n");
        assertThatThrownBy(() -> load("cases_from: log.jsonl\ndefaults:\n  assert:\n    - contains: hello\n"))
                .hasMessageContaining("log.jsonl:2: not valid JSON");
        Files.writeString(dir.resolve("log.jsonl"), "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}\n");
        Suite s = load("cases_from: log.jsonl\ndefaults:\n  assert:\n    - contains: hello\n");
        assertThat(s.cases()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("line-1");
            assertThat(c.assertions()).extracting(Assertion::describe).containsExactly("contains \"hello\"");
        });
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> new SuiteLoader(new JacksonJsonChecks()).load(dir.resolve("nope.yaml"))).hasMessageContaining("no such file").hasMessageContaining("nope.yaml");
    }

    @Test
    void a_cases_from_file_over_64_mb_is_refused_before_it_is_read() throws Exception {
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(dir.resolve("huge.jsonl").toFile(), "rw")) {
            big.setLength(64L * 1024 * 1024 + 1); // sparse: no 64 MB written
        }

        assertThatThrownBy(() -> load("cases_from: huge.jsonl\n"))
                .isInstanceOf(SuiteFormatException.class)
                .hasMessageContaining("suite.yaml:1: cases_from")
                .hasMessageContaining("huge.jsonl is 64 MB, more than the 64 MB a suite may read");
    }
}
