package io.modelatlas.eval;

import io.modelatlas.text.Clip;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs a suite's cases on every target: per target, at most {@code concurrency} requests in flight and at most
 * {@code perMinute} started a minute; 429, 5xx, timeouts and cut-off streams retried with doubling backoff (a longer
 * Retry-After wins); each result stored on its own as soon as it is scored, so an interrupted run resumes where it
 * stopped. Cases already stored for the run are not sent again.
 *
 * <p>A case's own failure (an assertion, a rejected request, retries used up) is data: it is stored and the run goes
 * on. A target whose key or model is rejected stops getting requests, and the run ends FAILED without storing those
 * cases, so that a resume sends them once the target is fixed. A store that cannot take a result stops the run, and so
 * does anything else a case throws (an {@link Error} such as running out of memory included). A run is COMPLETED only
 * when every case has a stored result on every target; otherwise it ends FAILED, and a resume sends what is missing.
 */
public final class EvalRunner {

    /** Waits; tests pass one that records the waits. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        Sleeper REAL = d -> TimeUnit.NANOSECONDS.sleep(d.toNanos());
    }

    /** Told of each stored result, from the worker threads. */
    @FunctionalInterface
    public interface Listener {
        void completed(CaseResult result, int done, int total);

        Listener NONE = (r, d, t) -> { };
    }

    /** How the run ended: its status, why when not completed, and how many results this invocation stored. */
    public record Outcome(RunStatus status, String message, int stored, int skipped) {}

    private final RunStore store;
    private final Map<String, ChatEndpoint> endpoints;
    private final Scorer scorer;
    private final Pricer pricer;
    private final Clock clock;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private final Listener listener;

    public EvalRunner(RunStore store, Map<String, ChatEndpoint> endpoints, Scorer scorer, Pricer pricer, Clock clock, Sleeper sleeper,
                      LongSupplier nanoTime, Listener listener) {
        this.store = store;
        this.endpoints = Map.copyOf(endpoints);
        this.scorer = scorer;
        this.pricer = pricer;
        this.clock = clock;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.listener = listener;
    }

    /**
     * Sends every case not yet stored for the run and stores the results. Returns when all are done, a target was
     * stopped, or the store failed; when the calling thread is interrupted it abandons the requests in flight, marks the
     * run INTERRUPTED and throws.
     */
    public Outcome run(EvalRun run) throws InterruptedException {
        return run(run, false);
    }

    /** As {@link #run(EvalRun)}; with {@code retryErrors}, cases whose stored result is an error are sent again too. */
    public Outcome run(EvalRun run, boolean retryErrors) throws InterruptedException {
        Set<String> done = new HashSet<>(store.completed(run.id()));
        if (retryErrors) {
            done.removeAll(store.errored(run.id()));
        }
        store.setStatus(run.id(), RunStatus.RUNNING, null, clock.instant());
        int total = run.cases().size() * run.targets().size();
        AtomicInteger finished = new AtomicInteger(done.size());
        AtomicInteger stored = new AtomicInteger();
        Map<String, String> stopped = new ConcurrentHashMap<>();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        List<ExecutorService> pools = new ArrayList<>();
        int skipped = 0;
        for (Target target : run.targets()) {
            ChatEndpoint endpoint = endpoints.get(target.name());
            if (endpoint == null) {
                throw new IllegalStateException("no endpoint for target " + target.name());
            }
            AtomicInteger n = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(run.settings().concurrency(), r -> {
                Thread t = new Thread(r, "eval-" + target.name() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            pools.add(pool);
            Pacer pacer = new Pacer(run.settings().perMinute(), nanoTime, sleeper);
            for (EvalCase c : run.cases()) {
                if (done.contains(RunStore.key(c.id(), target.name()))) {
                    skipped++;
                    continue;
                }
                pool.execute(() -> {
                    if (stopped.containsKey(target.name()) || fatal.get() != null || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    try {
                        CaseResult r = runCase(run, target, endpoint, pacer, c, stopped);
                        if (r != null) {
                            store.save(run.id(), r);
                            stored.incrementAndGet();
                            listener.completed(r, finished.incrementAndGet(), total);
                        }
                    } catch (CancellationException | InterruptedException e) {
                        Thread.currentThread().interrupt(); // abandoned: nothing stored, the case is sent again on resume
                    } catch (RuntimeException | Error e) {
                        // without this an Error would end the worker silently, and the run would look complete without the case
                        fatal.compareAndSet(null, e);
                    }
                });
            }
            pool.shutdown();
        }
        try {
            for (ExecutorService pool : pools) {
                while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                    if (fatal.get() != null) {
                        pools.forEach(ExecutorService::shutdownNow);
                    }
                }
            }
        } catch (InterruptedException e) {
            pools.forEach(ExecutorService::shutdownNow);
            for (ExecutorService pool : pools) {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
            store.setStatus(run.id(), RunStatus.INTERRUPTED, "interrupted after " + finished.get() + " of " + total + " results", clock.instant());
            throw e;
        }
        if (fatal.get() != null) {
            Throwable e = fatal.get();
            String why = "stopped: " + (e instanceof Error ? e.getClass().getSimpleName() + ": " : "") + e.getMessage();
            trySetStatus(run.id(), RunStatus.FAILED, why);
            return new Outcome(RunStatus.FAILED, why, stored.get(), skipped);
        }
        if (!stopped.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            stopped.forEach((t, why) -> reasons.add("target " + t + ": " + why));
            reasons.sort(null);
            String why = String.join("; ", reasons) + "; fix it and resume the run";
            store.setStatus(run.id(), RunStatus.FAILED, why, clock.instant());
            return new Outcome(RunStatus.FAILED, why, stored.get(), skipped);
        }
        int missing = missing(run);
        if (missing > 0) {
            String why = missing + " of " + total + " results are missing; resume the run to send them";
            store.setStatus(run.id(), RunStatus.FAILED, why, clock.instant());
            return new Outcome(RunStatus.FAILED, why, stored.get(), skipped);
        }
        store.setStatus(run.id(), RunStatus.COMPLETED, null, clock.instant());
        return new Outcome(RunStatus.COMPLETED, null, stored.get(), skipped);
    }

    /** How many case and target pairs have no stored result: checked in the store, not counted, so no lost task can hide. */
    private int missing(EvalRun run) {
        Set<String> have = store.completed(run.id());
        int missing = 0;
        for (Target t : run.targets()) {
            for (EvalCase c : run.cases()) {
                if (!have.contains(RunStore.key(c.id(), t.name()))) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private void trySetStatus(String runId, RunStatus status, String why) {
        try {
            store.setStatus(runId, status, why, clock.instant());
        } catch (RuntimeException ignored) {
            // the store is what failed; the outcome still says why
        }
    }

    /** One case on one target with its retries; null when the target was stopped by this case. */
    private CaseResult runCase(EvalRun run, Target target, ChatEndpoint endpoint, Pacer pacer, EvalCase c, Map<String, String> stopped)
            throws InterruptedException {
        RunSettings s = run.settings();
        int attempts = 0;
        while (true) {
            pacer.acquire();
            attempts++;
            Completion answer;
            try {
                answer = endpoint.complete(c.requestJson());
            } catch (EndpointException e) {
                if (e.kind().stopsTarget()) {
                    stopped.putIfAbsent(target.name(), describe(e));
                    return null;
                }
                if (!e.kind().retriable() || attempts > s.retries()) {
                    String why = describe(e) + (e.kind().retriable() ? " (after " + attempts + " attempts)" : "");
                    return errored(c, target, why, attempts);
                }
                Duration wait = s.backoff().multipliedBy(1L << Math.min(20, attempts - 1));
                if (e.retryAfter() != null) {
                    if (e.retryAfter().compareTo(s.maxWait()) > 0) {
                        return errored(c, target, describe(e) + ": Retry-After " + e.retryAfter().toSeconds()
                                + " s is longer than the longest wait (" + s.maxWait().toSeconds() + " s)", attempts);
                    }
                    wait = wait.compareTo(e.retryAfter()) < 0 ? e.retryAfter() : wait;
                }
                sleeper.sleep(wait.compareTo(s.maxWait()) > 0 ? s.maxWait() : wait);
                continue;
            }
            Pricer.Priced cost = pricer.price(target, answer.inputTokens(), answer.cachedInputTokens(), answer.outputTokens(), answer.reasoningTokens());
            List<AssertionResult> checks = scorer.score(c, answer, cost.usd());
            return new CaseResult(c.id(), target.name(), Scorer.status(checks), answer.text(), null, answer.inputTokens(),
                    answer.cachedInputTokens(), answer.outputTokens(), answer.usageMeasured(), cost.usd(), cost.note(), answer.latency(),
                    answer.timeToFirstToken(), attempts, checks, clock.instant());
        }
    }

    private CaseResult errored(EvalCase c, Target target, String why, int attempts) {
        return new CaseResult(c.id(), target.name(), CaseStatus.ERRORED, null, why, 0, 0, 0, false, (BigDecimal) null, null, null, null,
                attempts, List.of(), clock.instant());
    }

    private static String describe(EndpointException e) {
        String kind = e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return kind + (e.status() > 0 ? " (HTTP " + e.status() + ")" : "") + ": " + Clip.clip(e.getMessage(), 300);
    }
}
