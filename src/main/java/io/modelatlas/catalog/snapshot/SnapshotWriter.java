package io.modelatlas.catalog.snapshot;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelNames;
import io.modelatlas.catalog.ModelSummary;
import io.modelatlas.catalog.DatedPrice;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.PartialDate;
import io.modelatlas.catalog.Provenance;
import io.modelatlas.catalog.SourceInfo;
import io.modelatlas.catalog.Status;
import io.modelatlas.catalog.Strength;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.Tier;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a catalog in the snapshot form {@link SnapshotReader} reads. Every string and provenance is written once, in
 * a table, and referred to by its number (most ids, sources and dates repeat thousands of times); numbers are varints;
 * money is its {@code BigDecimal} text, so it reads back with the same value and scale.
 *
 * <p>Layout: magic, format version, key and maker (plain), the string table, the provenance table, the sources, the
 * model index (each model's names and where its record starts, then every model's summary), the model records, the leaderboards
 * (benchmarks, where each model's scores start, the scores), an end marker.
 * The index and the tables let a reader read any one model without the others.
 */
final class SnapshotWriter {
    private ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final Map<Provenance, Integer> provenances = new LinkedHashMap<>();

    static byte[] write(Catalog catalog, String key, String made) {
        SnapshotWriter w = new SnapshotWriter();
        List<Model> models = catalog.models();
        int[] starts = new int[models.size()];
        ByteArrayOutputStream records = w.section(() -> {
            for (int i = 0; i < models.size(); i++) {
                starts[i] = w.out.size();
                w.model(models.get(i));
            }
        });
        ByteArrayOutputStream leaderboards = w.section(() -> w.leaderboards(catalog.leaderboards()));
        ByteArrayOutputStream sources = w.section(() -> w.list(catalog.sources(), w::source));
        ByteArrayOutputStream index = w.section(() -> {
            w.varint(models.size());
            for (int i = 0; i < models.size(); i++) {
                w.varint(starts[i]);
                w.names(ModelNames.of(models.get(i)));
            }
            // a block of its own, with its length: a reader that needs no summary skips it
            ByteArrayOutputStream summaries = w.section(() -> models.forEach(m -> w.summary(ModelSummary.of(m))));
            w.varint(summaries.size());
            w.bytes(summaries.toByteArray());
        });
        // last: writing the provenances adds their strings
        ByteArrayOutputStream provenanceTable = w.section(() -> {
            w.varint(w.provenances.size());
            w.provenances.keySet().forEach(p -> {
                w.string(p.source());
                w.string(p.key());
                w.date(p.asOf());
            });
        });
        ByteArrayOutputStream stringTable = w.section(() -> {
            w.varint(w.strings.size());
            w.strings.keySet().forEach(s -> {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                w.varint(utf8.length);
                w.bytes(utf8);
            });
        });
        ByteArrayOutputStream all = w.section(() -> {
            w.bytes(SnapshotFormat.MAGIC);
            w.varint(SnapshotFormat.VERSION);
            w.plain(key);
            w.plain(made);
        });
        for (ByteArrayOutputStream part : List.of(stringTable, provenanceTable, sources, index)) {
            all.write(part.toByteArray(), 0, part.size());
        }
        w.out = all;
        w.varint(records.size());
        all.write(records.toByteArray(), 0, records.size());
        all.write(leaderboards.toByteArray(), 0, leaderboards.size());
        w.bytes(SnapshotFormat.END);
        return all.toByteArray();
    }

    /** What {@code writing} writes, in a buffer of its own. */
    private ByteArrayOutputStream section(Runnable writing) {
        ByteArrayOutputStream before = out;
        out = new ByteArrayOutputStream(1 << 16);
        try {
            writing.run();
            return out;
        } finally {
            out = before;
        }
    }

    private void names(ModelNames n) {
        string(n.id());
        string(n.displayName());
        string(n.creatorId());
        list(n.aliases(), this::string);
        list(n.qualifiedIds(), this::string);
    }

    /** The summary less what the names already hold (id, display name, creator). */
    private void summary(ModelSummary s) {
        decimal(s.intelligence());
        decimal(s.speed());
        string(s.family());
        varint(s.type().ordinal());
        if (s.releaseDate() == null) {
            varint(0);
        } else {
            varint(1);
            partialDate(s.releaseDate(), this);
        }
        varint((s.superseded() ? 1 : 0) | (s.soldByCreator() ? 2 : 0));
        decimal(s.inputPerMillion());
    }

    private void plain(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        bytes(utf8);
    }

    private void source(SourceInfo s) {
        string(s.name());
        date(s.asOf());
        string(s.license());
        string(s.origin());
        varint(s.entries());
        list(s.warnings(), this::string);
    }

    private void model(Model m) {
        string(m.id());
        string(m.displayName());
        string(m.creatorId());
        string(m.creatorName());
        string(m.family());
        list(m.aliases(), this::string);
        varint(m.type().ordinal());
        fact(m.description(), this::string);
        fact(m.releaseDate(), this::partialDate);
        fact(m.knowledgeCutoff(), this::partialDate);
        fact(m.inputModalities(), (set, w) -> w.list(set, x -> w.varint(x.ordinal())));
        fact(m.outputModalities(), (set, w) -> w.list(set, x -> w.varint(x.ordinal())));
        fact(m.contextWindow(), this::longValue);
        fact(m.maxInputTokens(), this::longValue);
        fact(m.maxOutputTokens(), this::longValue);
        varint(m.capabilities().size());
        // any order: the reader builds a map
        m.capabilities().forEach((c, f) -> {
            varint(c.ordinal());
            fact(f, (b, w) -> w.varint(b ? 1 : 0));
        });
        list(m.endpoints(), this::string);
        fact(m.status(), this::status);
        list(m.benchmarks(), this::benchmark);
        list(m.strengths(), this::strength);
        list(m.bestFor(), this::string);
        list(m.offerings(), this::offering);
        string(m.tokenizer());
    }

    private void offering(Offering o) {
        string(o.provider());
        string(o.apiModelId());
        fact(o.prices(), this::priceSheet);
        nullableLong(o.contextWindow());
        nullableLong(o.maxOutputTokens());
        string(o.priceNote());
        list(o.datedPrices(), this::datedPrice);
    }

    private void datedPrice(DatedPrice d) {
        date(d.from());
        priceSheet(d.prices());
        provenance(d.source());
    }

    private void priceSheet(PriceSheet p) {
        varint(p.rates().size());
        p.rates().forEach((kind, rate) -> {
            varint(kind.ordinal());
            decimal(rate.usdPerMillion());
        });
        varint(p.tiers().size());
        p.tiers().forEach((kind, tiers) -> {
            varint(kind.ordinal());
            list(tiers, this::tier);
        });
        varint(p.tierRule().ordinal());
        list(p.images(), this::image);
        varint(p.serviceTiers().size());
        p.serviceTiers().forEach((tier, sheet) -> {
            varint(tier.ordinal());
            priceSheet(sheet);
        });
    }

    private void tier(Tier t) {
        varlong(t.threshold());
        decimal(t.rate().usdPerMillion());
    }

    private void image(ImagePrice i) {
        string(i.quality());
        string(i.size());
        decimal(i.usdPerImage());
    }

    private void status(Status s) {
        varint(s.lifecycle().ordinal());
        string(s.successorId());
        date(s.deprecationDate());
    }

    private void benchmark(Benchmark b) {
        string(b.name());
        string(b.variant());
        string(b.metric());
        decimal(b.score());
        varint(b.kind().ordinal());
        provenance(b.source());
    }

    private void strength(Strength s) {
        string(s.title());
        list(s.points(), this::string);
        string(s.source());
    }

    /**
     * The benchmarks, then each model's scores' places (a block with its length, so that a reader of the whole skips
     * it), then the scores. A comparison reads the scores of its models by their places, not the thousands of others.
     */
    private void leaderboards(Leaderboards l) {
        list(l.benchmarks(), this::leaderboard);
        Map<String, List<Integer>> startsByModel = new LinkedHashMap<>();
        // in the order given, not benchmark by benchmark: it is the order of each model's scores
        ByteArrayOutputStream scores = section(() -> {
            varint(l.scores().size());
            for (LeaderboardScore s : l.scores()) {
                startsByModel.computeIfAbsent(s.modelId(), k -> new ArrayList<>()).add(out.size());
                score(s);
            }
        });
        ByteArrayOutputStream index = section(() -> {
            varint(startsByModel.size());
            startsByModel.forEach((modelId, starts) -> {
                string(modelId);
                varint(starts.size());
                int previous = 0;
                for (int start : starts) {
                    varint(start - previous); // ascending: the gaps are short
                    previous = start;
                }
            });
        });
        varint(index.size());
        bytes(index.toByteArray());
        bytes(scores.toByteArray());
    }

    private void leaderboard(Leaderboard b) {
        string(b.id());
        string(b.name());
        string(b.source());
        string(b.origin());
        string(b.metric());
        string(b.unit());
        varint(b.higherIsBetter() == null ? 0 : b.higherIsBetter() ? 1 : 2);
        varint(b.bounded() ? 1 : 0);
        varint(b.kind().ordinal());
    }

    private void score(LeaderboardScore s) {
        string(s.benchmarkId());
        string(s.modelId());
        string(s.snapshot());
        string(s.variant());
        string(s.publishedName());
        decimal(s.score());
        decimal(s.lower());
        decimal(s.upper());
        provenance(s.source());
    }

    // ---- shared pieces ----

    private <T> void fact(Fact<T> f, BiConsumer<T, SnapshotWriter> value) {
        if (f == null) {
            varint(0);
            return;
        }
        varint(1 + f.disagreements().size());
        value.accept(f.value(), this);
        provenance(f.source());
        for (Fact.Alternative<T> a : f.disagreements()) {
            value.accept(a.value(), this);
            provenance(a.source());
        }
    }

    private void string(String s, SnapshotWriter self) {
        string(s);
    }

    private void partialDate(PartialDate d, SnapshotWriter self) {
        varint(d.year());
        varint(d.month());
        varint(d.day() == null ? 0 : d.day());
    }

    private void longValue(Long n, SnapshotWriter self) {
        varlong(n);
    }

    private void status(Status s, SnapshotWriter self) {
        status(s);
    }

    private void priceSheet(PriceSheet p, SnapshotWriter self) {
        priceSheet(p);
    }

    /** The provenance's number in the table. */
    private void provenance(Provenance p) {
        varint(provenances.computeIfAbsent(p, k -> provenances.size()));
    }

    private <T> void list(Collection<T> items, java.util.function.Consumer<T> each) {
        varint(items.size());
        items.forEach(each);
    }

    /** 0 for null, else 1 + the string's number in the table. */
    private void string(String s) {
        varint(s == null ? 0 : strings.computeIfAbsent(s, k -> strings.size()) + 1);
    }

    private void decimal(BigDecimal d) {
        string(d == null ? null : d.toString()); // toString round-trips value and scale exactly
    }

    private void date(LocalDate d) {
        if (d == null) {
            varint(0);
        } else {
            varint(1);
            varlong(d.toEpochDay());
        }
    }

    private void nullableLong(Long n) {
        if (n == null) {
            varint(0);
        } else {
            varint(1);
            varlong(n);
        }
    }

    private void varint(int n) {
        varlong(n);
    }

    private void varlong(long n) {
        long v = (n << 1) ^ (n >> 63); // zig-zag: small negatives stay short
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private void bytes(byte[] b) {
        out.write(b, 0, b.length);
    }
}
