package io.modelatlas.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelatlas.eval.Assertion;
import io.modelatlas.eval.AssertionResult;
import io.modelatlas.eval.CaseResult;
import io.modelatlas.eval.CaseStatus;
import io.modelatlas.eval.EvalCase;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.RunSettings;
import io.modelatlas.eval.RunStatus;
import io.modelatlas.eval.RunStore;
import io.modelatlas.eval.Target;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Eval runs on SQLite and PostgreSQL: the run as it started comes back whole, results are kept once, money exactly. */
class EvalRunStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    static EvalRun run(String id, Instant at) {
        List<Assertion> all = List.of(new Assertion.Equals("no"), new Assertion.Contains("30 days"), new Assertion.NotContains("sorry"),
                new Assertion.Regex(Pattern.compile("(?i)refund")), new Assertion.ValidJson(), new Assertion.MatchesSchema("{\"type\":\"object\"}"),
                new Assertion.MaxLatency(Duration.ofMillis(2000)), new Assertion.MaxTimeToFirstToken(Duration.ofMillis(500)),
                new Assertion.MaxCost(new BigDecimal("0.0010")), new Assertion.Judge("Polite."));
        List<EvalCase> cases = List.of(new EvalCase("b-second", "{\"messages\":[{\"role\":\"user\",\"content\":\"héllo\"}],\"temperature\":0.2}", "héllo", all),
                new EvalCase("a-first", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "x", List.of()));
        List<Target> targets = List.of(new Target("big", "gpt-4.1", URI.create("https://api.example.com/v1"), "OPENAI_API_KEY", null, true),
                new Target("local", "llama3", URI.create("http://127.0.0.1:11434/v1"), null, "gpt-4o-mini", false));
        Target judge = new Target("judge", "gpt-4.1", URI.create("https://api.example.com/v1"), "JUDGE_KEY", null, true);
        RunSettings settings = new RunSettings(3, 60, Duration.ofSeconds(30), 2, Duration.ofMillis(500), Duration.ofSeconds(20), 250_000, "local");
        return new EvalRun(id, at, "support", "suite.yaml", "ab".repeat(32), targets, judge, cases, settings, RunStatus.RUNNING, null);
    }

    static CaseResult result(String caseId, String target, String cost) {
        return new CaseResult(caseId, target, CaseStatus.FAILED, "an answer\nwith lines", null, 1200, 200, 340, true,
                cost == null ? null : new BigDecimal(cost), cost == null ? "no price" : null, Duration.ofNanos(1_234_567_000L), Duration.ofMillis(321), 2,
                List.of(new AssertionResult("contains", "contains \"30 days\"", AssertionResult.Outcome.FAIL, "not found in the answer")),
                T0.plusSeconds(5));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_run_comes_back_as_it_started(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            RunStore runs = store.evalRuns();
            EvalRun run = run("r1", T0);
            runs.create(run);
            EvalRun back = runs.find("r1").orElseThrow();
            assertThat(back.targets()).isEqualTo(run.targets());
            assertThat(back.judge()).isEqualTo(run.judge());
            assertThat(back.settings()).isEqualTo(run.settings());
            assertThat(back.cases()).extracting(EvalCase::id).containsExactly("b-second", "a-first");
            assertThat(back.cases().get(0).requestJson()).isEqualTo(run.cases().get(0).requestJson());
            assertThat(back.cases().get(0).assertions()).extracting(Assertion::describe)
                    .isEqualTo(run.cases().get(0).assertions().stream().map(Assertion::describe).toList());
            assertThat(((Assertion.MaxCost) back.cases().get(0).assertions().get(8)).usd()).hasToString("0.0010");
            assertThat(back.suiteSha256()).isEqualTo("ab".repeat(32));
            assertThat(runs.find("nope")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void results_are_kept_once_exactly_and_in_case_order(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            RunStore runs = store.evalRuns();
            runs.create(run("r1", T0));
            runs.save("r1", result("a-first", "big", "0.000123456789012345678"));
            runs.save("r1", result("b-second", "local", null));
            runs.save("r1", result("a-first", "big", "9")); // a second result of a completed case: the first one stays
            assertThat(runs.completed("r1")).containsExactlyInAnyOrder(RunStore.key("a-first", "big"), RunStore.key("b-second", "local"));
            List<CaseResult> results = runs.results("r1");
            assertThat(results).extracting(CaseResult::caseId).containsExactly("b-second", "a-first");
            CaseResult big = results.get(1);
            assertThat(big).isEqualTo(result("a-first", "big", "0.000123456789012345678"));
            assertThat(big.costUsd()).hasToString("0.000123456789012345678");
            assertThat(results.get(0).costUsd()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void an_errored_result_is_replaced_by_a_later_one_and_a_settled_one_is_not(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            RunStore runs = store.evalRuns();
            runs.create(run("r1", T0));
            CaseResult error = new CaseResult("a-first", "big", CaseStatus.ERRORED, null, "HTTP 503 after 3 attempts", 0, 0, 0, false,
                    null, null, null, null, 3, List.of(), T0.plusSeconds(1));
            runs.save("r1", error);
            runs.save("r1", result("b-second", "big", "0.5"));
            assertThat(runs.errored("r1")).containsExactly(RunStore.key("a-first", "big"));

            CaseResult retried = result("a-first", "big", "0.25");
            runs.save("r1", retried);
            runs.save("r1", new CaseResult("b-second", "big", CaseStatus.ERRORED, null, "timeout", 0, 0, 0, false, null, null, null, null,
                    1, List.of(), T0.plusSeconds(9))); // an error never replaces a settled result

            assertThat(runs.errored("r1")).isEmpty();
            assertThat(runs.completed("r1")).hasSize(2);
            assertThat(runs.results("r1")).containsExactly(result("b-second", "big", "0.5"), retried);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_store_made_before_eval_runs_existed_is_migrated_and_keeps_its_data(String kind) {
        String url = TestDatabases.newDatabase(kind);
        try (Store store = Store.open(url)) {
            store.write(w -> w.addVersion(T0, "bootstrap", "before eval", "test"));
        }
        // back to the schema of the release before: only V1, as an existing installation has it (the later
        // migrations, the changes feed and the catalog snapshot, go too: a store that old has none of them)
        org.jdbi.v3.core.Jdbi.create(url).useHandle(h -> {
            for (String t : List.of("catalog_snapshot", "catalog_change", "eval_result", "eval_case", "eval_target", "eval_run")) {
                h.execute("DROP TABLE " + t);
            }
            h.execute("DELETE FROM flyway_schema_history WHERE version IN ('2', '3', '4')");
        });
        try (Store store = Store.open(url)) {
            assertThat(store.versions(10)).extracting(v -> v.summary()).containsExactly("before eval");
            store.evalRuns().create(run("after", T0));
            assertThat(store.evalRuns().find("after")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void runs_are_listed_newest_first_with_their_progress(String kind) {
        try (Store store = Store.open(TestDatabases.newDatabase(kind))) {
            RunStore runs = store.evalRuns();
            runs.create(run("old", T0));
            runs.create(run("new", T0.plusSeconds(60)));
            runs.save("new", result("a-first", "big", "0.1"));
            runs.setStatus("old", RunStatus.INTERRUPTED, "interrupted after 0 of 4 results", T0.plusSeconds(1));
            List<RunStore.RunSummary> list = runs.list(10);
            assertThat(list).extracting(RunStore.RunSummary::id).containsExactly("new", "old");
            assertThat(list.get(0).targets()).containsExactly("big", "local");
            assertThat(list.get(0).results()).isEqualTo(1);
            assertThat(list.get(0).cases()).isEqualTo(2);
            assertThat(list.get(1).status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(runs.find("old").orElseThrow().message()).isEqualTo("interrupted after 0 of 4 results");
        }
    }
}
