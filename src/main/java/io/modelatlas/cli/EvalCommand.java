package io.modelatlas.cli;

import io.modelatlas.api.EvalRunJson;
import io.modelatlas.api.Json;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.eval.ApiKey;
import io.modelatlas.eval.CaseResult;
import io.modelatlas.eval.ChatEndpoint;
import io.modelatlas.eval.EvalRun;
import io.modelatlas.eval.EvalRunner;
import io.modelatlas.eval.ModelJudge;
import io.modelatlas.eval.Pricer;
import io.modelatlas.eval.RunReport;
import io.modelatlas.eval.RunSettings;
import io.modelatlas.eval.RunStatus;
import io.modelatlas.eval.RunStore;
import io.modelatlas.eval.Scorer;
import io.modelatlas.eval.Suite;
import io.modelatlas.eval.Target;
import io.modelatlas.eval.suite.JacksonJsonChecks;
import io.modelatlas.eval.suite.SuiteLoader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", description = {"Run a suite of cases on OpenAI-compatible endpoints and compare them: pass rate, latency, time to first token, tokens and cost.",
        "Keys are read from the environment variable each target names (key-env=VAR) and are never printed or stored."})
final class EvalCommand implements Callable<Integer> {
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SUITE", description = "A suite file (.yaml) or recorded chat requests (.jsonl).")
    Path suite;

    @Option(names = "--target", paramLabel = "name=MODEL@BASE_URL[,key-env=VAR][,price-as=ID][,stream=false]",
            description = "An endpoint to evaluate (repeat for each; the first is the baseline unless --baseline says otherwise).")
    List<String> targets = new ArrayList<>();

    @Option(names = "--judge", paramLabel = "name=MODEL@BASE_URL[,key-env=VAR]", description = "The model that grades judge assertions.")
    String judge;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Continue an interrupted run: completed cases are not sent again.")
    String resume;

    @Option(names = "--retry-errors", description = "With --resume: send again the cases whose stored result is an error "
            + "(a timeout, a 5xx after the retries, a refusal); each new result replaces the error.")
    boolean retryErrors;

    @Option(names = "--concurrency", defaultValue = "4", description = "Requests in flight per target (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate-limit", defaultValue = "0", paramLabel = "PER_MINUTE", description = "Requests started per minute per target; 0 for no limit (default).")
    int perMinute;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS", description = "Longest time for one request (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--retries", defaultValue = "3", description = "Retries of a 429, 5xx, timeout or cut-off stream (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--volume", defaultValue = "100000", paramLabel = "REQUESTS", description = "Requests per month for the cost projection (default: ${DEFAULT-VALUE}).")
    long volume;

    @Option(names = "--baseline", paramLabel = "NAME", description = "The target the others are compared with (default: the first).")
    String baseline;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    EvalCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        EvalSupport support = context.eval();
        if (support == null) {
            throw new UsageException("eval is not available in this build");
        }
        if (format != OutputFormat.TABLE && format != OutputFormat.TEXT && format != OutputFormat.JSON) {
            throw new UsageException("--format must be table or json for eval, got " + format.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (retryErrors && resume == null) {
            throw new UsageException("--retry-errors goes with --resume RUN_ID: it sends again the errored cases of a run");
        }
        JacksonJsonChecks json = new JacksonJsonChecks();
        EvalRun run = resume != null ? resumed(support) : created(support, json);
        RunStore store = support.runs().get();
        if (resume == null) {
            store.create(run);
        }
        Catalog catalog = context.catalog().get();
        Pricer pricer = new Pricer(catalog);
        Duration timeout = run.settings().timeout();
        Map<String, ChatEndpoint> endpoints = new LinkedHashMap<>();
        for (Target t : run.targets()) {
            endpoints.put(t.name(), support.endpoints().open(t, key(support, t), timeout));
        }
        ModelJudge grader = run.judge() == null ? null
                : new ModelJudge(support.endpoints().open(run.judge(), key(support, run.judge()), timeout), run.settings().retries(), support.sleeper());
        int total = run.cases().size() * run.targets().size();
        int left = total - (resume == null ? 0 : store.completed(run.id()).size() - (retryErrors ? store.errored(run.id()).size() : 0));
        context.err().println((resume == null ? "started run " : "resuming run ") + run.id() + ": " + run.cases().size() + " cases on "
                + run.targets().size() + (run.targets().size() == 1 ? " target" : " targets") + " (" + (left == total ? total + " requests" : left + " of " + total + " results to go")
                + "); if it stops, continue with: modelatlas eval --resume " + run.id());
        context.err().flush();
        EvalRunner.Listener progress = quiet ? EvalRunner.Listener.NONE : this::progress;
        EvalRunner runner = new EvalRunner(store, endpoints, new Scorer(json, grader), pricer, context.clock(), support.sleeper(), support.nanoTime(), progress);
        EvalRunner.Outcome outcome;
        Thread main = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: stop sending, mark the run interrupted, and say how to resume; results already stored are kept
        Thread hook = new Thread(() -> {
            main.interrupt();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "eval-interrupt");
        boolean hooked = addHook(hook);
        try {
            outcome = runner.run(run, retryErrors);
        } catch (InterruptedException e) {
            context.err().println("interrupted: results so far are stored; continue with: modelatlas eval --resume " + run.id());
            context.err().flush();
            return Main.FAILURE;
        } finally {
            finished.countDown();
            if (hooked) {
                removeHook(hook);
            }
        }
        EvalRun latest = store.find(run.id()).orElse(run);
        List<CaseResult> results = store.results(run.id());
        RunReport report = RunReport.of(latest, results, volume(run), pricer);
        if (format == OutputFormat.JSON) {
            context.out().println(Json.write(EvalRunJson.from(report)));
        } else {
            context.out().print(EvalReportText.of(report));
        }
        if (outcome.status() != RunStatus.COMPLETED) {
            context.err().println("error: the run did not complete: " + outcome.message());
            return Main.FAILURE;
        }
        return Main.OK;
    }

    private long volume(EvalRun run) {
        return volume != 100_000 ? volume : run.settings().monthlyVolume();
    }

    private void progress(CaseResult r, int done, int total) {
        String time = r.latency() == null ? "" : String.format(java.util.Locale.ROOT, " in %.2f s", r.latency().toMillis() / 1000.0);
        context.err().println("[" + done + "/" + total + "] " + r.target() + " " + r.caseId() + ": " + r.status().label() + time
                + (r.attempts() > 1 ? " after " + r.attempts() + " attempts" : ""));
        context.err().flush();
    }

    private EvalRun created(EvalSupport support, JacksonJsonChecks json) {
        if (suite == null) {
            throw new UsageException("give a SUITE file to run, or --resume RUN_ID to continue a run");
        }
        if (targets.isEmpty()) {
            throw new UsageException("give at least one --target name=MODEL@BASE_URL[,key-env=VAR]");
        }
        Suite s = new SuiteLoader(json).load(suite);
        List<Target> parsed = targets.stream().map(Target::parse).toList();
        Target judgeTarget = judge == null ? null : Target.parse(judge);
        for (Target t : parsed) {
            key(support, t); // a missing key fails before anything is stored or sent
        }
        if (judgeTarget != null) {
            key(support, judgeTarget);
        }
        RunSettings settings = new RunSettings(concurrency, perMinute, Duration.ofSeconds(timeoutSeconds), retries, Duration.ofSeconds(1),
                Duration.ofSeconds(60), volume, baseline);
        return new EvalRun(newRunId(), context.clock().instant(), s.name(), s.file(), s.sha256(), parsed, judgeTarget, s.cases(), settings,
                RunStatus.RUNNING, null);
    }

    private EvalRun resumed(EvalSupport support) {
        if (!targets.isEmpty() || judge != null) {
            throw new UsageException("a resumed run keeps the targets it started with; leave out --target and --judge");
        }
        EvalRun run = support.runs().get().find(resume).orElseThrow(() ->
                new UsageException("no eval run '" + resume + "'; list the runs with: modelatlas eval-report"));
        if (suite != null) {
            String sha = new SuiteLoader(new JacksonJsonChecks()).load(suite).sha256();
            if (!sha.equals(run.suiteSha256())) {
                context.err().println("warning: " + suite + " changed since the run started; the run's own copy of the cases is used");
            }
        }
        for (Target t : run.targets()) {
            key(support, t);
        }
        if (run.judge() != null) {
            key(support, run.judge());
        }
        return run;
    }

    private static ApiKey key(EvalSupport support, Target t) {
        if (t.keyEnv() == null) {
            return ApiKey.none();
        }
        String value = support.environment().apply(t.keyEnv());
        if (value == null || value.isBlank()) {
            throw new UsageException("target " + t.name() + ": the environment variable " + t.keyEnv() + " (its key-env) is not set");
        }
        return ApiKey.of(value);
    }

    private String newRunId() {
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        return RUN_TIME.format(context.clock().instant()) + "-" + HexFormat.of().formatHex(random);
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false; // already shutting down
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running
        }
    }
}
