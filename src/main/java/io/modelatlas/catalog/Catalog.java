package io.modelatlas.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The immutable set of models with lookups by id, alias, {@code provider/id} and display name. Built once by a
 * loader and shared read-only; a refresh builds a new Catalog and swaps it in whole.
 */
public final class Catalog {
    /** No model's id or name is longer; a longer query is nothing to resolve by identity. */
    private static final int MAX_NAME_LENGTH = 256;
    private final List<Model> models;
    private final List<SourceInfo> sources;
    private final Map<String, Model> byId = new LinkedHashMap<>();
    private final Map<String, Model> byName = new HashMap<>();
    /** Built on first use: a CLI command that names a model by its id never needs it. */
    private volatile Identities identities;
    /** Read and mapped on first use: only pages and commands that show scores pay for the leaderboards. */
    private final Function<Catalog, Leaderboards> leaderboardLoader;
    private volatile Leaderboards leaderboards;

    /** Models by identity key, and each model's dated versions of its own. */
    private record Identities(Map<String, Model> byKey, Map<String, List<Model>> versions) {
        static Identities of(List<Model> models) {
            // spellings no source wrote ("claude 3.5 haiku", "GPT 4.1 mini") resolve by identity key: ids first, then names
            Map<String, Model> byKey = new HashMap<>();
            Map<String, Model> byIdKey = new HashMap<>();
            for (Model m : models) {
                byKey.putIfAbsent(ModelIdentity.key(m.displayName()), m);
            }
            for (Model m : models) {
                String key = ModelIdentity.key(m.id());
                byKey.put(key, m);
                byIdKey.put(key, m);
            }
            Map<String, List<Model>> versions = new HashMap<>();
            for (Model m : models) {
                String base = ModelIdentity.undatedKey(m.id());
                Model of = base == null ? null : byIdKey.get(base);
                if (of != null) {
                    versions.computeIfAbsent(of.id(), k -> new ArrayList<>()).add(m);
                }
            }
            versions.replaceAll((id, list) -> list.stream().sorted(Comparator.comparing(Model::id)).toList());
            return new Identities(byKey, versions);
        }
    }

    private Identities identities() {
        Identities i = identities;
        if (i == null) {
            i = Identities.of(models); // computed at most a few times when threads race: the result is the same
            identities = i;
        }
        return i;
    }

    private Catalog(List<Model> models, List<SourceInfo> sources, Function<Catalog, Leaderboards> leaderboardLoader) {
        this.models = List.copyOf(models);
        this.sources = List.copyOf(sources);
        this.leaderboardLoader = Objects.requireNonNull(leaderboardLoader, "leaderboardLoader");
        for (Model m : this.models) {
            if (byId.putIfAbsent(m.id(), m) != null) {
                throw new IllegalArgumentException("duplicate model id " + m.id());
            }
        }
        // Lower precedence first, so that ids win over aliases, aliases over qualified ids, and those over names.
        for (Model m : this.models) {
            byName.putIfAbsent(normalise(m.displayName()), m);
        }
        for (Model m : this.models) {
            for (Offering o : m.offerings()) {
                byName.put(normalise(o.qualifiedId()), m);
            }
        }
        for (Model m : this.models) {
            for (String alias : m.aliases()) {
                byName.put(normalise(alias), m);
            }
        }
        for (Model m : this.models) {
            byName.put(normalise(m.id()), m);
            byName.put(normalise(m.creatorId() + "/" + m.id()), m);
        }
    }

    public static Catalog of(List<Model> models, List<SourceInfo> sources) {
        return new Catalog(models, sources, c -> Leaderboards.ofModels(c.models()));
    }

    public static Catalog of(List<Model> models) {
        return of(models, List.of());
    }

    /**
     * A catalog whose leaderboards are built from it on first use (the mapping of published names needs the
     * catalog's identity layer).
     */
    public static Catalog of(List<Model> models, List<SourceInfo> sources, Function<Catalog, Leaderboards> leaderboards) {
        return new Catalog(models, sources, leaderboards);
    }

    /** The same models with other source descriptions; the leaderboards are this catalog's, built once for both. */
    public Catalog withSources(List<SourceInfo> otherSources) {
        return new Catalog(models, otherSources, c -> leaderboards());
    }

    /** Every benchmark and published score; built once, on first use. */
    public Leaderboards leaderboards() {
        Leaderboards l = leaderboards;
        if (l == null) {
            synchronized (this) {
                l = leaderboards;
                if (l == null) {
                    l = leaderboardLoader.apply(this);
                    leaderboards = l;
                }
            }
        }
        return l;
    }

    public List<Model> models() {
        return models;
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
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * Resolves an id, alias, {@code provider/id} or display name, case-insensitively; then any spelling of the same
     * identity ({@link ModelIdentity}: separators, word order, date style).
     */
    public Optional<Model> find(String query) {
        if (query == null) {
            return Optional.empty();
        }
        Model exact = byName.get(normalise(query));
        if (exact != null || query.length() > MAX_NAME_LENGTH) {
            return Optional.ofNullable(exact);
        }
        return Optional.ofNullable(identities().byKey().get(ModelIdentity.key(query)));
    }

    /**
     * The dated snapshots of a model that are models of their own because a provider prices or limits them
     * differently ({@code gpt-4o-2024-05-13} of {@code gpt-4o}), oldest first.
     */
    public List<Model> versions(Model model) {
        return identities().versions().getOrDefault(model.id(), List.of());
    }

    /** The model a dated snapshot is a version of, if it is one. */
    public Optional<Model> versionOf(Model snapshot) {
        String base = ModelIdentity.undatedKey(snapshot.id());
        return base == null ? Optional.empty() : Optional.ofNullable(identities().byKey().get(base)).filter(m -> versions(m).contains(snapshot));
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
        for (Map.Entry<String, Model> e : byName.entrySet()) {
            String key = e.getKey();
            if (key.length() > MAX_QUERY_LENGTH) {
                continue;
            }
            int d = key.contains(q) && !q.isEmpty() ? Math.max(0, key.length() - q.length()) / 4 : EditDistance.within(q, key, cutoff, cells);
            best.merge(e.getValue().id(), d, Math::min);
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
