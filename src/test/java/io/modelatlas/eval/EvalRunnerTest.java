package io.modelatlas.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.FakeOpenAi.Reply;
import io.modelatlas.eval.openai.OpenAiChatEndpoint;
import io.modelatlas.eval.suite.JacksonJsonChecks;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.store.Store;
import io.modelatlas.store.TestDatabases;
import io.modelatlas.tokens.TokenCounters;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner against the fake endpoint and a real SQLite store: retries, timeouts, limits, resume, cost. */
class EvalRunnerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final Catalog CATALOG = Catalog.of(List.of(Fixtures.gpt41(), Fixtures.gpt41Mini(), Fixtures.gpt4oMini()));
    private final FakeOpenAi server = new FakeOpenAi(null);
    private final String jdbcUrl = TestDatabases.newDatabase("sqlite");
    private final Store store = Store.open(jdbcUrl);
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final EvalRunner.Sleeper recordingSleeper = waits::add;

    @AfterEach
    void close() {
        server.close();
        store.close();
    }

    static List<EvalCase> cases(int n, Assertion... assertions) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new EvalCase("case-" + i,
                "{\"messages\":[{\"role\":\"user\",\"content\":\"question " + i + "\"}]}", "question " + i, List.of(assertions))).toList();
    }

    static RunSettings settings(int concurrency, int perMinute, Duration timeout, int retries) {
        return new RunSettings(concurrency, perMinute, timeout, retries, Duration.ofSeconds(1), Duration.ofSeconds(60), 100_000, null);
    }

    private EvalRun run(String id, List<Target> targets, List<EvalCase> cases, RunSettings settings) {
        EvalRun run = new EvalRun(id, CLOCK.instant(), "suite", "suite.yaml", "0".repeat(64), targets, null, cases, settings, RunStatus.RUNNING, null);
        store.evalRuns().create(run);
        return run;
    }

    private Target target(String name, String model) {
        return new Target(name, model, server.baseUrl(), null, null, true);
    }

    private EvalRunner runner(EvalRun run, Duration timeout, EvalRunner.Sleeper sleeper, java.util.function.LongSupplier nanoTime) {
        return runner(store.evalRuns(), run, timeout, sleeper, nanoTime);
    }

    private EvalRunner runner(RunStore runs, EvalRun run, Duration timeout, EvalRunner.Sleeper sleeper, java.util.function.LongSupplier nanoTime) {
        return new EvalRunner(runs, endpoints(run, timeout, OpenAiChatEndpoint.MAX_BODY_BYTES), new Scorer(new JacksonJsonChecks(), null),
                new Pricer(CATALOG), CLOCK, sleeper, nanoTime, EvalRunner.Listener.NONE);
    }

    private EvalRunner runner(RunStore runs, Map<String, ChatEndpoint> endpoints, EvalRunner.Sleeper sleeper) {
        return new EvalRunner(runs, endpoints, new Scorer(new JacksonJsonChecks(), null), new Pricer(CATALOG), CLOCK, sleeper, System::nanoTime,
                EvalRunner.Listener.NONE);
    }

    private Map<String, ChatEndpoint> endpoints(EvalRun run, Duration timeout, long maxBodyBytes) {
        Map<String, ChatEndpoint> endpoints = new LinkedHashMap<>();
        for (Target t : run.targets()) {
            endpoints.put(t.name(), new OpenAiChatEndpoint(HttpClient.newHttpClient(), t, ApiKey.none(), timeout, maxBodyBytes,
                    TokenCounters.forEncoding("o200k_base"), System::nanoTime, Clock.systemUTC()));
        }
        return endpoints;
    }

    /** Runs to the end, or fails the test after a generous bound instead of hanging it. */
    private static EvalRunner.Outcome runBounded(EvalRunner runner, EvalRun run) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runner.run(run));
    }

    private CaseResult result(String runId, String caseId, String target) {
        return store.evalRuns().results(runId).stream().filter(r -> r.caseId().equals(caseId) && r.target().equals(target)).findFirst().orElseThrow();
    }

    @Test
    void cost_is_priced_exactly_from_the_endpoints_usage() throws Exception {
        server.script(r -> Reply.text("ok").withUsage(1000, 500));
        EvalRun run = run("cost", List.of(target("mini", "gpt-4.1-mini"), target("local", "llama-3.1-8b")), cases(1), settings(1, 0, Duration.ofSeconds(5), 0));
        EvalRunner.Outcome outcome = runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        // 1,000 input tokens at $0.40/1M + 500 output tokens at $1.60/1M
        assertThat(result("cost", "case-1", "mini").costUsd()).isEqualByComparingTo("0.0012");
        CaseResult local = result("cost", "case-1", "local");
        assertThat(local.costUsd()).isNull();
        assertThat(local.costNote()).contains("the catalog does not know 'llama-3.1-8b'", "price-as=ID");
    }

    @Test
    void a_429_is_retried_after_its_retry_after_and_500s_with_doubling_backoff() throws Exception {
        AtomicLong calls = new AtomicLong();
        server.script(r -> switch ((int) calls.incrementAndGet()) {
            case 1 -> Reply.rateLimited(3);
            case 2, 3 -> Reply.error(500, null, "boom");
            default -> Reply.text("ok");
        });
        EvalRun run = run("retry", List.of(target("a", "gpt-4.1-mini")), cases(1), settings(1, 0, Duration.ofSeconds(5), 3));
        runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);

        CaseResult r = result("retry", "case-1", "a");
        assertThat(r.status()).isEqualTo(CaseStatus.PASSED);
        assertThat(r.attempts()).isEqualTo(4);
        // Retry-After 3 s beats the first backoff of 1 s; then 2 s and 4 s
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(server.requests()).isEqualTo(4);
    }

    @Test
    void retries_used_up_or_a_rejected_request_error_the_case_and_the_run_goes_on() throws Exception {
        server.script(r -> r.userMessage().equals("question 1") ? Reply.error(503, null, "overloaded")
                : r.userMessage().equals("question 2") ? Reply.error(400, "invalid_value", "temperature must be at most 2") : Reply.text("fine"));
        EvalRun run = run("errors", List.of(target("a", "gpt-4.1-mini")), cases(3), settings(1, 0, Duration.ofSeconds(5), 2));
        EvalRunner.Outcome outcome = runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result("errors", "case-1", "a").error()).isEqualTo("server error (HTTP 503): overloaded (after 3 attempts)");
        assertThat(result("errors", "case-2", "a").error()).isEqualTo("rejected (HTTP 400): temperature must be at most 2 [invalid_value]");
        assertThat(result("errors", "case-2", "a").attempts()).isEqualTo(1);
        assertThat(result("errors", "case-3", "a").status()).isEqualTo(CaseStatus.PASSED);
        assertThat(server.requestsFor("question 1")).isEqualTo(3);
    }

    @Test
    void a_retry_after_longer_than_the_longest_wait_errors_the_case_without_waiting() throws Exception {
        server.script(r -> Reply.rateLimited(3600));
        EvalRun run = run("long", List.of(target("a", "gpt-4.1-mini")), cases(1), settings(1, 0, Duration.ofSeconds(5), 3));
        runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);
        assertThat(result("long", "case-1", "a").error()).contains("Retry-After 3600 s is longer than the longest wait (60 s)");
        assertThat(waits).isEmpty();
    }

    @Test
    void a_resume_that_retries_errors_sends_only_the_errored_cases_and_their_new_results_replace_the_errors() throws Exception {
        AtomicReference<Boolean> overloaded = new AtomicReference<>(true);
        server.script(r -> r.userMessage().equals("question 2") && overloaded.get() ? Reply.error(503, null, "overloaded") : Reply.text("fine"));
        EvalRun run = run("again", List.of(target("a", "gpt-4.1-mini")), cases(3), settings(1, 0, Duration.ofSeconds(5), 1));
        runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);
        assertThat(result("again", "case-2", "a").status()).isEqualTo(CaseStatus.ERRORED);
        int sentBefore = server.requests();

        EvalRunner.Outcome plain = runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);
        assertThat(plain.stored()).isZero(); // a plain resume leaves errors as they are
        assertThat(server.requests()).isEqualTo(sentBefore);

        overloaded.set(false);
        EvalRunner.Outcome retried = runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run, true);

        assertThat(retried.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(retried.stored()).isEqualTo(1);
        assertThat(retried.skipped()).isEqualTo(2);
        assertThat(server.requests()).isEqualTo(sentBefore + 1);
        assertThat(store.evalRuns().results("again")).extracting(CaseResult::status).containsOnly(CaseStatus.PASSED).hasSize(3);
        assertThat(store.evalRuns().errored("again")).isEmpty();
    }

    @Test
    void a_slow_endpoint_times_out_and_is_retried_then_errored() throws Exception {
        server.script(r -> Reply.hanging());
        EvalRun run = run("slow", List.of(target("a", "gpt-4.1-mini")), cases(1), settings(1, 0, Duration.ofMillis(300), 1));
        runner(run, Duration.ofMillis(300), recordingSleeper, System::nanoTime).run(run);
        CaseResult r = result("slow", "case-1", "a");
        assertThat(r.status()).isEqualTo(CaseStatus.ERRORED);
        assertThat(r.error()).startsWith("timeout: ").endsWith("(after 2 attempts)");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void a_rejected_key_or_unknown_model_stops_that_target_only_and_fails_the_run_without_storing_its_cases() throws Exception {
        server.script(r -> r.model().equals("gpt-9") ? Reply.error(404, "model_not_found", "The model `gpt-9` does not exist") : Reply.text("ok"));
        EvalRun run = run("stop", List.of(target("good", "gpt-4.1-mini"), target("bad", "gpt-9")), cases(5), settings(1, 0, Duration.ofSeconds(5), 3));
        EvalRunner.Outcome outcome = runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.message()).isEqualTo("target bad: model not found (HTTP 404): The model `gpt-9` does not exist [model_not_found]; fix it and resume the run");
        assertThat(store.evalRuns().results("stop")).extracting(CaseResult::target).containsOnly("good").hasSize(5);
        assertThat(server.received().stream().filter(r -> r.model().equals("gpt-9")).count()).isEqualTo(1);
        assertThat(store.evalRuns().find("stop").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void no_more_than_the_concurrency_limit_is_in_flight_per_target() throws Exception {
        server.script(r -> Reply.text("ok").withDelays(120, 0));
        EvalRun run = run("conc", List.of(target("a", "gpt-4.1-mini")), cases(12), settings(3, 0, Duration.ofSeconds(10), 0));
        runner(run, Duration.ofSeconds(10), recordingSleeper, System::nanoTime).run(run);
        assertThat(server.maxInFlight()).isEqualTo(3);
        assertThat(store.evalRuns().results("conc")).hasSize(12);
    }

    @Test
    void the_rate_limit_spaces_request_starts() throws Exception {
        server.script(r -> Reply.text("ok"));
        EvalRun run = run("rate", List.of(target("a", "gpt-4.1-mini")), cases(4), settings(1, 120, Duration.ofSeconds(10), 0));
        runner(run, Duration.ofSeconds(10), recordingSleeper, () -> 0L).run(run); // a clock that stands still: every wait is a whole slot
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1500));
    }

    @Test
    void an_interrupted_run_resumes_without_sending_completed_cases_again() throws Exception {
        // the 4th case hangs: the run is interrupted while it is in flight, as by Ctrl-C or a crash
        server.script(r -> r.userMessage().equals("question 4") && server.requestsFor("question 4") == 1 ? Reply.hanging() : Reply.text("ok"));
        EvalRun run = run("resume", List.of(target("a", "gpt-4.1-mini")), cases(6), settings(1, 0, Duration.ofSeconds(30), 0));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try {
                runner(run, Duration.ofSeconds(30), recordingSleeper, System::nanoTime).run(run);
            } catch (Throwable t) {
                ended.set(t);
            }
        });
        first.start();
        while (server.requestsFor("question 4") == 0) {
            Thread.sleep(10);
        }
        first.interrupt();
        first.join(10_000);
        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(store.evalRuns().find("resume").orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(store.evalRuns().completed("resume")).hasSize(3);

        // as a new process would: a fresh store connection to the same database and new endpoints
        EvalRunner.Outcome outcome;
        try (Store reopened = Store.open(jdbcUrl)) {
            EvalRun stored = reopened.evalRuns().find("resume").orElseThrow();
            assertThat(stored.cases()).isEqualTo(run.cases());
            Map<String, ChatEndpoint> endpoints = Map.of("a", new OpenAiChatEndpoint(HttpClient.newHttpClient(), stored.targets().get(0), ApiKey.none(),
                    Duration.ofSeconds(30), TokenCounters.forEncoding("o200k_base"), System::nanoTime, Clock.systemUTC()));
            outcome = new EvalRunner(reopened.evalRuns(), endpoints, new Scorer(new JacksonJsonChecks(), null), new Pricer(CATALOG), CLOCK,
                    recordingSleeper, System::nanoTime, EvalRunner.Listener.NONE).run(stored);
        }

        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(outcome.skipped()).isEqualTo(3);
        assertThat(store.evalRuns().results("resume")).hasSize(6);
        for (int i = 1; i <= 3; i++) {
            assertThat(server.requestsFor("question " + i)).as("completed case %d is not sent again", i).isEqualTo(1);
        }
        assertThat(server.requestsFor("question 4")).isEqualTo(2);
        assertThat(server.requestsFor("question 5")).isEqualTo(1);
        assertThat(server.requestsFor("question 6")).isEqualTo(1);
    }

    @Test
    void a_store_that_fails_mid_run_stops_it_with_every_stored_result_whole_and_a_resume_finishes_it() throws Exception {
        String url = TestDatabases.newDatabase("sqlite") + "?busy_timeout=300";
        try (Store locked = Store.open(url); java.sql.Connection other = java.sql.DriverManager.getConnection(url);
             java.sql.Statement st = other.createStatement()) {
            // another process takes the database while the 3rd case is answered: its result cannot be written
            server.script(r -> {
                if (r.userMessage().equals("question 3") && server.requestsFor("question 3") == 1) {
                    try {
                        st.execute("BEGIN EXCLUSIVE");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return Reply.text("ok");
            });
            EvalRun run = new EvalRun("store-fault", CLOCK.instant(), "suite", "suite.yaml", "0".repeat(64), List.of(target("a", "gpt-4.1-mini")),
                    null, cases(6), settings(1, 0, Duration.ofSeconds(30), 0), RunStatus.RUNNING, null);
            locked.evalRuns().create(run);
            EvalRunner.Outcome failed = runner(locked.evalRuns(), run, Duration.ofSeconds(30), recordingSleeper, System::nanoTime).run(run);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.message()).contains("stopped");
            assertThat(failed.stored()).isEqualTo(2);
            st.execute("ROLLBACK");

            assertThat(locked.evalRuns().results("store-fault")).hasSize(2)
                    .allSatisfy(r -> assertThat(r.output()).as("a stored result is whole").isEqualTo("ok"));
            EvalRunner.Outcome resumed = runner(locked.evalRuns(), run, Duration.ofSeconds(30), recordingSleeper, System::nanoTime).run(locked.evalRuns().find("store-fault").orElseThrow());
            assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(resumed.skipped()).isEqualTo(2);
            assertThat(locked.evalRuns().results("store-fault")).hasSize(6);
            assertThat(server.requestsFor("question 1")).as("a stored case is not sent again").isEqualTo(1);
            assertThat(server.requestsFor("question 3")).as("the case whose result was lost to the store is sent again").isEqualTo(2);
        }
    }

    @Test
    void a_server_dropping_the_connection_mid_stream_is_retried_and_counted_as_one_result() throws Exception {
        AtomicLong calls = new AtomicLong();
        server.script(r -> calls.incrementAndGet() == 1 ? Reply.text("one two three four").cutAfter(2) : Reply.text("one two three four"));
        EvalRun run = run("cut", List.of(target("a", "gpt-4.1-mini")), cases(1, new Assertion.Contains("four")), settings(1, 0, Duration.ofSeconds(5), 2));
        runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);
        CaseResult r = result("cut", "case-1", "a");
        assertThat(r.status()).isEqualTo(CaseStatus.PASSED);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.output()).isEqualTo("one two three four");
    }

    @Test
    void the_report_says_how_many_of_the_baselines_passing_cases_the_other_passes_and_at_what_cost() throws Exception {
        // "big" answers every case right; "small" misses case-3; small's prices are a fifth of big's (gpt-4.1 vs gpt-4.1-mini)
        server.script(r -> r.model().equals("gpt-4.1-mini") && r.userMessage().equals("question 3") ? Reply.text("no idea").withUsage(1000, 100)
                : Reply.text("the answer is 42").withUsage(1000, 100));
        EvalRun run = run("verdict", List.of(target("big", "gpt-4.1"), target("small", "gpt-4.1-mini")), cases(4, new Assertion.Contains("42")),
                settings(2, 0, Duration.ofSeconds(5), 0));
        runner(run, Duration.ofSeconds(5), recordingSleeper, System::nanoTime).run(run);
        RunReport report = RunReport.of(store.evalRuns().find("verdict").orElseThrow(), store.evalRuns().results("verdict"), 1_000_000, new Pricer(CATALOG));

        assertThat(report.verdicts()).singleElement().satisfies(v -> {
            assertThat(v.sentence()).isEqualTo("small passes 3 of big's 4 passing cases at 20% of the cost.");
            assertThat(v.costRatio()).isEqualByComparingTo("0.2");
        });
        RunReport.TargetStats big = report.stats("big");
        // 1,000 x $2/1M + 100 x $8/1M = $0.0028 a case, exactly; $2,800 a month at 1M requests
        assertThat(big.costPerCase()).isEqualByComparingTo("0.0028");
        assertThat(big.monthlyUsd()).isEqualByComparingTo("2800");
        assertThat(big.passRate()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(report.stats("small").passed()).isEqualTo(3);
        RunReport.Cell smallOn3 = report.cases().get(2).cells().get(1);
        assertThat(smallOn3.segments()).contains(new WordDiff.Segment("no idea", true));
    }

    @Test
    void an_endless_stream_errors_its_case_at_the_timeout_and_the_run_ends_with_every_result() throws Exception {
        server.script(r -> r.userMessage().equals("question 2") ? Reply.endlessStream(10) : Reply.text("ok"));
        EvalRun run = run("endless", List.of(target("a", "gpt-4.1-mini")), cases(3), settings(2, 0, Duration.ofSeconds(1), 1));
        EvalRunner.Outcome outcome = runBounded(runner(run, Duration.ofSeconds(1), recordingSleeper, System::nanoTime), run);

        CaseResult endless = result("endless", "case-2", "a");
        assertThat(endless.status()).isEqualTo(CaseStatus.ERRORED);
        assertThat(endless.error()).startsWith("timeout: the 1 s timeout passed while reading the stream").endsWith("(after 2 attempts)");
        assertThat(server.requestsFor("question 2")).as("retried as often as --retries says, no more").isEqualTo(2);
        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(store.evalRuns().results("endless")).as("completed means every case has its result").hasSize(3);
    }

    @Test
    void an_endless_answer_past_the_size_limit_errors_its_case_once_without_retries() throws Exception {
        server.script(r -> r.userMessage().equals("question 1") ? Reply.endlessJson(0) : Reply.text("ok"));
        EvalRun run = run("huge", List.of(new Target("a", "gpt-4.1-mini", server.baseUrl(), null, null, false)), cases(2),
                settings(1, 0, Duration.ofSeconds(30), 3));
        EvalRunner.Outcome outcome = runBounded(runner(store.evalRuns(), endpoints(run, Duration.ofSeconds(30), 1024 * 1024), recordingSleeper), run);

        CaseResult huge = result("huge", "case-1", "a");
        assertThat(huge.status()).isEqualTo(CaseStatus.ERRORED);
        assertThat(huge.error()).isEqualTo("body too large (HTTP 200): the answer went past the limit of 1 MB on a response body; the rest was not read");
        assertThat(huge.attempts()).isEqualTo(1);
        assertThat(waits).isEmpty();
        assertThat(outcome.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(result("huge", "case-2", "a").status()).isEqualTo(CaseStatus.PASSED);
    }

    @Test
    void a_case_that_dies_of_an_error_fails_the_run_instead_of_leaving_it_completed_without_the_case() throws Exception {
        EvalRun run = run("oom", List.of(target("a", "gpt-4.1-mini")), cases(3), settings(1, 0, Duration.ofSeconds(5), 0));
        ChatEndpoint real = endpoints(run, Duration.ofSeconds(5), OpenAiChatEndpoint.MAX_BODY_BYTES).get("a");
        ChatEndpoint dying = request -> {
            if (request.contains("question 2")) {
                throw new OutOfMemoryError("Java heap space"); // as a runaway answer did before bodies had a limit
            }
            return real.complete(request);
        };
        EvalRunner.Outcome outcome = runBounded(runner(store.evalRuns(), Map.of("a", dying), recordingSleeper), run);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.message()).isEqualTo("stopped: OutOfMemoryError: Java heap space");
        assertThat(store.evalRuns().find("oom").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(store.evalRuns().completed("oom")).doesNotContain(RunStore.key("case-2", "a"));

        EvalRunner.Outcome resumed = runBounded(runner(store.evalRuns(), Map.of("a", real), recordingSleeper), store.evalRuns().find("oom").orElseThrow());
        assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(store.evalRuns().results("oom")).hasSize(3);
    }

    @Test
    void a_run_with_a_result_missing_from_the_store_is_not_completed() throws Exception {
        server.script(r -> Reply.text("ok"));
        EvalRun run = run("lost", List.of(target("a", "gpt-4.1-mini")), cases(3), settings(1, 0, Duration.ofSeconds(5), 0));
        RunStore losing = new ForwardingRunStore(store.evalRuns()) {
            @Override
            public void save(String runId, CaseResult result) {
                if (!result.caseId().equals("case-3")) {
                    super.save(runId, result); // case-3's result is lost without a word, as by a worker that died unseen
                }
            }
        };
        EvalRunner.Outcome outcome = runBounded(runner(losing, endpoints(run, Duration.ofSeconds(5), OpenAiChatEndpoint.MAX_BODY_BYTES), recordingSleeper), run);

        assertThat(outcome.status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcome.message()).isEqualTo("1 of 3 results are missing; resume the run to send them");
        assertThat(store.evalRuns().find("lost").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    /** A run store that passes every call on; tests override the call they change. */
    private static class ForwardingRunStore implements RunStore {
        private final RunStore runs;

        ForwardingRunStore(RunStore runs) {
            this.runs = runs;
        }

        @Override
        public void create(EvalRun run) {
            runs.create(run);
        }

        @Override
        public java.util.Optional<EvalRun> find(String runId) {
            return runs.find(runId);
        }

        @Override
        public List<RunSummary> list(int limit) {
            return runs.list(limit);
        }

        @Override
        public java.util.Set<String> completed(String runId) {
            return runs.completed(runId);
        }

        @Override
        public java.util.Set<String> errored(String runId) {
            return runs.errored(runId);
        }

        @Override
        public void save(String runId, CaseResult result) {
            runs.save(runId, result);
        }

        @Override
        public List<CaseResult> results(String runId) {
            return runs.results(runId);
        }

        @Override
        public void setStatus(String runId, RunStatus status, String message, Instant at) {
            runs.setStatus(runId, status, message, at);
        }
    }
}
