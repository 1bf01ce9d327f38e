package io.modelatlas.catalog.snapshot;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelNames;
import io.modelatlas.catalog.ModelSummary;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.DatedPrice;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourceInfo;
import io.modelatlas.catalog.Status;
import io.modelatlas.catalog.Strength;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Tier;
import io.modelatlas.pricing.TierRule;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads what {@link SnapshotWriter} wrote. The tables, sources and model names are read at once; each model is read on
 * the catalog's first call for it, the models' summaries on the first call for them (ranking, related comparisons), and
 * the leaderboards (most of the snapshot's records) on the first call for them, from the same bytes, or only some models'
 * scores (a comparison's) by the places the snapshot lists for each model. A reader is a position in the bytes: each
 * model is read by a reader of its own, so threads that ask for models at once never share one.
 */
final class SnapshotReader {
    private static final ModelType[] TYPES = ModelType.values();
    private static final Modality[] MODALITIES = Modality.values();
    private static final Capability[] CAPABILITIES = Capability.values();
    private static final Lifecycle[] LIFECYCLES = Lifecycle.values();
    private static final BenchmarkKind[] KINDS = BenchmarkKind.values();
    private static final PriceKind[] PRICE_KINDS = PriceKind.values();
    private static final TierRule[] TIER_RULES = TierRule.values();
    private static final ServiceTier[] SERVICE_TIERS = ServiceTier.values();

    private final byte[] in;
    private int at;
    private final Tables tables;

    /**
     * Where each string and provenance starts, and those read so far. Strings and provenances are immutable, so a
     * race between two readers at worst reads one twice.
     */
    private static final class Tables {
        int[] stringAt = new int[0];
        String[] strings = new String[0];
        int[] provenanceAt = new int[0];
        Provenance[] provenances = new Provenance[0];
    }

    private SnapshotReader(byte[] in, int at, Tables tables) {
        this.in = in;
        this.at = at;
        this.tables = tables;
    }

    /** The key and the made-by label the snapshot was written with, or null when the bytes are not a snapshot of this format version. */
    static String[] header(byte[] bytes) {
        SnapshotReader r = new SnapshotReader(bytes, 0, new Tables());
        return r.header() ? new String[] {r.plain(), r.plain()} : null;
    }

    /**
     * The catalog in the bytes.
     *
     * @throws SnapshotException when the bytes are not a whole snapshot of this format version
     */
    static Catalog read(byte[] bytes) {
        Tables tables = new Tables();
        SnapshotReader r = new SnapshotReader(bytes, 0, tables);
        try {
            if (!r.header()) {
                throw new SnapshotException("not a catalog snapshot of format version " + SnapshotFormat.VERSION);
            }
            int end = bytes.length - SnapshotFormat.END.length;
            if (end < r.at || !Arrays.equals(bytes, end, bytes.length, SnapshotFormat.END, 0, SnapshotFormat.END.length)) {
                throw new SnapshotException("unreadable catalog snapshot at byte " + bytes.length + ": cut short, its end marker is missing");
            }
            r.plain(); // the key, checked by the caller
            r.plain(); // who made it
            tables.stringAt = r.skipped(SnapshotReader::skipString);
            tables.strings = new String[tables.stringAt.length];
            tables.provenanceAt = r.skipped(SnapshotReader::skipProvenance);
            tables.provenances = new Provenance[tables.provenanceAt.length];
            List<SourceInfo> sources = r.list(SnapshotReader::source);
            int count = r.varint();
            int[] starts = new int[count];
            List<ModelNames> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                starts[i] = r.varint();
                names.add(new ModelNames(r.string(), r.string(), r.string(), r.list(SnapshotReader::string), r.list(SnapshotReader::string)));
            }
            int summariesLength = r.varint();
            int summaries = r.at;
            r.at += summariesLength;
            int recordsLength = r.varint();
            int records = r.at;
            int leaderboards = records + recordsLength;
            if (leaderboards > end) {
                throw new SnapshotException("unreadable catalog snapshot: its models run past its end");
            }
            ScorePlaces places = new ScorePlaces();
            return Catalog.lazy(names, () -> new SnapshotReader(bytes, summaries, tables).guarded(s -> s.summaries(names)),
                    i -> new SnapshotReader(bytes, records + starts[i], tables).guarded(SnapshotReader::model),
                    sources, c -> new SnapshotReader(bytes, leaderboards, tables).guarded(SnapshotReader::leaderboards),
                    ids -> new SnapshotReader(bytes, leaderboards, tables).guarded(s -> s.leaderboardsOf(ids, places)));
        } catch (RuntimeException e) {
            throw r.failure(e);
        }
    }

    private <T> T guarded(Function<SnapshotReader, T> read) {
        try {
            return read.apply(this);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    private SnapshotException failure(RuntimeException e) {
        return e instanceof SnapshotException s ? s : new SnapshotException("unreadable catalog snapshot at byte " + at + ": " + e, e);
    }

    private boolean header() {
        if (in.length < SnapshotFormat.MAGIC.length
                || !Arrays.equals(in, 0, SnapshotFormat.MAGIC.length, SnapshotFormat.MAGIC, 0, SnapshotFormat.MAGIC.length)) {
            return false;
        }
        at = SnapshotFormat.MAGIC.length;
        return varint() == SnapshotFormat.VERSION;
    }

    /** A table's entries skipped over: where each starts. */
    private int[] skipped(java.util.function.Consumer<SnapshotReader> skip) {
        int[] starts = new int[varint()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = at;
            skip.accept(this);
        }
        return starts;
    }

    private void skipString() {
        int length = varint();
        at += length;
    }

    private void skipProvenance() {
        varint();
        varint();
        date();
    }

    private String plain() {
        int length = varint();
        String s = new String(in, at, length, StandardCharsets.UTF_8);
        at += length;
        return s;
    }

    private SourceInfo source() {
        return new SourceInfo(string(), date(), string(), string(), varint(), list(SnapshotReader::string));
    }

    private Model model() {
        String id = string();
        String displayName = string();
        String creatorId = string();
        String creatorName = string();
        String family = string();
        List<String> aliases = list(SnapshotReader::string);
        ModelType type = TYPES[varint()];
        Fact<String> description = fact(SnapshotReader::string);
        Fact<PartialDate> releaseDate = fact(SnapshotReader::partialDate);
        Fact<PartialDate> knowledgeCutoff = fact(SnapshotReader::partialDate);
        Fact<Set<Modality>> input = fact(SnapshotReader::modalities);
        Fact<Set<Modality>> output = fact(SnapshotReader::modalities);
        Fact<Long> contextWindow = fact(SnapshotReader::varlong);
        Fact<Long> maxInput = fact(SnapshotReader::varlong);
        Fact<Long> maxOutput = fact(SnapshotReader::varlong);
        int n = varint();
        Map<Capability, Fact<Boolean>> capabilities = new EnumMap<>(Capability.class);
        for (int i = 0; i < n; i++) {
            capabilities.put(CAPABILITIES[varint()], fact(r -> r.varint() == 1));
        }
        List<String> endpoints = list(SnapshotReader::string);
        Fact<Status> status = fact(SnapshotReader::status);
        List<Benchmark> benchmarks = list(SnapshotReader::benchmark);
        List<Strength> strengths = list(SnapshotReader::strength);
        List<String> bestFor = list(SnapshotReader::string);
        List<Offering> offerings = list(SnapshotReader::offering);
        String tokenizer = string();
        return new Model(id, displayName, creatorId, creatorName, family, aliases, type, description, releaseDate, knowledgeCutoff, input,
                output, contextWindow, maxInput, maxOutput, capabilities, endpoints, status, benchmarks, strengths, bestFor, offerings, tokenizer);
    }

    private List<ModelSummary> summaries(List<ModelNames> names) {
        List<ModelSummary> out = new ArrayList<>(names.size());
        names.forEach(n -> out.add(summary(n)));
        return out;
    }

    private ModelSummary summary(ModelNames n) {
        BigDecimal intelligence = decimal();
        BigDecimal speed = decimal();
        String family = string();
        ModelType type = TYPES[varint()];
        PartialDate releaseDate = varint() == 0 ? null : partialDate();
        int flags = varint();
        return new ModelSummary(n.id(), n.displayName(), n.creatorId(), intelligence, speed, family, type, releaseDate, (flags & 1) != 0,
                (flags & 2) != 0, decimal());
    }

    private Set<Modality> modalities() {
        int n = varint();
        Set<Modality> set = EnumSet.noneOf(Modality.class);
        for (int i = 0; i < n; i++) {
            set.add(MODALITIES[varint()]);
        }
        return set;
    }

    private Offering offering() {
        return new Offering(string(), string(), fact(SnapshotReader::priceSheet), nullableLong(), nullableLong(), string(),
                list(r -> new DatedPrice(r.date(), r.priceSheet(), r.provenance())));
    }

    private PriceSheet priceSheet() {
        Map<PriceKind, TokenRate> rates = new EnumMap<>(PriceKind.class);
        for (int i = varint(); i > 0; i--) {
            rates.put(PRICE_KINDS[varint()], TokenRate.perMillion(decimal()));
        }
        Map<PriceKind, List<Tier>> tiers = new EnumMap<>(PriceKind.class);
        for (int i = varint(); i > 0; i--) {
            tiers.put(PRICE_KINDS[varint()], list(r -> new Tier(r.varlong(), TokenRate.perMillion(r.decimal()))));
        }
        TierRule rule = TIER_RULES[varint()];
        List<ImagePrice> images = list(r -> new ImagePrice(r.string(), r.string(), r.decimal()));
        Map<ServiceTier, PriceSheet> serviceTiers = new EnumMap<>(ServiceTier.class);
        for (int i = varint(); i > 0; i--) {
            serviceTiers.put(SERVICE_TIERS[varint()], priceSheet());
        }
        return new PriceSheet(rates, tiers, rule, images, serviceTiers);
    }

    private Status status() {
        return new Status(LIFECYCLES[varint()], string(), date());
    }

    private Benchmark benchmark() {
        return new Benchmark(string(), string(), string(), decimal(), KINDS[varint()], provenance());
    }

    private Strength strength() {
        return new Strength(string(), list(SnapshotReader::string), string());
    }

    private PartialDate partialDate() {
        int year = varint();
        int month = varint();
        int day = varint();
        return new PartialDate(year, month, day == 0 ? null : day);
    }

    /** Where each model's scores start, by model id; read on the first call for some models' scores. */
    private static final class ScorePlaces {
        volatile Map<String, int[]> byModel;
    }

    private Leaderboards leaderboards() {
        List<Leaderboard> benchmarks = benchmarks();
        int placesLength = varint();
        at += placesLength; // the places of each model's scores: the whole needs none
        return new Leaderboards(benchmarks, list(SnapshotReader::score));
    }

    /** Every benchmark and the scores of these models, in the order of the whole: the others are not read. */
    private Leaderboards leaderboardsOf(Collection<String> modelIds, ScorePlaces places) {
        List<Leaderboard> benchmarks = benchmarks();
        int placesLength = varint();
        int scoresAt = at + placesLength;
        Map<String, int[]> byModel = places.byModel;
        if (byModel == null) {
            byModel = scorePlaces(); // at most a few times when threads race: the result is the same
            places.byModel = byModel;
        }
        int[] starts = new LinkedHashSet<>(modelIds).stream().map(byModel::get).filter(Objects::nonNull).flatMapToInt(Arrays::stream)
                .sorted().toArray();
        List<LeaderboardScore> scores = new ArrayList<>(starts.length);
        for (int start : starts) {
            at = scoresAt + start;
            scores.add(score());
        }
        return new Leaderboards(benchmarks, scores);
    }

    private Map<String, int[]> scorePlaces() {
        int models = varint();
        Map<String, int[]> byModel = new HashMap<>(models * 2);
        for (int i = 0; i < models; i++) {
            String modelId = string();
            int[] starts = new int[varint()];
            int start = 0;
            for (int j = 0; j < starts.length; j++) {
                start += varint();
                starts[j] = start;
            }
            byModel.put(modelId, starts);
        }
        return byModel;
    }

    private LeaderboardScore score() {
        return new LeaderboardScore(string(), string(), string(), string(), string(), decimal(), decimal(), decimal(), provenance());
    }

    private List<Leaderboard> benchmarks() {
        return list(r -> {
            String id = r.string();
            String name = r.string();
            String source = r.string();
            String origin = r.string();
            String metric = r.string();
            String unit = r.string();
            int better = r.varint();
            boolean bounded = r.varint() == 1;
            return new Leaderboard(id, name, source, origin, metric, unit, better == 0 ? null : better == 1, bounded,
                    KINDS[r.varint()]);
        });
    }

    // ---- shared pieces ----

    private <T> Fact<T> fact(Function<SnapshotReader, T> value) {
        int n = varint();
        if (n == 0) {
            return null;
        }
        T chosen = value.apply(this);
        Provenance source = provenance();
        if (n == 1) {
            return Fact.of(chosen, source);
        }
        List<Fact.Alternative<T>> others = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) {
            T v = value.apply(this);
            others.add(new Fact.Alternative<>(v, provenance()));
        }
        return new Fact<>(chosen, source, others);
    }

    private Provenance provenance() {
        int n = varint();
        Provenance p = tables.provenances[n];
        if (p == null) {
            SnapshotReader r = new SnapshotReader(in, tables.provenanceAt[n], tables);
            p = new Provenance(r.string(), r.string(), r.date());
            tables.provenances[n] = p;
        }
        return p;
    }

    private <T> List<T> list(Function<SnapshotReader, T> each) {
        int n = varint();
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(each.apply(this));
        }
        return out;
    }

    private String string() {
        int n = varint();
        if (n == 0) {
            return null;
        }
        String s = tables.strings[n - 1];
        if (s == null) {
            SnapshotReader r = new SnapshotReader(in, tables.stringAt[n - 1], tables);
            s = r.plain();
            tables.strings[n - 1] = s;
        }
        return s;
    }

    private BigDecimal decimal() {
        String s = string();
        return s == null ? null : new BigDecimal(s);
    }

    private LocalDate date() {
        return varint() == 0 ? null : LocalDate.ofEpochDay(varlong());
    }

    private Long nullableLong() {
        return varint() == 0 ? null : varlong();
    }

    private int varint() {
        return Math.toIntExact(varlong());
    }

    private long varlong() {
        long v = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in[at++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        return (v >>> 1) ^ -(v & 1);
    }
}
