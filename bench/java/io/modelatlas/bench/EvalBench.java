package io.modelatlas.bench;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.ApiKey;
import io.modelatlas.eval.Assertion;
import io.modelatlas.eval.ChatEndpoint;
import io.modelatlas.eval.EvalCase;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.EvalRunner;
import io.modelatlas.eval.FakeOpenAiServer;
import io.modelatlas.eval.Pricer;
import io.modelatlas.eval.RunSettings;
import io.modelatlas.eval.RunStatus;
import io.modelatlas.eval.Scorer;
import io.modelatlas.eval.Target;
import io.modelatlas.eval.WordDiff;
import io.modelatlas.eval.openai.OpenAiChatEndpoint;
import io.modelatlas.eval.suite.JacksonJsonChecks;
import io.modelatlas.fixtures.Fixtures;
import io.modelatlas.store.Store;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the eval harness itself costs, against an in-process endpoint that answers at once (a 200-word answer streamed
 * word by word with usage): 50 cases through the whole runner (stream parsing, scoring, pricing, one SQLite write per
 * result) at concurrency 1 and 8, beside the same 50 requests sent by the client alone; and the word diff of the
 * longest answers a report compares.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EvalBench {
    private static final int CASES = 50;
    @Param({"1", "8"})
    public int concurrency;

    private FakeOpenAiServer server;
    private Store store;
    private Target target;
    private ChatEndpoint endpoint;
    private List<EvalCase> cases;
    private final AtomicInteger runs = new AtomicInteger();
    private final Catalog catalog = Catalog.of(List.of(Fixtures.gpt41Mini()));
    private String longA;
    private String longB;

    @Setup(Level.Trial)
    public void start() throws Exception {
        server = new FakeOpenAiServer(null);
        String answer = IntStream.range(0, 200).mapToObj(i -> "word" + (i % 37)).reduce((a, b) -> a + " " + b).orElseThrow();
        server.answerAll(answer);
        store = Store.open("jdbc:sqlite:" + Files.createTempDirectory("evalbench").resolve("bench.db"));
        target = new Target("a", "gpt-4.1-mini", server.baseUrl(), null, null, true);
        endpoint = new OpenAiChatEndpoint(HttpClient.newHttpClient(), target, ApiKey.none(), Duration.ofSeconds(30),
                io.modelatlas.tokens.TokenCounters.forEncoding("o200k_base"), System::nanoTime, Clock.systemUTC());
        cases = IntStream.range(0, CASES).mapToObj(i -> new EvalCase("case-" + i, "{\"messages\":[{\"role\":\"user\",\"content\":\"question " + i + "\"}]}",
                "question " + i, List.of(new Assertion.Contains("word36"), new Assertion.Regex(Pattern.compile("word1\\d"))))).toList();
        longA = IntStream.range(0, WordDiff.MAX_WORDS).mapToObj(i -> "w" + (i % 101)).reduce((a, b) -> a + " " + b).orElseThrow();
        longB = IntStream.range(0, WordDiff.MAX_WORDS).mapToObj(i -> "w" + (i % 97)).reduce((a, b) -> a + " " + b).orElseThrow();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
        store.close();
    }

    @Benchmark
    public EvalRunner.Outcome runnerFiftyCases() throws InterruptedException {
        RunSettings settings = new RunSettings(concurrency, 0, Duration.ofSeconds(30), 0, Duration.ofSeconds(1), Duration.ofSeconds(60), 100_000, null);
        EvalRun run = new EvalRun("bench-" + concurrency + "-" + runs.incrementAndGet(), Clock.systemUTC().instant(), "bench", "bench.yaml",
                "0".repeat(64), List.of(target), null, cases, settings, RunStatus.RUNNING, null);
        store.evalRuns().create(run);
        return new EvalRunner(store.evalRuns(), Map.of("a", endpoint), new Scorer(new JacksonJsonChecks(), null), new Pricer(catalog),
                Clock.systemUTC(), EvalRunner.Sleeper.REAL, System::nanoTime, EvalRunner.Listener.NONE).run(run);
    }

    @Benchmark
    public int clientAloneFiftyRequests() {
        int chars = 0;
        for (EvalCase c : cases) {
            chars += endpoint.complete(c.requestJson()).text().length();
        }
        return chars;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<WordDiff.Segment> wordDiffOfTheLongestAnswers() {
        return WordDiff.against(longA, longB);
    }
}
