package io.modelatlas.replay;

import io.modelatlas.catalog.LimitKind;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Tier;
import io.modelatlas.pricing.Usage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices a whole request log on several models in O(requests + models) time and constant memory. Cost is linear in
 * token counts except at long-context thresholds, so requests are summed per bucket of crossed thresholds (the union
 * of every target model's thresholds) and each bucket is priced once per model. Requests over a context window, max
 * input or max output are counted from one histogram per {@link LimitKind} over the distinct limits of the models, with
 * the rule of {@link Limits#check} (what counts against each limit, and "over" meaning strictly more than it). Per-request percentiles come from the histogram of distinct
 * request shapes ({@link RequestShapes}): exact while the log has at most {@link #shapeCapacity} distinct shapes,
 * within a stated relative error past that; the capacity shrinks with the number of models so that pricing the
 * shapes stays within {@link #SHAPE_BUDGET} shape pricings in all.
 */
public final class Replay {
    /** Shape pricings (shapes x models) for the percentiles of one replay, at most: models with the same rates share theirs. */
    public static final long SHAPE_BUDGET = 1L << 27;
    public static final int MIN_SHAPES = 4_096;
    public static final int MAX_SHAPES = 1 << 18;

    private final List<Model> models;
    private final long[] thresholds;
    /** Per bucket index (see {@link #bucketOf}): summed input, cached input, output, requests; and one input seen. */
    private final long[][] buckets;
    /** The same for requests sent through a Batch API (always sums, from usage exports), priced at the batch tier. */
    private final long[][] batchBuckets;
    private long batchRequests;
    /** Per {@link LimitKind} ordinal: the distinct limits of the models, smallest first. */
    private final long[][] limits;
    /** Per {@link LimitKind} ordinal: requests by how many of those limits they exceed. */
    private final long[][] over;
    private final RequestShapes shapes;
    private final int shapeCapacity;
    private final Map<String, long[]> recordedOn = new HashMap<>();
    private long requests;
    private long summedRequests;
    private Instant first;
    private Instant last;

    public Replay(List<Model> models) {
        this.models = List.copyOf(models);
        this.shapeCapacity = (int) Math.max(MIN_SHAPES, Math.min(MAX_SHAPES, SHAPE_BUDGET / Math.max(1, models.size())));
        this.shapes = new RequestShapes(shapeCapacity);
        TreeSet<Long> t = new TreeSet<>();
        List<TreeSet<Long>> distinct = new ArrayList<>();
        for (LimitKind kind : LimitKind.values()) {
            distinct.add(new TreeSet<>());
        }
        for (Model m : models) {
            m.prices().ifPresent(s -> {
                for (List<Tier> tiers : s.tiers().values()) {
                    tiers.forEach(x -> t.add(x.threshold()));
                }
            });
            Limits l = Limits.of(m);
            for (LimitKind kind : LimitKind.values()) {
                if (l.get(kind) != null) {
                    distinct.get(kind.ordinal()).add(l.get(kind));
                }
            }
        }
        thresholds = t.stream().mapToLong(Long::longValue).toArray();
        limits = new long[LimitKind.values().length][];
        over = new long[LimitKind.values().length][];
        for (LimitKind kind : LimitKind.values()) {
            limits[kind.ordinal()] = distinct.get(kind.ordinal()).stream().mapToLong(Long::longValue).toArray();
            over[kind.ordinal()] = new long[limits[kind.ordinal()].length + 1];
        }
        buckets = new long[thresholds.length * 2 + 1][];
        batchBuckets = new long[buckets.length][];
    }

    /** How many requests went through a Batch API. */
    public long batchRequests() {
        return batchRequests;
    }

    /**
     * The priced models that have no batch tier, when the log has batch requests: theirs are priced at standard
     * rates, so their cost is overstated by the batch discount (the report warns). Empty otherwise.
     */
    public List<String> withoutBatchPrice() {
        if (batchRequests == 0) {
            return List.of();
        }
        return models.stream().filter(m -> m.prices().isPresent() && m.prices().get().forTier(ServiceTier.BATCH).isEmpty()).map(Model::id).toList();
    }

    public void add(LoggedRequest r) {
        if (r.batch()) {
            addSum(r, batchBuckets);
            batchRequests += r.requests();
            return;
        }
        if (r.aggregated()) {
            addSum(r, buckets);
            return;
        }
        requests++;
        int b = bucketOf(r.inputTokens());
        long[] sums = buckets[b];
        if (sums == null) {
            sums = buckets[b] = new long[] {0, 0, 0, 0, r.inputTokens()};
        }
        sums[0] += r.inputTokens();
        sums[1] += r.cachedInputTokens();
        sums[2] += r.outputTokens();
        sums[3] += 1;
        for (LimitKind kind : LimitKind.values()) {
            over[kind.ordinal()][countBelow(limits[kind.ordinal()], kind.requested(r.inputTokens(), r.outputTokens()))]++;
        }
        recordModelAndTime(r);
        shapes.add(b, r.inputTokens() - r.cachedInputTokens(), r.cachedInputTokens(), r.outputTokens());
    }

    private void recordModelAndTime(LoggedRequest r) {
        if (r.model() != null) {
            long[] n = recordedOn.get(r.model());
            if (n == null) {
                recordedOn.put(r.model(), new long[] {r.requests()});
            } else {
                n[0] += r.requests();
            }
        }
        if (r.timestamp() != null) {
            first = first == null || r.timestamp().isBefore(first) ? r.timestamp() : first;
            last = last == null || r.timestamp().isAfter(last) ? r.timestamp() : last;
        }
    }

    /**
     * A row summing several requests (an OpenAI usage bucket): its tokens join the bucket of its mean request size,
     * the only size it tells, for pricing. What needs each request's size (percentiles, requests over a limit)
     * cannot count it: {@link #summedRequests} says how many requests that leaves out.
     */
    private void addSum(LoggedRequest r, long[][] buckets) {
        requests += r.requests();
        summedRequests += r.requests();
        long mean = r.inputTokens() / r.requests();
        int b = bucketOf(mean);
        long[] sums = buckets[b];
        if (sums == null) {
            sums = buckets[b] = new long[] {0, 0, 0, 0, mean};
        }
        sums[0] += r.inputTokens();
        sums[1] += r.cachedInputTokens();
        sums[2] += r.outputTokens();
        sums[3] += r.requests();
        recordModelAndTime(r);
    }

    /**
     * Adds what {@code later} read from the part of the same log that follows this one's (both on the same models):
     * the sums, histograms and counts add up, the time span widens, and a tier bucket keeps the first input seen in
     * it, the one a single read of the whole log would keep. The results are then those of one read of both parts
     * (percentiles too while the log's distinct request shapes fit {@link #shapeCapacity}; see RequestShapes#merge).
     */
    public void merge(Replay later) {
        if (!models.equals(later.models)) {
            throw new IllegalArgumentException("replays of different models cannot be merged");
        }
        mergeBuckets(buckets, later.buckets);
        mergeBuckets(batchBuckets, later.batchBuckets);
        for (int k = 0; k < over.length; k++) {
            for (int i = 0; i < over[k].length; i++) {
                over[k][i] += later.over[k][i];
            }
        }
        shapes.merge(later.shapes);
        later.recordedOn.forEach((model, n) -> recordedOn.merge(model, n.clone(), (a, b) -> new long[] {a[0] + b[0]}));
        requests += later.requests;
        summedRequests += later.summedRequests;
        batchRequests += later.batchRequests;
        first = first == null || later.first != null && later.first.isBefore(first) ? later.first : first;
        last = last == null || later.last != null && later.last.isAfter(last) ? later.last : last;
    }

    private static void mergeBuckets(long[][] into, long[][] from) {
        for (int b = 0; b < into.length; b++) {
            if (from[b] == null) {
                continue;
            }
            if (into[b] == null) {
                into[b] = from[b].clone();
                continue;
            }
            for (int k = 0; k < 4; k++) {
                into[b][k] += from[b][k];
            }
        }
    }

    /** How many requests came as sums (buckets), not one by one: they have no percentiles and no limit checks. */
    public long summedRequests() {
        return summedRequests;
    }

    /**
     * Which thresholds a request of {@code input} tokens crosses, as one number: twice the count of thresholds below
     * it, plus one when it equals the next (a tier may start at or just above its threshold, see TierRule). Requests
     * with the same number get the same rates on every model.
     */
    private int bucketOf(long input) {
        int i = Arrays.binarySearch(thresholds, input);
        return i >= 0 ? 2 * i + 1 : 2 * (-i - 1);
    }

    /**
     * How many limits are strictly below {@code n}, that is how many {@code n} exceeds ({@link LimitKind#exceeds}: a
     * request of exactly the limit fits): the index of the histogram cell to count {@code n} in.
     */
    private static int countBelow(long[] limits, long n) {
        int i = Arrays.binarySearch(limits, n);
        return i >= 0 ? i : -i - 1;
    }

    public long requests() {
        return requests;
    }

    /**
     * One model's result: null money means its price is unknown (never $0). {@code offering} is the offering whose
     * prices were used ({@code provider/id}: the model's own, as {@code cost} prices it), null when none is priced.
     */
    public record ModelResult(String modelId, String name, BigDecimal totalUsd, BigDecimal per1000Usd, BigDecimal monthlyUsd,
                              BigDecimal p50Usd, BigDecimal p95Usd, BigDecimal maxUsd, long overContext, long overMaxInput, long overMaxOutput,
                              BigDecimal savingVsRecordedUsd, String note, String offering) {}

    public List<ModelResult> results() {
        BigDecimal span = spanSeconds();
        String recorded = recordedOn();
        // first the totals, and which percentile work each model needs; then that work, distinct rates only, on
        // every core; then the rows
        record Priced(Model model, BigDecimal total, RateKey key, long[] over, String unknown) {}
        List<Priced> priced = new ArrayList<>();
        Map<String, long[][]> work = new HashMap<>();
        for (Model m : models) {
            PriceSheet sheet = m.prices().orElse(null);
            long[] overLimits = overLimits(Limits.of(m));
            if (sheet == null) {
                priced.add(new Priced(m, null, null, overLimits, "price unknown"));
                continue;
            }
            try {
                BigDecimal total = BigDecimal.ZERO;
                for (long[] b : buckets) {
                    if (b != null) {
                        total = total.add(priceBucket(sheet, b, ServiceTier.STANDARD));
                    }
                }
                // at standard rates where no batch tier is known: withoutBatchPrice() lets the report say so
                ServiceTier batch = sheet.forTier(ServiceTier.BATCH).isPresent() ? ServiceTier.BATCH : ServiceTier.STANDARD;
                for (long[] b : batchBuckets) {
                    if (b != null) {
                        total = total.add(priceBucket(sheet, b, batch));
                    }
                }
                RateKey key = requests == 0 || summedRequests > 0 ? null : rateKey(sheet);
                if (key != null) {
                    work.putIfAbsent(key.key(), key.rates());
                }
                priced.add(new Priced(m, total, key, overLimits, null));
            } catch (PriceUnknownException e) {
                priced.add(new Priced(m, null, null, overLimits, e.getMessage()));
            }
        }
        Map<String, BigInteger[]> percentiles = new ConcurrentHashMap<>();
        work.entrySet().parallelStream().forEach(e -> percentiles.put(e.getKey(), wide(shapes, e.getValue())));

        Map<String, BigDecimal> totals = new HashMap<>();
        List<ModelResult> out = new ArrayList<>();
        for (Priced x : priced) {
            Model m = x.model();
            if (x.total() == null) {
                out.add(new ModelResult(m.id(), m.displayName(), null, null, null, null, null, null, x.over()[LimitKind.CONTEXT_WINDOW.ordinal()], x.over()[LimitKind.MAX_INPUT.ordinal()], x.over()[LimitKind.MAX_OUTPUT.ordinal()], null, x.unknown(), null));
                continue;
            }
            // percentiles of a log of sums would be percentiles of buckets, not of requests: none then
            BigDecimal[] p = requests == 0 || summedRequests > 0 ? new BigDecimal[3]
                    : x.key() == null ? percentilesInBigDecimal(m.prices().orElseThrow()) : x.key().usd(percentiles.get(x.key().key()));
            totals.put(m.id(), x.total());
            BigDecimal per1000 = requests == 0 ? BigDecimal.ZERO
                    : x.total().multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(requests), MathContext.DECIMAL64);
            BigDecimal monthly = span == null ? null : monthly(x.total(), span);
            out.add(new ModelResult(m.id(), m.displayName(), x.total(), per1000, monthly, p[0], p[1], p[2], x.over()[LimitKind.CONTEXT_WINDOW.ordinal()],
                    x.over()[LimitKind.MAX_INPUT.ordinal()], x.over()[LimitKind.MAX_OUTPUT.ordinal()], null,
                    batchRequests > 0 && m.prices().orElseThrow().forTier(ServiceTier.BATCH).isEmpty() ? "no batch price known: batch requests at standard rates" : null,
                    m.primaryOffering().map(o -> o.qualifiedId()).orElse(null)));
        }
        BigDecimal base = recorded == null ? null : totals.get(recorded);
        if (base != null) {
            out.replaceAll(r -> r.totalUsd() == null ? r : new ModelResult(r.modelId(), r.name(), r.totalUsd(), r.per1000Usd(), r.monthlyUsd(),
                    r.p50Usd(), r.p95Usd(), r.maxUsd(), r.overContext(), r.overMaxInput(), r.overMaxOutput(), base.subtract(r.totalUsd()), r.note(), r.offering()));
        }
        return out;
    }

    private static final long MILLION = 1_000_000;
    private static final BigDecimal SECONDS_PER_MONTH = BigDecimal.valueOf(30L * 24 * 3600);
    private static final int[] PERCENTS = {50, 95, 100};

    /**
     * What the percentiles of one sheet are computed from: per tier bucket, the three rates (USD per million uncached
     * input, cached input and output tokens, from CostCalculator, so its fallbacks and tier choice apply) in whole
     * units of 10^-scale, divided by their greatest common factor. Costs scaled by a common factor keep their order,
     * so models whose rates are multiples of the same rates (input:cached:output 4:1:16 at several price points, one
     * model at several providers) share one key and are priced once.
     */
    private record RateKey(String key, long[][] rates, int scale, long factor) {
        /** p50, p95 and max in USD from the costs computed in units of the key's rates. */
        BigDecimal[] usd(BigInteger[] units) {
            BigDecimal[] usd = new BigDecimal[units.length];
            for (int k = 0; k < units.length; k++) {
                BigInteger v = units[k].multiply(BigInteger.valueOf(factor));
                usd[k] = v.signum() == 0 ? BigDecimal.ZERO : new BigDecimal(v, 6 + scale).stripTrailingZeros();
            }
            return usd;
        }
    }

    /** The sheet's key, or null when a rate does not fit a long even as an integer (then BigDecimal it is). */
    private RateKey rateKey(PriceSheet sheet) {
        BigDecimal[][] unit = new BigDecimal[buckets.length][];
        int scale = 0;
        for (int b = 0; b < buckets.length; b++) {
            if (buckets[b] != null) {
                long basis = buckets[b][4];
                unit[b] = new BigDecimal[] {unit(sheet, Usage.of(MILLION, 0, 0), basis), unit(sheet, Usage.of(MILLION, MILLION, 0), basis),
                        unit(sheet, Usage.of(0, MILLION), basis)};
                for (BigDecimal r : unit[b]) {
                    scale = Math.max(scale, r.stripTrailingZeros().scale());
                }
            }
        }
        long common = 0;
        long[][] rates = new long[buckets.length][];
        try {
            for (int b = 0; b < buckets.length; b++) {
                if (unit[b] != null) {
                    rates[b] = new long[3];
                    for (int k = 0; k < 3; k++) {
                        rates[b][k] = unit[b][k].movePointRight(scale).longValueExact();
                        common = gcd(common, rates[b][k]);
                    }
                }
            }
        } catch (ArithmeticException rateTooLargeForLong) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (long[] r : rates) {
            if (r == null) {
                key.append(";-");
                continue;
            }
            for (int k = 0; k < 3; k++) {
                r[k] = common == 0 ? 0 : r[k] / common;
                key.append(k == 0 ? ';' : ',').append(r[k]);
            }
        }
        return new RateKey(key.toString(), rates, scale, Math.max(1, common));
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** Costs in whole units fit a long for almost every price; the few with float-artefact decimals take 128 bits. */
    private static BigInteger[] wide(RequestShapes shapes, long[][] rates) {
        try {
            return Arrays.stream(shapes.percentiles(rates, PERCENTS)).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
        } catch (ArithmeticException tooLargeForLong) {
            return shapes.widePercentiles(rates, PERCENTS);
        }
    }

    /** The price of a million tokens of one kind; zero when the sheet lacks it (then no request of the log has any). */
    private static BigDecimal unit(PriceSheet sheet, Usage million, long tierBasis) {
        try {
            return CostCalculator.price(sheet, million, ServiceTier.STANDARD, tierBasis).totalUsd();
        } catch (PriceUnknownException e) {
            return BigDecimal.ZERO;
        }
    }

    /** The same percentiles through CostCalculator, one shape at a time: slow, for amounts past a long. */
    private BigDecimal[] percentilesInBigDecimal(PriceSheet sheet) {
        record Priced(BigDecimal usd, long n) {}
        List<Priced> priced = new ArrayList<>(shapes.size());
        for (int e = 0; e < shapes.size(); e++) {
            long in = shapes.uncached(e) + shapes.cached(e);
            long basis = buckets[shapes.bucket(e)][4];
            priced.add(new Priced(CostCalculator.price(sheet, Usage.of(in, shapes.cached(e), shapes.output(e)), ServiceTier.STANDARD, basis).totalUsd(),
                    shapes.count(e)));
        }
        priced.sort((x, y) -> x.usd().compareTo(y.usd()));
        BigDecimal[] out = new BigDecimal[PERCENTS.length];
        for (int k = 0; k < PERCENTS.length; k++) {
            long rank = Math.max(1, (PERCENTS[k] * shapes.requests() + 99) / 100);
            long seen = 0;
            for (Priced x : priced) {
                seen += x.n();
                if (seen >= rank) {
                    out[k] = x.usd();
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Within a bucket every request crosses the same thresholds; the mean request size lies in the same interval (the
     * intervals are convex), so it picks the bucket's rates for the summed tokens.
     */
    private static BigDecimal priceBucket(PriceSheet sheet, long[] b, ServiceTier tier) {
        long meanInput = b[3] == 0 ? 0 : b[0] / b[3];
        return CostCalculator.price(sheet, Usage.of(b[0], b[1], b[2]), tier, meanInput).totalUsd();
    }

    /** Requests over each of the model's limits, by {@link LimitKind} ordinal (context, input, output); 0 where unknown. */
    private long[] overLimits(Limits l) {
        long[] n = new long[LimitKind.values().length];
        for (LimitKind kind : LimitKind.values()) {
            Long limit = l.get(kind);
            n[kind.ordinal()] = limit == null ? 0 : above(over[kind.ordinal()], limits[kind.ordinal()], limit);
        }
        return n;
    }

    private static long above(long[] histogram, long[] limits, long limit) {
        int i = Arrays.binarySearch(limits, limit);
        long n = 0;
        for (int k = i + 1; k < histogram.length; k++) {
            n += histogram[k];
        }
        return n;
    }

    /** The log's time span in 30-day months, or null when the log has no timestamps (no monthly projection then). */
    public BigDecimal monthsSpanned() {
        BigDecimal span = spanSeconds();
        return span == null ? null : span.divide(SECONDS_PER_MONTH, MathContext.DECIMAL64);
    }

    /** The log's time span in seconds, exact to the nanosecond, or null when it has none. */
    private BigDecimal spanSeconds() {
        if (first == null || last == null || !last.isAfter(first)) {
            return null;
        }
        Duration d = Duration.between(first, last);
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    /**
     * A total projected over a 30-day month: {@code total × seconds in a month / span}, multiplied first and divided
     * once, never through the span in months (a rounded 7 / 2,592,000 made $54.432 read 54.43200000000001). The
     * quotient is exact when it ends within 34 digits, and otherwise is rounded there; display rounds it to cents.
     */
    static BigDecimal monthly(BigDecimal total, BigDecimal spanSeconds) {
        return total.multiply(SECONDS_PER_MONTH).divide(spanSeconds, MathContext.DECIMAL128).stripTrailingZeros();
    }

    /** The model most requests of the log were recorded on (the first by name on a tie), or null. */
    public String recordedOn() {
        String best = null;
        long most = 0;
        for (Map.Entry<String, long[]> e : recordedOn.entrySet()) {
            long n = e.getValue()[0];
            if (n > most || n == most && best != null && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                most = n;
            }
        }
        return best;
    }

    /** Whether p50 / p95 / max are exact; otherwise they are within {@link #percentileError()}. */
    public boolean percentilesExact() {
        return shapes.exact();
    }

    /** The bound on the relative error of p50 / p95 / max (0 when exact). */
    public double percentileError() {
        return shapes.relativeError();
    }

    /** How many distinct request shapes are kept exactly before counts are rounded. */
    public int shapeCapacity() {
        return shapeCapacity;
    }
}
