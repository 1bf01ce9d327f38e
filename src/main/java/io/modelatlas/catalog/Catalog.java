package io.modelatlas.catalog;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The immutable set of models with lookups by id, alias, {@code provider/id} and display name. Built once by a
 * loader and shared read-only; a refresh builds a new Catalog and swaps it in whole.
 */
public final class Catalog {
    /** No model's id or name is longer; a longer query is nothing to resolve by identity. */
    private static final int MAX_NAME_LENGTH = 256;
    private final List<Model> models;
    private final List<ModelNames> names;
    /**
     * Each model's summary, in model order, read on first use: from a snapshot's index (without the models), else made
     * from the models (a catalog built whole has them all). A command that prices one model never reads them.
     */
    private final Supplier<List<ModelSummary>> summaryLoader;
    private volatile List<ModelSummary> summaries;
    private final List<SourceInfo> sources;
    /** Model numbers (positions in {@link #models}) by id and by normalised name: finding one reads no other. */
    private final Map<String, Integer> byId = new LinkedHashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();
    /** Built on first use: a CLI command that names a model by its id never needs it. */
    private volatile Identities identities;
    /** Read and mapped on first use: only pages and commands that show scores pay for the leaderboards. */
    private final Function<Catalog, Leaderboards> leaderboardLoader;
    private volatile Leaderboards leaderboards;
    /**
     * Every benchmark and the scores of some models only, read without the other scores (a snapshot's per-model index);
     * null when only the whole can be read. What a comparison of two models needs of some 18,000 scores.
     */
    private final Function<Collection<String>, Leaderboards> scoresLoader;
    /** Scores read so far, whole or by model: what tells that a command reads only the scores it shows. */
    private final LongAdder scoresRead = new LongAdder();

    /** Model numbers by identity key, and each model's dated versions of its own. */
    private record Identities(Map<String, Integer> byKey, Map<String, List<Integer>> versions) {
        static Identities of(List<ModelNames> names) {
            // spellings no source wrote ("claude 3.5 haiku", "GPT 4.1 mini") resolve by identity key: ids first, then names
            Map<String, Integer> byKey = new HashMap<>();
            Map<String, Integer> byIdKey = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byKey.putIfAbsent(ModelIdentity.key(names.get(i).displayName()), i);
            }
            for (int i = 0; i < names.size(); i++) {
                String key = ModelIdentity.key(names.get(i).id());
                byKey.put(key, i);
                byIdKey.put(key, i);
            }
            Map<String, List<Integer>> versions = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String base = ModelIdentity.undatedKey(names.get(i).id());
                Integer of = base == null ? null : byIdKey.get(base);
                if (of != null) {
                    versions.computeIfAbsent(names.get(of).id(), k -> new ArrayList<>()).add(i);
                }
            }
            versions.replaceAll((id, list) -> list.stream().sorted(Comparator.comparing(n -> names.get(n).id())).toList());
            return new Identities(byKey, versions);
        }
    }

    private Identities identities() {
        Identities i = identities;
        if (i == null) {
            i = Identities.of(names); // computed at most a few times when threads race: the result is the same
            identities = i;
        }
        return i;
    }

    private Catalog(List<Model> models, List<ModelNames> names, Supplier<List<ModelSummary>> summaryLoader, List<SourceInfo> sources,
                    Function<Catalog, Leaderboards> leaderboardLoader, Function<Collection<String>, Leaderboards> scoresLoader) {
        if (models.size() != names.size()) {
            throw new IllegalArgumentException(models.size() + " models but " + names.size() + " names");
        }
        this.models = models;
        this.names = List.copyOf(names);
        this.summaryLoader = summaryLoader == null ? () -> models.stream().map(ModelSummary::of).toList() : summaryLoader;
        this.sources = List.copyOf(sources);
        this.leaderboardLoader = Objects.requireNonNull(leaderboardLoader, "leaderboardLoader");
        this.scoresLoader = scoresLoader;
        for (int i = 0; i < this.names.size(); i++) {
            if (byId.putIfAbsent(this.names.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate model id " + this.names.get(i).id());
            }
        }
        // Lower precedence first, so that ids win over aliases, aliases over qualified ids, and those over names.
        for (int i = 0; i < this.names.size(); i++) {
            byName.putIfAbsent(normalise(this.names.get(i).displayName()), i);
        }
        for (int i = 0; i < this.names.size(); i++) {
            for (String qualifiedId : this.names.get(i).qualifiedIds()) {
                byName.put(normalise(qualifiedId), i);
            }
        }
        for (int i = 0; i < this.names.size(); i++) {
            for (String alias : this.names.get(i).aliases()) {
                byName.put(normalise(alias), i);
            }
        }
        for (int i = 0; i < this.names.size(); i++) {
            ModelNames n = this.names.get(i);
            byName.put(normalise(n.id()), i);
            byName.put(normalise(n.creatorId() + "/" + n.id()), i);
        }
    }

    private static Catalog eager(List<Model> models, List<SourceInfo> sources, Function<Catalog, Leaderboards> leaderboards) {
        List<Model> all = List.copyOf(models);
        return new Catalog(all, all.stream().map(ModelNames::of).toList(), null, sources, leaderboards, null);
    }

    public static Catalog of(List<Model> models, List<SourceInfo> sources) {
        return eager(models, sources, c -> Leaderboards.ofModels(c.models()));
    }

    public static Catalog of(List<Model> models) {
        return of(models, List.of());
    }

    /**
     * A catalog whose leaderboards are built from it on first use (the mapping of published names needs the
     * catalog's identity layer).
     */
    public static Catalog of(List<Model> models, List<SourceInfo> sources, Function<Catalog, Leaderboards> leaderboards) {
        return eager(models, sources, leaderboards);
    }

    /**
     * A catalog that reads each model on first use: {@code model} gives the model of each number of {@code names}
     * (a snapshot's reader), called at most once per model. A command that prices one model reads one; one that ranks
     * it among all reads their {@code summaries} ({@link ModelSummary#of} of each model, in the same order), given on
     * first use.
     */
    public static Catalog lazy(List<ModelNames> names, Supplier<List<ModelSummary>> summaries, IntFunction<Model> model, List<SourceInfo> sources,
                               Function<Catalog, Leaderboards> leaderboards) {
        return lazy(names, summaries, model, sources, leaderboards, null);
    }

    /**
     * A lazy catalog that also reads the scores of some models without the others: {@code scoresOf} gives every
     * benchmark and the scores of the models named, as {@link Leaderboards#only} of the whole would (see
     * {@link #leaderboardsOf}).
     */
    public static Catalog lazy(List<ModelNames> names, Supplier<List<ModelSummary>> summaries, IntFunction<Model> model, List<SourceInfo> sources,
                               Function<Catalog, Leaderboards> leaderboards, Function<Collection<String>, Leaderboards> scoresOf) {
        return new Catalog(new LazyModels(names.size(), model), names, Objects.requireNonNull(summaries, "summaries"), sources, leaderboards,
                scoresOf);
    }

    /** Models read on first use, each once; safe to share between threads (a model read twice in a race is equal). */
    private static final class LazyModels extends AbstractList<Model> implements RandomAccess {
        private final AtomicReferenceArray<Model> read;
        private final IntFunction<Model> model;

        LazyModels(int size, IntFunction<Model> model) {
            this.read = new AtomicReferenceArray<>(size);
            this.model = model;
        }

        @Override
        public Model get(int index) {
            Model m = read.get(index);
            if (m == null) {
                m = model.apply(index);
                if (!read.compareAndSet(index, null, m)) {
                    m = read.get(index);
                }
            }
            return m;
        }

        @Override
        public int size() {
            return read.length();
        }

        int readSoFar() {
            int n = 0;
            for (int i = 0; i < read.length(); i++) {
                n += read.get(i) == null ? 0 : 1;
            }
            return n;
        }
    }

    /** The same models with other source descriptions; the leaderboards are this catalog's, built once for both. */
    public Catalog withSources(List<SourceInfo> otherSources) {
        return new Catalog(models, names, this::summaries, otherSources, c -> leaderboards(), this::leaderboardsOf);
    }

    /** Every benchmark and published score; built once, on first use. */
    public Leaderboards leaderboards() {
        Leaderboards l = leaderboards;
        if (l == null) {
            synchronized (this) {
                l = leaderboards;
                if (l == null) {
                    l = leaderboardLoader.apply(this);
                    scoresRead.add(l.scores().size());
                    leaderboards = l;
                }
            }
        }
        return l;
    }

    /**
     * Every benchmark, and the scores of these models only: {@link Leaderboards#shared} and {@link Leaderboards#scoresOf}
     * of these models as {@link #leaderboards()} gives them, without reading the other models' scores when the whole
     * is not read yet. Not for figures over a whole leaderboard (ranks, how many models it scores): those need
     * {@link #leaderboards()}.
     */
    public Leaderboards leaderboardsOf(Collection<String> modelIds) {
        Leaderboards whole = leaderboards;
        if (whole != null || scoresLoader == null) {
            return leaderboards().only(modelIds);
        }
        Leaderboards some = scoresLoader.apply(modelIds);
        scoresRead.add(some.scores().size());
        return some;
    }

    /**
     * How many published scores have been read so far: all of them once {@link #leaderboards()} is built, else
     * those {@link #leaderboardsOf} read (tests, start-up diagnostics).
     */
    public long scoresRead() {
        return scoresRead.sum();
    }

    public List<Model> models() {
        return models;
    }

    /** {@link ModelSummary#of} of each model, in the order of {@link #models()}; reads no model of a snapshot's catalog. */
    public List<ModelSummary> summaries() {
        List<ModelSummary> s = summaries;
        if (s == null) {
            s = List.copyOf(summaryLoader.get()); // at most a few times when threads race: the result is the same
            if (s.size() != models.size()) {
                throw new IllegalStateException(models.size() + " models but " + s.size() + " summaries");
            }
            summaries = s;
        }
        return s;
    }

    /**
     * How many models have been read so far: all of a catalog built whole; of a snapshot's, those asked for. What
     * tells that a command reads only the models it shows (tests, start-up diagnostics).
     */
    public int modelsRead() {
        return models instanceof LazyModels lazy ? lazy.readSoFar() : models.size();
    }

    public List<SourceInfo> sources() {
        return sources;
    }

    /** Every provider that offers some model, sorted. */
    public List<String> providers() {
        return models.stream().flatMap(m -> m.offerings().stream()).map(Offering::provider).distinct().sorted().toList();
    }

    /**
     * Checks that a benchmark id (an order's, or a filter's) names a benchmark of this catalog, so a typo is an error
     * rather than a listing that silently ignores it.
     *
     * @throws UnknownBenchmarkException naming the id, with the closest ids
     */
    public void requireBenchmark(String idOrName) {
        if (idOrName != null && leaderboards().find(idOrName).isEmpty()) {
            throw new UnknownBenchmarkException(idOrName, leaderboards());
        }
    }

    public int offeringCount() {
        return models.stream().mapToInt(m -> m.offerings().size()).sum();
    }

    public Optional<Model> byId(String id) {
        return model(byId.get(id));
    }

    /** The summary of the model with this id, without reading the model. */
    public Optional<ModelSummary> summary(String id) {
        Integer number = byId.get(id);
        return number == null ? Optional.empty() : Optional.of(summaries().get(number));
    }

    private Optional<Model> model(Integer number) {
        return number == null ? Optional.empty() : Optional.of(models.get(number));
    }

    /**
     * Resolves an id, alias, {@code provider/id} or display name, case-insensitively; then any spelling of the same
     * identity ({@link ModelIdentity}: separators, word order, date style).
     */
    public Optional<Model> find(String query) {
        if (query == null) {
            return Optional.empty();
        }
        Integer exact = byName.get(normalise(query));
        if (exact != null || query.length() > MAX_NAME_LENGTH) {
            return model(exact);
        }
        return model(identities().byKey().get(ModelIdentity.key(query)));
    }

    /**
     * The dated snapshots of a model that are models of their own because a provider prices or limits them
     * differently ({@code gpt-4o-2024-05-13} of {@code gpt-4o}), oldest first.
     */
    public List<Model> versions(Model model) {
        return identities().versions().getOrDefault(model.id(), List.of()).stream().map(models::get).toList();
    }

    /** The model a dated snapshot is a version of, if it is one. */
    public Optional<Model> versionOf(Model snapshot) {
        String base = ModelIdentity.undatedKey(snapshot.id());
        return base == null ? Optional.empty() : model(identities().byKey().get(base)).filter(m -> versions(m).contains(snapshot));
    }

    /**
     * The longest text searched for suggestions. Real ids and names are under 100 characters; a longer query that
     * names no model gets no suggestion search, and names past it are not offered as suggestions, so one request
     * cannot make the search compare thousands of characters with every name.
     */
    public static final int MAX_QUERY_LENGTH = 200;

    /** Like {@link #find} but fails with the closest ids as suggestions (none for a query past {@link #MAX_QUERY_LENGTH}). */
    public Model require(String query) {
        // a long query is still looked up (one hash: a source may have such an id), only never searched for suggestions
        return find(query).orElseThrow(() -> new UnknownModelException(query,
                query != null && query.length() > MAX_QUERY_LENGTH ? List.of() : suggest(query, 5)));
    }

    /** The ids closest to the query by edit distance over ids and names, best first. */
    public List<String> suggest(String query, int limit) {
        return suggest(query, limit, null);
    }

    /**
     * As {@link #suggest(String, int)}, counting the edit-distance table cells filled into {@code cells} (tests). The
     * work is bounded: the query is cut to {@link #MAX_QUERY_LENGTH}, names past it are skipped, and each distance is
     * only worked out up to the cutoff past which a name is not suggested anyway.
     */
    List<String> suggest(String query, int limit, LongAdder cells) {
        String q = normalise(query == null ? "" : query);
        if (q.length() > MAX_QUERY_LENGTH) {
            q = q.substring(0, MAX_QUERY_LENGTH);
        }
        int cutoff = Math.max(3, q.length() / 2);
        record Scored(String id, int distance) {}
        Map<String, Integer> best = new HashMap<>();
        for (Map.Entry<String, Integer> e : byName.entrySet()) {
            String key = e.getKey();
            if (key.length() > MAX_QUERY_LENGTH) {
                continue;
            }
            int d = key.contains(q) && !q.isEmpty() ? Math.max(0, key.length() - q.length()) / 4 : EditDistance.within(q, key, cutoff, cells);
            best.merge(names.get(e.getValue()).id(), d, Math::min);
        }
        List<Scored> scored = new ArrayList<>();
        best.forEach((id, d) -> scored.add(new Scored(id, d)));
        return scored.stream()
                .filter(s -> s.distance() <= cutoff)
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::id))
                .limit(limit)
                .map(Scored::id)
                .toList();
    }

    /** Lowercase, trimmed, runs of white space folded to one space; no regex, it runs for every name at load. */
    static String normalise(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (space && (c != ' ' || (i > 0 && Character.isWhitespace(t.charAt(i - 1))))) {
                if (out == null) {
                    out = new StringBuilder(t.substring(0, i));
                }
                if (!Character.isWhitespace(t.charAt(i - 1))) {
                    out.append(' ');
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? t : out.toString();
    }
}
