package io.modelatlas.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.UnknownModelException;
import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.CatalogChanges;
import io.modelatlas.catalog.history.ChangeSources;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryDiff;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.history.Observation;
import io.modelatlas.catalog.history.Observations;
import io.modelatlas.catalog.history.RecordedChange;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.snapshot.SnapshotException;
import io.modelatlas.catalog.source.BundledSnapshot;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceFormatException;
import io.modelatlas.catalog.source.SourceSet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The catalog in use and every change to it. The store holds the truth (imported source files, operators'
 * corrections, the history of every price, limit and status); this service builds the catalog from it, records
 * imports, refreshes and corrections as catalog versions, and swaps the catalog in one step, so that readers see the
 * old catalog or the new one, never a half-applied change.
 *
 * <p>Every change is prepared outside the store's write lock (parsing and merging take about a second), then written
 * in one transaction that first checks that no other writer got in between; if one did, the change is prepared again
 * on top of it.
 */
public final class LiveCatalog {
    private static final int ATTEMPTS = 4;

    private final CatalogArchive store;
    private final SourceSet bundled;
    private final Clock clock;
    private final AtomicReference<Current> current = new AtomicReference<>();
    private final List<Consumer<Catalog>> listeners = new CopyOnWriteArrayList<>();
    /**
     * Which build of the merge code and bundled data made the catalog snapshots this service keeps in the store, so
     * that a start reads a version's catalog instead of merging its files again; null when none are kept (a data set
     * other than the jar's own, or classes built without the bundled snapshot).
     */
    private final String snapshotStamp;

    private record Current(Catalog catalog, long version) {}

    private LiveCatalog(CatalogArchive store, SourceSet bundled, Clock clock) {
        this.store = store;
        this.bundled = bundled;
        this.clock = clock;
        this.snapshotStamp = bundled.isBundledAsIs() ? BundledSnapshot.stamp() : null;
    }

    /**
     * Opens the catalog of a store. A new store is first seeded: the earlier copies of the sources the data set lists
     * start the history, then its current copies are recorded on top, so that every difference is a dated change.
     * When the bundled data is newer than what the store holds (a new release), it is imported.
     */
    public static LiveCatalog open(CatalogArchive store, SourceSet bundled, Clock clock) {
        LiveCatalog s = new LiveCatalog(store, bundled, clock);
        if (store.latestVersion() == 0) {
            s.seed();
        }
        s.reload();
        s.importNewerBundledData();
        return s;
    }

    public Catalog catalog() {
        return current.get().catalog();
    }

    public long version() {
        return current.get().version();
    }

    /** Called with each new catalog after it is in use (the web layer drops its rendered pages). */
    public void onChange(Consumer<Catalog> listener) {
        listeners.add(listener);
    }

    /** Picks up what another instance recorded; true when the catalog changed. A failing store leaves it as it is. */
    public boolean reloadIfChanged() {
        if (store.latestVersion() == version()) {
            return false;
        }
        reload();
        return true;
    }

    private void reload() {
        long version = store.latestVersion();
        swap(storedCatalog(version), version);
    }

    /** The catalog of a version: the snapshot kept of it when this build made one, else merged from the stored files (and kept). */
    private Catalog storedCatalog(long version) {
        Optional<Catalog> kept = Optional.empty();
        if (snapshotStamp != null) {
            try {
                kept = store.catalogSnapshot(version, snapshotStamp).flatMap(b -> CatalogSnapshot.read(b, snapshotKey(version)));
            } catch (SnapshotException e) {
                kept = Optional.empty(); // a damaged cache: merge, and the snapshot kept below replaces it
            }
        }
        return kept.orElseGet(() -> {
            Catalog merged = CatalogLoader.load(storedSet());
            keepSnapshot(version, merged);
            return merged;
        });
    }

    /** Keeps the version's catalog as a snapshot for the next start. */
    private void keepSnapshot(long version, Catalog catalog) {
        if (snapshotStamp == null) {
            return;
        }
        try {
            store.keepCatalogSnapshot(version, snapshotStamp, CatalogSnapshot.write(catalog, snapshotKey(version), snapshotStamp));
        } catch (RuntimeException e) {
            // only a cache: a store that refuses it (busy, full, read-only) costs the next start a merge, nothing else
        }
    }

    /** What a version's stored snapshot is labelled with: {@link CatalogSnapshot#read} checks it. */
    public static String snapshotKey(long version) {
        return "catalog version " + version;
    }

    // synchronized: the poller, a background refresh and requests swap from their own threads; the listeners must see
    // the catalogs in version order, or the site could fall back to an older one
    private synchronized void swap(Catalog catalog, long version) {
        Current before = current.get();
        if (before != null && before.version() > version) {
            return; // a newer catalog is already in use
        }
        current.set(new Current(catalog, version));
        listeners.forEach(l -> l.accept(catalog));
    }

    /** The files the catalog is built from: the newest stored copy of each source, then operators' corrections. */
    private SourceSet storedSet() {
        SourceSet set = bundled;
        for (String source : SourceSet.IMPORTABLE) {
            Optional<SourceSnapshot> s = store.latestSnapshot(source);
            if (s.isPresent()) {
                set = set.with(new SourceSet.SourceFile(source, s.get().fileName(), s.get().asOf(), s.get().skipInvalid(), s.get().content()));
            }
        }
        for (String board : SourceSet.LEADERBOARDS) {
            Optional<SourceSnapshot> s = bundled.hasLeaderboards() ? store.latestSnapshot(board) : Optional.empty();
            if (s.isPresent()) {
                set = set.with(new SourceSet.SourceFile(board, s.get().fileName(), s.get().asOf(), false, s.get().content()));
            }
        }
        return set.withCurations(store.curations());
    }

    /** Imports a file of one source: checked before anything is touched, then recorded as a catalog version. */
    public ImportResult importFile(String source, String fileName, byte[] content, LocalDate asOf, boolean skipInvalid, String actor) {
        if (!SourceSet.IMPORTABLE.contains(source)) {
            throw new IllegalArgumentException("unknown source '" + source + "': expected one of " + String.join(", ", SourceSet.IMPORTABLE));
        }
        return record("import", List.of(new SourceSet.SourceFile(source, fileName, asOf, skipInvalid, content)), actor);
    }

    /**
     * Imports every source of {@code from} whose file differs from the stored one, as one catalog version. A leaderboard
     * table fetched live gives way to {@code from}'s own table; without a fetched one, the data set's table is read
     * already.
     */
    public ImportResult refresh(SourceSet from, String actor) {
        List<SourceSet.SourceFile> files = new ArrayList<>();
        for (String source : from.sources()) {
            files.add(from.file(source));
        }
        for (String board : SourceSet.LEADERBOARDS) {
            if (from.hasLeaderboards() && bundled.hasLeaderboards() && store.latestSnapshot(board).isPresent()) {
                files.add(from.file(board));
            }
        }
        return record("refresh", files, actor);
    }

    /**
     * Imports fetched files (one per source or leaderboard at most; a leaderboard's is its tidy CSV) as one catalog
     * version; unchanged ones are left alone.
     */
    public ImportResult refreshFiles(List<SourceSet.SourceFile> files, String actor) {
        for (SourceSet.SourceFile f : files) {
            if (!SourceSet.IMPORTABLE.contains(f.source()) && !SourceSet.LEADERBOARDS.contains(f.source())) {
                throw new IllegalArgumentException("unknown source '" + f.source() + "': expected one of " + String.join(", ", SourceSet.IMPORTABLE)
                        + " or a leaderboard: " + String.join(", ", SourceSet.LEADERBOARDS));
            }
            if (SourceSet.LEADERBOARDS.contains(f.source()) && !bundled.hasLeaderboards()) {
                throw new IllegalArgumentException("the " + f.source() + " leaderboard cannot be refreshed: this data set has no leaderboards");
            }
        }
        return record("refresh", files, actor);
    }

    /** The file the catalog reads a source from now: the newest stored copy, else the bundled one. */
    public SourceSet.SourceFile currentFile(String source) {
        return storedSet().file(source);
    }

    /**
     * {@link #currentFile}, or empty when the catalog has no file of the source (a data directory without genai-prices,
     * or without leaderboards). Reads only that source's stored copy: a refresh asks for each source in turn.
     */
    Optional<SourceSet.SourceFile> currentFileIfAny(String source) {
        boolean board = SourceSet.LEADERBOARDS.contains(source);
        Optional<SourceSnapshot> s = board && !bundled.hasLeaderboards() ? Optional.empty() : store.latestSnapshot(source);
        if (s.isPresent()) {
            return Optional.of(new SourceSet.SourceFile(source, s.get().fileName(), s.get().asOf(), s.get().skipInvalid(), s.get().content()));
        }
        return bundled.has(source) ? Optional.of(bundled.file(source)) : Optional.empty();
    }

    /** The SHA-256 of the source's newest stored copy, or null when the store has none. */
    String storedSha256(String source) {
        return store.latestSnapshot(source).map(SourceSnapshot::sha256).orElse(null);
    }

    private void importNewerBundledData() {
        List<SourceSet.SourceFile> newer = new ArrayList<>();
        for (String source : bundled.sources()) {
            Optional<LocalDate> stored = store.latestAsOf(source);
            if (stored.isPresent() && bundled.ownAsOf(source).isAfter(stored.get())) {
                newer.add(bundled.file(source));
            }
        }
        for (String board : bundled.hasLeaderboards() ? SourceSet.LEADERBOARDS : List.<String>of()) {
            // a release's own table newer than the copy a live refresh fetched takes its place again
            Optional<LocalDate> stored = store.latestAsOf(board);
            if (stored.isPresent() && bundled.ownAsOf("leaderboards").isAfter(stored.get())) {
                newer.add(bundled.file(board));
            }
        }
        if (!newer.isEmpty()) {
            record("refresh", newer, "system: newer bundled data");
        }
    }

    private ImportResult record(String kind, List<SourceSet.SourceFile> files, String actor) {
        int entries = 0;
        int offerings = 0;
        List<String> skipped = new ArrayList<>();
        Map<String, int[]> perFile = new LinkedHashMap<>(); // each file's entries and skipped entries, as stored with it
        for (SourceSet.SourceFile f : files) {
            if (SourceSet.LEADERBOARDS.contains(f.source())) {
                int rows = CatalogLoader.checkLeaderboard(f).rows();
                perFile.put(f.source(), new int[] {rows, 0});
                entries += rows;
                continue;
            }
            CatalogLoader.SourceCheck check = CatalogLoader.check(f);
            perFile.put(f.source(), new int[] {check.entries(), check.skipped().size()});
            entries += check.entries();
            offerings += check.offerings();
            skipped.addAll(check.skipped());
        }
        List<String> names = files.stream().map(f -> f.source() + " " + f.fileName() + " (" + f.asOf() + ")").toList();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long base = store.latestVersion();
            List<SourceSet.SourceFile> changed = files.stream().filter(f -> !sameAsStored(f)).toList();
            if (changed.isEmpty()) {
                return new ImportResult(0, names, entries, offerings, skipped, 0, 0, true);
            }
            SourceSet set = storedSet();
            for (SourceSet.SourceFile f : changed) {
                set = set.with(f);
            }
            Catalog next = CatalogLoader.load(set);
            Map<FieldKey, Observation> now = Observations.of(next);
            LocalDate removedOn = changed.stream().map(SourceSet.SourceFile::asOf).max(LocalDate::compareTo).orElseThrow();
            String summary = kind + " of " + String.join(", ", changed.stream().map(f -> f.source() + " " + f.fileName() + " (" + f.asOf() + ")").toList())
                    + (skipped.isEmpty() ? "" : ", " + skipped.size() + " entries skipped");
            Instant at = clock.instant();
            int[] counts = new int[2];
            Long version = store.write(w -> {
                if (w.latestVersion() != base) {
                    return null;
                }
                long v = w.addVersion(at, kind, summary, actor);
                for (SourceSet.SourceFile f : changed) {
                    int[] count = perFile.get(f.source());
                    w.addSnapshot(v, f.source(), f.fileName(), f.asOf(), sha256(f.content()), f.skipInvalid(), count[0], count[1], f.content());
                }
                Map<FieldKey, HistoryEntry> open = w.openHistory();
                HistoryDiff diff = HistoryDiff.between(open, now, removedOn);
                w.applyHistory(diff, v);
                recordChanges(w, v, open, now, removedOn);
                w.audit(at, actor, kind, String.join(", ", changed.stream().map(SourceSet.SourceFile::source).toList()), null, summary);
                counts[0] = diff.opened().size();
                counts[1] = diff.closed().size();
                return v;
            });
            if (version != null) {
                swap(next, version);
                keepSnapshot(version, next);
                return new ImportResult(version, names, entries, offerings, skipped, counts[0], counts[1], false);
            }
        }
        throw new ConcurrentChangeException("other writers kept changing the catalog; nothing was imported, try again");
    }

    private boolean sameAsStored(SourceSet.SourceFile f) {
        return store.latestSnapshot(f.source()).map(s -> s.sha256().equals(sha256(f.content())) && s.skipInvalid() == f.skipInvalid()
                && s.asOf().equals(f.asOf())).orElse(false);
    }

    /**
     * Applies an operator's correction (a JSON merge patch on the model's curated entry: strengths, best_for, status,
     * successor, description, display_name, aliases, prices per provider) and records it with an audit entry.
     *
     * @throws UnknownModelException when the model or the successor named is not in the catalog
     * @throws SourceFormatException naming the field of the patch that is wrong
     */
    public Curated curate(String modelId, JsonNode patch, String actor) {
        if (patch == null || !patch.isObject()) {
            // checked before anything reads the patch as an object: a body [1,2] or null is the client's mistake, not a 500
            throw new SourceFormatException("request body", "$", "the body must be a JSON object of overlay fields, got "
                    + (patch == null ? "nothing" : patch.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        Model model = catalog().require(modelId);
        JsonNode successor = patch == null ? null : patch.get("successor");
        if (successor != null && successor.isTextual()) {
            catalog().require(successor.asText());
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long base = store.latestVersion();
            Map<String, String> curations = new LinkedHashMap<>(store.curations());
            String stored = curations.get(model.id());
            JsonNode withDate = patch.deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) withDate).put("as_of", LocalDate.now(clock).toString());
            CatalogLoader.Curation c = CatalogLoader.checkCuration(bundled, model.id(),
                    stored == null ? null : CatalogLoader.json("stored curation of " + model.id(), stored), withDate);
            curations.put(model.id(), c.patch().toString());
            Catalog next = CatalogLoader.load(storedSet().withCurations(curations));
            Map<FieldKey, Observation> now = Observations.of(next);
            Instant at = clock.instant();
            LocalDate today = LocalDate.now(clock);
            Long version = store.write(w -> {
                if (w.latestVersion() != base) {
                    return null;
                }
                long v = w.addVersion(at, "curation", "correction of " + model.id() + " by " + actor, actor);
                w.putCuration(model.id(), c.patch().toString(), at, actor);
                Map<FieldKey, HistoryEntry> open = w.openHistory();
                w.applyHistory(HistoryDiff.between(open, now, today), v);
                recordChanges(w, v, open, now, today);
                w.audit(at, actor, "curate", "models/" + model.id(), c.before().toString(), c.after().toString());
                return v;
            });
            if (version != null) {
                swap(next, version);
                keepSnapshot(version, next);
                return new Curated(version, next.require(model.id()), c.before(), c.after());
            }
        }
        throw new ConcurrentChangeException("other writers kept changing the catalog; the correction was not applied, try again");
    }

    /** A correction as applied: the catalog version it made and the model as it now reads. */
    public record Curated(long version, Model model, JsonNode before, JsonNode after) {}

    /**
     * Records for the changes feed what version {@code version} changed: the catalog as the store's history held it
     * before (in this transaction, so another instance's version in between is counted once, by it) against the new
     * catalog's observations. The store's first versions (the seed) record none: the feed starts at the first change.
     */
    private static void recordChanges(CatalogArchive.Changes w, long version, Map<FieldKey, HistoryEntry> open, Map<FieldKey, Observation> now,
                                      LocalDate observed) {
        Map<FieldKey, Observation> was = new HashMap<>(open.size() * 2);
        open.forEach((key, e) -> was.put(key, new Observation(key, e.value(), e.source(), e.validFrom())));
        List<CatalogChange> changes = CatalogChanges.between(was, now, observed);
        w.addChanges(version, changes, new ChangeSources(was, now)::of);
    }

    /** The newest {@code limit} catalog versions, newest first: what made each and who. */
    public List<CatalogVersion> versions(int limit) {
        return store.versions(limit);
    }

    /** The changes recorded on or after {@code since} (all when null), newest first, at most {@code limit}. */
    public List<RecordedChange> changes(LocalDate since, int limit) {
        return store.changes(since, limit);
    }

    /** Every value every tracked field of the model has held. */
    public List<HistoryEntry> history(String modelId) {
        return store.history(catalog().require(modelId).id());
    }

    private void seed() {
        List<SourceSet.SourceFile> earlier = bundled.historicFiles();
        SourceSet then = bundled;
        for (SourceSet.SourceFile f : earlier) {
            then = then.with(f);
        }
        // the catalog of the earlier copies too is merged at build time, for the jar's own data set
        SourceSet history = then;
        Map<FieldKey, Observation> before = earlier.isEmpty() ? Map.of() : Observations.of(bundled.isBundledAsIs()
                ? BundledSnapshot.readHistory().orElseGet(() -> CatalogLoader.load(history)) : CatalogLoader.load(history));
        // the bundled catalog from its snapshot: the merge of every source is done at build time
        Catalog current = CatalogLoader.loadOrRead(bundled);
        Map<FieldKey, Observation> now = Observations.of(current);
        List<SourceSet.SourceFile> files = bundled.sources().stream().map(bundled::file).toList();
        LocalDate newest = files.stream().map(SourceSet.SourceFile::asOf).max(LocalDate::compareTo).orElseThrow();
        Map<String, Integer> entries = new LinkedHashMap<>();
        // each source's entries as the load counted them, rather than parsing every file once more
        current.sources().forEach(i -> entries.put(i.name(), i.entries()));
        Instant at = clock.instant();
        Long seeded = store.write(w -> {
            if (w.latestVersion() != 0) {
                return null; // another instance seeded the store first
            }
            if (!before.isEmpty()) {
                long v1 = w.addVersion(at, "bootstrap", "history seed: " + describe(earlier), "system");
                w.applyHistory(HistoryDiff.between(Map.of(), before, newest), v1);
            }
            long v2 = w.addVersion(at, "bootstrap", "bundled data: " + describe(files), "system");
            for (SourceSet.SourceFile f : files) {
                w.addSnapshot(v2, f.source(), f.fileName(), f.asOf(), sha256(f.content()), false, entries.get(f.source()), 0, f.content());
            }
            w.applyHistory(HistoryDiff.between(w.openHistory(), now, newest), v2);
            return v2;
        });
        if (seeded != null && snapshotStamp != null) {
            // the stored files are the bundled ones: the same catalog, its sources named as imported files
            keepSnapshot(seeded, CatalogLoader.storedCopy(current, bundled, storedSet()));
        }
    }

    private static String describe(List<SourceSet.SourceFile> files) {
        return String.join(", ", files.stream().map(f -> f.source() + " " + f.asOf()).toList());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
