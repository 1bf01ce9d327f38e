package io.modelatlas.replay;

import io.modelatlas.catalog.Model;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.Tier;
import io.modelatlas.pricing.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Prices a whole request log on several models in O(requests + models) time and constant memory. Cost is linear in
 * token counts except at long-context thresholds, so requests are summed per bucket of crossed thresholds (the union
 * of every target model's thresholds) and each bucket is priced once per model. Context and output-limit overflows
 * are counted from histograms over the distinct limits. Per-request percentiles come from a uniform sample of requests
 * (exact for logs no larger than the sample), as the report says: up to {@link #MAX_SAMPLE} requests, fewer when
 * there are many models, so that pricing the sample costs at most {@link #PRICING_BUDGET} request pricings in all.
 */
public final class Replay {
    public static final int MAX_SAMPLE = 10_000;
    public static final int MIN_SAMPLE = 500;
    public static final long PRICING_BUDGET = 2_000_000;

    private final List<Model> models;
    private final long[] thresholds;
    private final Map<String, long[]> buckets = new HashMap<>();
    private final long[] contextLimits;
    private final long[] outputLimits;
    private final long[] overContext;
    private final long[] overOutput;
    private final List<LoggedRequest> sample = new ArrayList<>();
    private final Random random = new Random(42);
    private final Map<String, Long> recordedOn = new HashMap<>();
    private final int sampleSize;
    private long requests;
    private Instant first;
    private Instant last;

    public Replay(List<Model> models) {
        this.models = List.copyOf(models);
        this.sampleSize = (int) Math.max(MIN_SAMPLE, Math.min(MAX_SAMPLE, PRICING_BUDGET / Math.max(1, models.size())));
        TreeSet<Long> t = new TreeSet<>();
        TreeSet<Long> ctx = new TreeSet<>();
        TreeSet<Long> out = new TreeSet<>();
        for (Model m : models) {
            m.prices().ifPresent(s -> {
                for (List<Tier> tiers : s.tiers().values()) {
                    tiers.forEach(x -> t.add(x.threshold()));
                }
            });
            if (m.contextWindow() != null) {
                ctx.add(m.contextWindow().value());
            }
            if (m.maxOutputTokens() != null) {
                out.add(m.maxOutputTokens().value());
            }
        }
        thresholds = t.stream().mapToLong(Long::longValue).toArray();
        contextLimits = ctx.stream().mapToLong(Long::longValue).toArray();
        outputLimits = out.stream().mapToLong(Long::longValue).toArray();
        overContext = new long[contextLimits.length + 1];
        overOutput = new long[outputLimits.length + 1];
    }

    public void add(LoggedRequest r) {
        requests++;
        // bucket key: for each threshold, whether the request is above it and whether it is at or above it
        StringBuilder key = new StringBuilder(thresholds.length * 2);
        for (long t : thresholds) {
            key.append(r.inputTokens() > t ? '1' : '0').append(r.inputTokens() >= t ? '1' : '0');
        }
        long[] sums = buckets.computeIfAbsent(key.toString(), k -> new long[4]);
        sums[0] += r.inputTokens();
        sums[1] += r.cachedInputTokens();
        sums[2] += r.outputTokens();
        sums[3] += 1;
        overContext[countBelow(contextLimits, r.inputTokens() + r.outputTokens())]++;
        overOutput[countBelow(outputLimits, r.outputTokens())]++;
        if (r.model() != null) {
            recordedOn.merge(r.model(), 1L, Long::sum);
        }
        if (r.timestamp() != null) {
            first = first == null || r.timestamp().isBefore(first) ? r.timestamp() : first;
            last = last == null || r.timestamp().isAfter(last) ? r.timestamp() : last;
        }
        if (sample.size() < sampleSize) {
            sample.add(r);
        } else {
            long j = (long) (random.nextDouble() * requests);
            if (j < sampleSize) {
                sample.set((int) j, r);
            }
        }
    }

    /** How many limits are strictly below {@code n}: the index of the histogram cell to count {@code n} in. */
    private static int countBelow(long[] limits, long n) {
        int i = Arrays.binarySearch(limits, n);
        return i >= 0 ? i : -i - 1;
    }

    public long requests() {
        return requests;
    }

    /** One model's result: null money means its price is unknown (never $0). */
    public record ModelResult(String modelId, String name, BigDecimal totalUsd, BigDecimal per1000Usd, BigDecimal monthlyUsd,
                              BigDecimal p50Usd, BigDecimal p95Usd, BigDecimal maxUsd, long overContext, long overMaxOutput,
                              BigDecimal savingVsRecordedUsd, String note) {}

    public List<ModelResult> results() {
        BigDecimal months = monthsSpanned();
        String recorded = recordedOn.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        Map<String, BigDecimal> totals = new HashMap<>();
        List<ModelResult> out = new ArrayList<>();
        for (Model m : models) {
            PriceSheet sheet = m.prices().orElse(null);
            long overCtx = m.contextWindow() == null ? 0 : above(overContext, contextLimits, m.contextWindow().value());
            long overOut = m.maxOutputTokens() == null ? 0 : above(overOutput, outputLimits, m.maxOutputTokens().value());
            if (sheet == null) {
                out.add(new ModelResult(m.id(), m.displayName(), null, null, null, null, null, null, overCtx, overOut, null, "price unknown"));
                continue;
            }
            try {
                BigDecimal total = BigDecimal.ZERO;
                for (long[] b : buckets.values()) {
                    total = total.add(priceBucket(sheet, b));
                }
                List<BigDecimal> costs = new ArrayList<>(sample.size());
                for (LoggedRequest r : sample) {
                    costs.add(CostCalculator.price(sheet, Usage.of(r.inputTokens(), r.cachedInputTokens(), r.outputTokens())).totalUsd());
                }
                costs.sort(BigDecimal::compareTo);
                totals.put(m.id(), total);
                BigDecimal per1000 = requests == 0 ? BigDecimal.ZERO : total.multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(requests), MathContext.DECIMAL64);
                BigDecimal monthly = months == null ? null : total.divide(months, MathContext.DECIMAL64);
                out.add(new ModelResult(m.id(), m.displayName(), total, per1000, monthly, percentile(costs, 50), percentile(costs, 95),
                        costs.isEmpty() ? null : costs.get(costs.size() - 1), overCtx, overOut, null, null));
            } catch (PriceUnknownException e) {
                out.add(new ModelResult(m.id(), m.displayName(), null, null, null, null, null, null, overCtx, overOut, null, e.getMessage()));
            }
        }
        BigDecimal base = recorded == null ? null : totals.get(recorded);
        if (base != null) {
            out.replaceAll(r -> r.totalUsd() == null ? r : new ModelResult(r.modelId(), r.name(), r.totalUsd(), r.per1000Usd(), r.monthlyUsd(),
                    r.p50Usd(), r.p95Usd(), r.maxUsd(), r.overContext(), r.overMaxOutput(), base.subtract(r.totalUsd()), r.note()));
        }
        return out;
    }

    /**
     * Within a bucket every request crosses the same thresholds; the mean request size lies in the same interval (the
     * intervals are convex), so it picks the bucket's rates for the summed tokens.
     */
    private static BigDecimal priceBucket(PriceSheet sheet, long[] b) {
        long meanInput = b[3] == 0 ? 0 : b[0] / b[3];
        return CostCalculator.price(sheet, Usage.of(b[0], b[1], b[2]), io.modelatlas.pricing.ServiceTier.STANDARD, meanInput).totalUsd();
    }

    private static long above(long[] histogram, long[] limits, long limit) {
        int i = Arrays.binarySearch(limits, limit);
        long n = 0;
        for (int k = i + 1; k < histogram.length; k++) {
            n += histogram[k];
        }
        return n;
    }

    private static BigDecimal percentile(List<BigDecimal> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    /** The log's time span in 30-day months, or null when the log has no timestamps (no monthly projection then). */
    public BigDecimal monthsSpanned() {
        if (first == null || last == null || !last.isAfter(first)) {
            return null;
        }
        return BigDecimal.valueOf(Duration.between(first, last).toSeconds()).divide(BigDecimal.valueOf(30L * 24 * 3600), MathContext.DECIMAL64);
    }

    public String recordedOn() {
        return recordedOn.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    public boolean sampled() {
        return requests > sampleSize;
    }

    public int sampleSize() {
        return sampleSize;
    }
}
