package io.modelatlas.catalog.snapshot;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes a catalog in the snapshot form {@link SnapshotReader} reads. Every string and provenance is written once and
 * then referred to by its number (most ids, sources and dates repeat thousands of times); numbers are varints; money
 * is its {@code BigDecimal} text, so it reads back with the same value and scale.
 */
final class SnapshotWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    private final Map<String, Integer> strings = new HashMap<>();
    private final Map<Provenance, Integer> provenances = new HashMap<>();

    static byte[] write(Catalog catalog, String key, String made) {
        SnapshotWriter w = new SnapshotWriter();
        w.bytes(SnapshotFormat.MAGIC);
        w.varint(SnapshotFormat.VERSION);
        w.string(key);
        w.string(made);
        w.list(catalog.sources(), w::source);
        w.list(catalog.models(), w::model);
        w.leaderboards(catalog.leaderboards());
        w.bytes(SnapshotFormat.END);
        return w.out.toByteArray();
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

    private void leaderboards(Leaderboards l) {
        list(l.benchmarks(), this::leaderboard);
        // in the order given, not benchmark by benchmark: it is the order of each model's scores
        list(l.scores(), this::score);
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

    private void provenance(Provenance p) {
        Integer known = provenances.get(p);
        if (known != null) {
            varint(known + 1);
            return;
        }
        provenances.put(p, provenances.size());
        varint(0);
        string(p.source());
        string(p.key());
        date(p.asOf());
    }

    private <T> void list(Collection<T> items, java.util.function.Consumer<T> each) {
        varint(items.size());
        items.forEach(each);
    }

    /** 0 for null, else 1 + the string's number; a string seen for the first time follows its number. */
    private void string(String s) {
        if (s == null) {
            varint(0);
            return;
        }
        Integer known = strings.get(s);
        if (known != null) {
            varint(known + 1);
            return;
        }
        int n = strings.size();
        strings.put(s, n);
        varint(n + 1);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        bytes(utf8);
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
