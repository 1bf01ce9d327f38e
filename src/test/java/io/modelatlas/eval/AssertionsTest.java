package io.modelatlas.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.eval.AssertionResult.Outcome;
import io.modelatlas.eval.FakeOpenAi.Reply;
import io.modelatlas.eval.openai.OpenAiChatEndpoint;
import io.modelatlas.eval.suite.JacksonJsonChecks;
import io.modelatlas.tokens.TokenCounters;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every assertion kind, passing and failing, and the judge's verdicts as real judges word them. */
class AssertionsTest {
    private final Scorer scorer = new Scorer(new JacksonJsonChecks(), null);

    private static Completion answer(String text, long latencyMs, Integer ttftMs) {
        return new Completion(text, 100, 0, 20, 0, true, ttftMs == null ? null : Duration.ofMillis(ttftMs.longValue()), Duration.ofMillis(latencyMs), "stop");
    }

    private Outcome check(Assertion a, String text) {
        return check(a, answer(text, 900, 200), new BigDecimal("0.0012"));
    }

    private Outcome check(Assertion a, Completion c, BigDecimal cost) {
        EvalCase ec = new EvalCase("c", "{\"messages\":[]}", "q", List.of(a));
        return scorer.score(ec, c, cost).get(0).outcome();
    }

    @Test
    void text_assertions() {
        assertThat(check(new Assertion.Equals("No."), "  No.\n")).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.Equals("No."), "No")).isEqualTo(Outcome.FAIL);
        assertThat(check(new Assertion.Contains("30 days"), "within 30 days of purchase")).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.Contains("30 days"), "within 30 Days")).isEqualTo(Outcome.FAIL);
        assertThat(check(new Assertion.NotContains("sorry"), "Sure!")).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.NotContains("sorry"), "I'm sorry")).isEqualTo(Outcome.FAIL);
        assertThat(check(new Assertion.Regex(Pattern.compile("(?i)\\brefund\\b")), "Your Refund is on its way")).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.Regex(Pattern.compile("^\\d{4}$")), "12345")).isEqualTo(Outcome.FAIL);
    }

    @Test
    void json_and_schema_assertions_accept_fenced_json() {
        Assertion schema = new Assertion.MatchesSchema("{\"type\":\"object\",\"required\":[\"answer\"],\"properties\":{\"answer\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\",\"minimum\":0}}}");
        assertThat(check(new Assertion.ValidJson(), "{\"a\": [1, 2]}")).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.ValidJson(), "```json\n{\"a\": 1}\n```")).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.ValidJson(), "{\"a\": 1} trailing")).isEqualTo(Outcome.FAIL);
        assertThat(check(new Assertion.ValidJson(), "")).isEqualTo(Outcome.FAIL);
        assertThat(check(schema, "{\"answer\": \"no\", \"days\": 30}")).isEqualTo(Outcome.PASS);
        assertThat(check(schema, "{\"days\": -1}")).isEqualTo(Outcome.FAIL);
        assertThat(check(schema, "not json")).isEqualTo(Outcome.FAIL);
        List<AssertionResult> r = scorer.score(new EvalCase("c", "{}", "q", List.of(schema)), answer("{\"answer\": 3}", 1, null), null);
        assertThat(r.get(0).detail()).contains("answer").contains("string");
    }

    @Test
    void a_remote_reference_in_a_schema_is_never_fetched() {
        JacksonJsonChecks json = new JacksonJsonChecks();
        List<String> violations;
        try {
            violations = json.schemaViolations("{\"$ref\": \"http://127.0.0.1:9/never.json\"}", "{}");
        } catch (RuntimeException e) {
            violations = List.of(e.getMessage());
        }
        assertThat(violations).isNotEmpty(); // it fails, offline, instead of passing or downloading
    }

    @Test
    void latency_time_to_first_token_and_cost_assertions() {
        assertThat(check(new Assertion.MaxLatency(Duration.ofMillis(900)), answer("x", 900, 100), null)).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.MaxLatency(Duration.ofMillis(899)), answer("x", 900, 100), null)).isEqualTo(Outcome.FAIL);
        assertThat(check(new Assertion.MaxTimeToFirstToken(Duration.ofMillis(100)), answer("x", 900, 101), null)).isEqualTo(Outcome.FAIL);
        assertThat(check(new Assertion.MaxTimeToFirstToken(Duration.ofMillis(100)), answer("x", 900, null), null)).isEqualTo(Outcome.ERROR);
        assertThat(check(new Assertion.MaxCost(new BigDecimal("0.0012")), answer("x", 1, 1), new BigDecimal("0.0012"))).isEqualTo(Outcome.PASS);
        assertThat(check(new Assertion.MaxCost(new BigDecimal("0.0011")), answer("x", 1, 1), new BigDecimal("0.0012"))).isEqualTo(Outcome.FAIL);
        assertThat(check(new Assertion.MaxCost(new BigDecimal("1")), answer("x", 1, 1), null)).isEqualTo(Outcome.ERROR);
    }

    @Test
    void a_failed_assertion_fails_the_case_and_an_unchecked_one_errors_it() {
        AssertionResult pass = new AssertionResult("k", "d", Outcome.PASS, null);
        AssertionResult fail = new AssertionResult("k", "d", Outcome.FAIL, null);
        AssertionResult error = new AssertionResult("k", "d", Outcome.ERROR, null);
        assertThat(Scorer.status(List.of(pass, pass))).isEqualTo(CaseStatus.PASSED);
        assertThat(Scorer.status(List.of(pass, error))).isEqualTo(CaseStatus.ERRORED);
        assertThat(Scorer.status(List.of(error, fail))).isEqualTo(CaseStatus.FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"pass\": true, \"reason\": \"cites the window\"}                 | true  | cites the window",
            "```json\\n{\"pass\": false, \"reason\": \"no \\\"30 days\\\"\"}\\n```   | false | no \"30 days\"",
            "Sure. Here is my grading: {\"passed\": \"true\"}                      | true  |",
            "{\"verdict\": \"FAIL\", \"reason\": \"rude\"}                         | false | rude",
            "The answer is polite.\\nVERDICT: PASS                                 | true  |",
            "**Final verdict:** fail                                              | false |",
            "PASS                                                                  | true  |",
            "fail.                                                                 | false |",
    })
    void judge_verdicts_are_read_from_untidy_replies(String reply, boolean pass, String reason) {
        Optional<JudgeVerdict> v = JudgeVerdict.parse(reply.replace("\\n", "\n"));
        assertThat(v).hasValueSatisfying(x -> {
            assertThat(x.pass()).isEqualTo(pass);
            if (reason != null) {
                assertThat(x.reason()).isEqualTo(reason);
            }
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"I cannot decide.", "It could pass or fail.", "{\"pass\": true} and later {\"pass\": false}", "' '"})
    void replies_that_name_no_single_verdict_are_not_verdicts(String reply) {
        assertThat(JudgeVerdict.parse(reply)).isEmpty();
    }

    @Test
    void the_judge_target_grades_with_the_rubric_and_an_unreadable_reply_is_an_error_not_a_failure() {
        try (FakeOpenAi judge = new FakeOpenAi(null)) {
            Target t = new Target("judge", "gpt-4.1", judge.baseUrl(), null, null, true);
            ModelJudge grader = new ModelJudge(new OpenAiChatEndpoint(HttpClient.newHttpClient(), t, ApiKey.none(), Duration.ofSeconds(10),
                    TokenCounters.forEncoding("o200k_base"), System::nanoTime, Clock.systemUTC()));
            Scorer withJudge = new Scorer(new JacksonJsonChecks(), grader);
            EvalCase c = new EvalCase("refund", "{}", "Can I get a refund after 40 days?", List.of(new Assertion.Judge("Cites the 30-day window.")));

            judge.script(r -> Reply.text("{\"pass\": false, \"reason\": \"does not mention 30 days\"}"));
            AssertionResult failed = withJudge.score(c, answer("Sure, anytime!", 1, 1), null).get(0);
            assertThat(failed.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(failed.detail()).isEqualTo("judge: does not mention 30 days");
            String prompt = judge.received().get(0).userMessage();
            assertThat(prompt).contains("Cites the 30-day window.", "Can I get a refund after 40 days?", "Sure, anytime!");
            assertThat(judge.received().get(0).body().path("temperature").asInt(-1)).isZero();

            judge.script(r -> Reply.text("Hmm, hard to say."));
            assertThat(withJudge.score(c, answer("Yes", 1, 1), null).get(0).outcome()).isEqualTo(Outcome.ERROR);

            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            List<Duration> waits = new java.util.ArrayList<>();
            ModelJudge patient = new ModelJudge(new OpenAiChatEndpoint(HttpClient.newHttpClient(), t, ApiKey.none(), Duration.ofSeconds(10),
                    TokenCounters.forEncoding("o200k_base"), System::nanoTime, Clock.systemUTC()), 2, waits::add);
            judge.script(r -> calls.incrementAndGet() == 1 ? Reply.rateLimited(5) : Reply.text("{\"pass\": true}"));
            assertThat(new Scorer(new JacksonJsonChecks(), patient).score(c, answer("30 days", 1, 1), null).get(0).outcome()).isEqualTo(Outcome.PASS);
            assertThat(waits).containsExactly(Duration.ofSeconds(5));

            judge.script(r -> Reply.error(500, null, "judge down"));
            AssertionResult down = withJudge.score(c, answer("Yes", 1, 1), null).get(0);
            assertThat(down.outcome()).isEqualTo(Outcome.ERROR);
            assertThat(down.detail()).contains("the judge did not answer", "judge down");
        }
    }
}
