package io.modelatlas.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run's report, computed from its stored results: per target the pass rate, latency and time to first token (p50,
 * p95), output speed, tokens, measured cost per case and the monthly projection at a volume; the verdict of each target
 * against the baseline; and the answers side by side with their differences from the baseline's answer. Money stays
 * exact here; it is rounded where it is shown.
 */
public record RunReport(EvalRun run, long monthlyVolume, List<TargetStats> targets, List<Verdict> verdicts, List<CaseRow> cases) {

    /**
     * @param passRate      passed over stored results; null when none is stored
     * @param costPerCase   the mean exact cost of the answered cases with a known price; null when none has one
     * @param monthlyUsd    {@code costPerCase} times the monthly volume
     * @param usageCounted  how many answers had no usage from the endpoint, so their tokens were counted from the text
     */
    public record TargetStats(Target target, String pricedAs, int cases, int results, int passed, int failed, int errored,
                              BigDecimal passRate, Duration latencyP50, Duration latencyP95, Duration ttftP50, Duration ttftP95,
                              Double outputTokensPerSecondP50, long inputTokens, long outputTokens, int usageCounted,
                              BigDecimal costUsd, BigDecimal costPerCase, BigDecimal monthlyUsd, String costNote) {
        public int pending() {
            return cases - results;
        }
    }

    /** One target against the baseline, in words; {@code costRatio} is null when either cost is unknown. */
    public record Verdict(String target, String baseline, int baselinePassing, int alsoPassing, int onlyThisPasses,
                          BigDecimal costRatio, String sentence) {}

    /** A case with one cell per target, in target order. */
    public record CaseRow(EvalCase evalCase, List<Cell> cells) {
        /** Whether the targets did not all come out the same on this case (a pending answer counts as its own outcome). */
        public boolean differs() {
            return cells.stream().map(c -> c.result() == null ? "pending" : c.result().status().label()).distinct().count() > 1;
        }
    }

    /** A target's answer to a case; {@code result} is null while the case is pending, {@code segments} null when not compared. */
    public record Cell(String target, boolean baseline, CaseResult result, List<WordDiff.Segment> segments) {}

    public static RunReport of(EvalRun run, List<CaseResult> results, long monthlyVolume, Pricer pricer) {
        Map<String, Map<String, CaseResult>> byTarget = new HashMap<>();
        for (CaseResult r : results) {
            byTarget.computeIfAbsent(r.target(), k -> new HashMap<>()).put(r.caseId(), r);
        }
        List<TargetStats> stats = new ArrayList<>();
        for (Target t : run.targets()) {
            stats.add(stats(run, t, byTarget.getOrDefault(t.name(), Map.of()), monthlyVolume, pricer));
        }
        Target base = run.baseline();
        List<Verdict> verdicts = new ArrayList<>();
        for (Target t : run.targets()) {
            if (!t.name().equals(base.name())) {
                verdicts.add(verdict(run, base, t, byTarget.getOrDefault(base.name(), Map.of()), byTarget.getOrDefault(t.name(), Map.of()),
                        stats.get(run.targets().indexOf(t))));
            }
        }
        List<CaseRow> rows = new ArrayList<>();
        for (EvalCase c : run.cases()) {
            CaseResult baseResult = byTarget.getOrDefault(base.name(), Map.of()).get(c.id());
            List<Cell> cells = new ArrayList<>();
            for (Target t : run.targets()) {
                CaseResult r = byTarget.getOrDefault(t.name(), Map.of()).get(c.id());
                boolean isBase = t.name().equals(base.name());
                List<WordDiff.Segment> segments = null;
                if (r != null && r.answered()) {
                    segments = isBase || baseResult == null || !baseResult.answered() ? WordDiff.plain(r.output())
                            : WordDiff.against(baseResult.output(), r.output());
                }
                cells.add(new Cell(t.name(), isBase, r, segments));
            }
            rows.add(new CaseRow(c, cells));
        }
        return new RunReport(run, monthlyVolume, stats, verdicts, rows);
    }

    private static TargetStats stats(EvalRun run, Target t, Map<String, CaseResult> results, long volume, Pricer pricer) {
        List<CaseResult> rs = run.cases().stream().map(c -> results.get(c.id())).filter(Objects::nonNull).toList();
        List<CaseResult> answered = rs.stream().filter(CaseResult::answered).toList();
        int passed = count(rs, CaseStatus.PASSED);
        List<Duration> latencies = answered.stream().map(CaseResult::latency).filter(Objects::nonNull).sorted().toList();
        List<Duration> ttfts = answered.stream().map(CaseResult::timeToFirstToken).filter(Objects::nonNull).sorted().toList();
        List<Double> speeds = answered.stream().map(CaseResult::outputTokensPerSecond).filter(Objects::nonNull).sorted().toList();
        List<CaseResult> priced = answered.stream().filter(r -> r.costUsd() != null).toList();
        BigDecimal cost = priced.isEmpty() ? null : priced.stream().map(CaseResult::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros();
        BigDecimal perCase = cost == null ? null : cost.divide(BigDecimal.valueOf(priced.size()), MathContext.DECIMAL64).stripTrailingZeros();
        String note = answered.stream().map(CaseResult::costNote).filter(Objects::nonNull).findFirst().orElse(null);
        if (note == null && !answered.isEmpty() && priced.size() < answered.size()) {
            note = (answered.size() - priced.size()) + " answers have no known cost";
        }
        return new TargetStats(t, pricer == null ? null : pricer.pricedId(t), run.cases().size(), rs.size(), passed,
                count(rs, CaseStatus.FAILED), count(rs, CaseStatus.ERRORED),
                rs.isEmpty() ? null : BigDecimal.valueOf(passed).divide(BigDecimal.valueOf(rs.size()), MathContext.DECIMAL64),
                percentile(latencies, 50), percentile(latencies, 95), percentile(ttfts, 50), percentile(ttfts, 95), percentile(speeds, 50),
                answered.stream().mapToLong(CaseResult::inputTokens).sum(), answered.stream().mapToLong(CaseResult::outputTokens).sum(),
                (int) answered.stream().filter(r -> !r.usageMeasured()).count(), cost, perCase,
                perCase == null ? null : perCase.multiply(BigDecimal.valueOf(volume)).stripTrailingZeros(), note);
    }

    private static int count(List<CaseResult> rs, CaseStatus s) {
        return (int) rs.stream().filter(r -> r.status() == s).count();
    }

    /** Nearest-rank percentile of a sorted list; null when empty. */
    static <T> T percentile(List<T> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static Verdict verdict(EvalRun run, Target base, Target t, Map<String, CaseResult> a, Map<String, CaseResult> b, TargetStats bStats) {
        int baselinePassing = 0;
        int also = 0;
        int onlyB = 0;
        BigDecimal costA = BigDecimal.ZERO;
        BigDecimal costB = BigDecimal.ZERO;
        int pricedBoth = 0;
        int answeredBoth = 0;
        for (EvalCase c : run.cases()) {
            CaseResult ra = a.get(c.id());
            CaseResult rb = b.get(c.id());
            boolean aPass = ra != null && ra.status() == CaseStatus.PASSED;
            boolean bPass = rb != null && rb.status() == CaseStatus.PASSED;
            baselinePassing += aPass ? 1 : 0;
            also += aPass && bPass ? 1 : 0;
            onlyB += !aPass && bPass ? 1 : 0;
            if (ra != null && rb != null && ra.answered() && rb.answered()) {
                answeredBoth++;
                if (ra.costUsd() != null && rb.costUsd() != null) {
                    pricedBoth++;
                    costA = costA.add(ra.costUsd());
                    costB = costB.add(rb.costUsd());
                }
            }
        }
        BigDecimal ratio = pricedBoth > 0 && pricedBoth == answeredBoth && costA.signum() > 0
                ? costB.divide(costA, MathContext.DECIMAL64) : null;
        StringBuilder s = new StringBuilder();
        if (baselinePassing == 0) {
            s.append(base.name()).append(" passes no case, so there is nothing to match; ").append(t.name()).append(" passes ")
                    .append(bStats.passed()).append(" of ").append(run.cases().size()).append(" cases");
        } else {
            s.append(t.name()).append(" passes ").append(also).append(" of ").append(base.name()).append("'s ").append(baselinePassing)
                    .append(" passing ").append(baselinePassing == 1 ? "case" : "cases");
        }
        if (ratio != null) {
            s.append(" at ").append(costPhrase(ratio));
        } else if (answeredBoth > 0) {
            s.append("; the cost cannot be compared (").append(bStats.costNote() != null ? bStats.costNote() : "no known price for " + base.name()).append(")");
        }
        s.append('.');
        if (onlyB > 0) {
            s.append(' ').append(t.name()).append(" also passes ").append(onlyB).append(onlyB == 1 ? " case " : " cases ").append(base.name()).append(" does not.");
        }
        int pending = (int) run.cases().stream().filter(c -> a.get(c.id()) == null || b.get(c.id()) == null).count();
        if (pending > 0) {
            s.append(' ').append(pending).append(pending == 1 ? " case is" : " cases are").append(" still pending.");
        }
        return new Verdict(t.name(), base.name(), baselinePassing, also, onlyB, ratio, s.toString());
    }

    /** "21% of the cost", "the same cost", "2.4 times the cost": rounded here, once. */
    static String costPhrase(BigDecimal ratio) {
        if (ratio.compareTo(BigDecimal.ONE) == 0) {
            return "the same cost";
        }
        if (ratio.compareTo(BigDecimal.ONE) < 0) {
            BigDecimal pct = ratio.movePointRight(2);
            pct = pct.compareTo(BigDecimal.TEN) < 0 ? pct.setScale(1, RoundingMode.HALF_EVEN) : pct.setScale(0, RoundingMode.HALF_EVEN);
            return pct.stripTrailingZeros().toPlainString() + "% of the cost";
        }
        return ratio.setScale(ratio.compareTo(BigDecimal.TEN) < 0 ? 1 : 0, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                + " times the cost";
    }

    public TargetStats stats(String target) {
        return targets.stream().filter(s -> s.target().name().equals(target)).findFirst().orElseThrow();
    }
}
