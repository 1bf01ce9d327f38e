package io.modelatlas.eval;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.FakeOpenAi.Reply;
import io.modelatlas.eval.openai.OpenAiChatEndpoint;
import io.modelatlas.eval.suite.JacksonJsonChecks;
import io.modelatlas.eval.suite.SuiteLoader;
import io.modelatlas.tokens.TokenCounters;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A fixed run for golden reports: a small support suite on gpt-4.1 and gpt-4.1-mini with a judge, scripted answers and
 * usage, a fixed clock, and measuring clocks that step by scripted amounts, so that every figure of the report is the
 * same on every run. Base URLs carry the fake server's port: {@link #normalise} replaces it.
 */
public final class GoldenRun {
    public static final String ID = "20261123-100000-golden";
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final String SUITE = """
            name: support-triage
            defaults:
              request: {temperature: 0}
              system: You answer customer-support questions for an online shop, briefly.
            cases:
              - id: refund-window
                prompt: "Can I get a refund 40 days after purchase?"
                assert:
                  - contains: 30 days
                  - judge: Says no and cites the 30-day refund window, politely.
              - id: refund-json
                prompt: "Answer as JSON with keys answer and days: can I return an item after 40 days?"
                response_format: {type: json_object}
                assert:
                  - json_schema:
                      type: object
                      required: [answer, days]
                      properties:
                        answer: {type: string}
                        days: {type: integer}
                  - max_cost_usd: 0.001
              - id: greet
                prompt: "Greet {{name}} in French, in three words or fewer."
                vars: {name: Ada}
                assert:
                  - regex: "(?i)bonjour"
                  - max_latency_ms: 500
            """;

    private GoldenRun() {}

    /** Runs the suite into {@code store} and returns the run. */
    public static EvalRun create(RunStore store, Catalog catalog, Path dir) throws Exception {
        Path file = dir.resolve("support-triage.yaml");
        Files.writeString(file, SUITE);
        Suite suite = new SuiteLoader(new JacksonJsonChecks()).load(file);
        try (FakeOpenAi server = new FakeOpenAi(null)) {
            server.script(GoldenRun::reply);
            Target big = new Target("gpt-4.1", "gpt-4.1", server.baseUrl(), "OPENAI_API_KEY", null, true);
            Target mini = new Target("gpt-4.1-mini", "gpt-4.1-mini", server.baseUrl(), "OPENAI_API_KEY", null, true);
            Target judge = new Target("judge", "judge-model", server.baseUrl(), null, "gpt-4.1", false);
            RunSettings settings = new RunSettings(1, 0, Duration.ofSeconds(10), 0, Duration.ofSeconds(1), Duration.ofSeconds(60), 1_000_000, null);
            EvalRun run = new EvalRun(ID, CLOCK.instant(), suite.name(), "support-triage.yaml", suite.sha256(), List.of(big, mini), judge, suite.cases(),
                    settings, RunStatus.RUNNING, null);
            store.create(run);
            Map<String, ChatEndpoint> endpoints = new LinkedHashMap<>();
            endpoints.put(big.name(), endpoint(big, steps(180, 420, 95, 260)));
            endpoints.put(mini.name(), endpoint(mini, steps(90, 160, 70, 40, 110)));
            ModelJudge grader = new ModelJudge(endpoint(judge, steps(1)));
            new EvalRunner(store, endpoints, new Scorer(new JacksonJsonChecks(), grader), new Pricer(catalog), CLOCK, d -> { }, System::nanoTime,
                    EvalRunner.Listener.NONE).run(run);
            return store.find(ID).orElseThrow();
        }
    }

    /** The text with the fake server's port replaced, so golden files do not depend on it. */
    public static String normalise(String text) {
        return text.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
    }

    private static ChatEndpoint endpoint(Target t, LongSupplier ticker) {
        return new OpenAiChatEndpoint(HttpClient.newHttpClient(), t, ApiKey.of("sk-golden-never-shown"), Duration.ofSeconds(10),
                TokenCounters.forEncoding("o200k_base"), ticker, CLOCK);
    }

    /** A clock that advances by the given milliseconds in turn, one step per reading. */
    private static LongSupplier steps(long... millis) {
        AtomicLong now = new AtomicLong();
        AtomicLong i = new AtomicLong();
        return () -> now.addAndGet(millis[(int) (i.getAndIncrement() % millis.length)] * 1_000_000L);
    }

    private static Reply reply(FakeOpenAi.Request r) {
        String q = r.userMessage();
        if (r.model().equals("judge-model")) {
            return q.contains("30 days") && !q.contains("Sure")
                    ? Reply.text("{\"pass\": true, \"reason\": \"Declines and cites the 30-day window.\"}").withUsage(120, 14)
                    : Reply.text("{\"pass\": false, \"reason\": \"Does not cite the 30-day window.\"}").withUsage(120, 13);
        }
        boolean big = r.model().equals("gpt-4.1");
        if (q.startsWith("Can I get a refund")) {
            return big ? Reply.text("No. Refunds are accepted within 30 days of purchase, so a return after 40 days is not possible.").withUsage(52, 22)
                    : Reply.text("No, refunds are only accepted within 30 days of purchase.").withUsage(52, 13);
        }
        if (q.startsWith("Answer as JSON")) {
            return big ? Reply.text("{\"answer\": \"no\", \"days\": 30}").withUsage(61, 12)
                    : Reply.text("```json\n{\"answer\": \"no\", \"days\": \"30\"}\n```").withUsage(61, 17);
        }
        return big ? Reply.text("Bonjour, Ada !").withUsage(38, 6) : Reply.text("Bonjour Ada !").withoutUsage();
    }
}
