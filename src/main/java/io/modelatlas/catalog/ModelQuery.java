package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceKind;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A directory search: filters and an order, shared by the CLI's {@code models} and the site's directory. Null
 * filters match everything; a filter on an unknown value (price, context) excludes the model rather than guess.
 */
public record ModelQuery(String search, String creator, String provider, ModelType type, Capability capability,
                         Modality inputModality, Long minContext, BigDecimal maxInputPrice, Lifecycle status, String scoredOn, Order order) {

    /** What a listing is ordered by; unknown values sort last. */
    public enum Sort {
        RELEVANCE, NAME, INPUT_PRICE, CONTEXT, RELEASE, ID, BENCHMARK;

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final String BENCHMARK_PREFIX = "benchmark:";

    /**
     * A listing's order: a sort key, and for {@link Sort#BENCHMARK} the benchmark's id or name (best score first,
     * models without that benchmark after them). Written {@code benchmark:ID} in URLs and on the command line.
     */
    public record Order(Sort by, String benchmark) {
        public static final Order NAME = new Order(Sort.NAME, null);
        public static final Order RELEVANCE = new Order(Sort.RELEVANCE, null);

        public Order {
            Objects.requireNonNull(by, "by");
            if ((by == Sort.BENCHMARK) != (benchmark != null && !benchmark.isBlank())) {
                throw new IllegalArgumentException("sort by benchmark needs a benchmark id, and only it does: benchmark:ID");
            }
        }

        public static Order parse(String text) {
            String t = text.trim();
            if (t.regionMatches(true, 0, BENCHMARK_PREFIX, 0, BENCHMARK_PREFIX.length())) {
                String name = t.substring(BENCHMARK_PREFIX.length()).trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("sort must name a benchmark after 'benchmark:'; got '" + text + "'");
                }
                return new Order(Sort.BENCHMARK, name);
            }
            for (Sort s : Sort.values()) {
                if (s != Sort.BENCHMARK && s.name().equalsIgnoreCase(t.replace('-', '_'))) {
                    return new Order(s, null);
                }
            }
            throw new IllegalArgumentException("sort must be one of relevance, name, input-price, context, release, id, benchmark:ID; got '" + text + "'");
        }

        /** The form {@link #parse} reads. */
        public String param() {
            return by == Sort.BENCHMARK ? BENCHMARK_PREFIX + benchmark : by.param();
        }

        /** The model's best score on the benchmark this order names (by id or name), if it has one. */
        public Optional<LeaderboardScore> score(Model m, Leaderboards leaderboards) {
            return leaderboards.find(benchmark).flatMap(b -> leaderboards.best(m.id(), b.id()));
        }
    }

    public static ModelQuery all() {
        return new ModelQuery(null, null, null, null, null, null, null, null, null, null, Order.RELEVANCE);
    }

    /** The catalog's models this query keeps, in its order. */
    public List<Model> apply(Catalog catalog) {
        Leaderboards leaderboards = scoredOn == null && order.benchmark() == null ? Leaderboards.EMPTY : catalog.leaderboards();
        return catalog.models().stream().filter(predicate(leaderboards)).sorted(comparator(leaderboards)).toList();
    }

    private Predicate<Model> predicate(Leaderboards leaderboards) {
        Predicate<Model> p = m -> true;
        if (scoredOn != null) {
            String id = leaderboards.find(scoredOn).map(Leaderboard::id).orElse(null);
            p = p.and(m -> leaderboards.scoresOf(m.id()).stream().anyMatch(s -> s.benchmarkId().equals(id)));
        }
        if (search != null && !search.isBlank()) {
            // every word of the search, in any order and in id, name or creator ("sonnet 4.5" finds "Claude Sonnet 4.5")
            List<String> words = List.of(search.toLowerCase(Locale.ROOT).trim().split("\\s+"));
            p = p.and(m -> {
                String text = (m.id() + " " + m.displayName() + " " + m.creatorName() + " " + m.creatorId()).toLowerCase(Locale.ROOT);
                return words.stream().allMatch(text::contains) || ModelIdentity.key(m.id()).equals(ModelIdentity.key(search));
            });
        }
        if (creator != null) {
            p = p.and(m -> m.creatorId().equalsIgnoreCase(creator));
        }
        if (provider != null) {
            p = p.and(m -> m.offerings().stream().anyMatch(o -> o.provider().equalsIgnoreCase(provider)));
        }
        if (type != null) {
            p = p.and(m -> m.type() == type);
        }
        if (capability != null) {
            p = p.and(m -> m.supports(capability).orElse(false));
        }
        if (inputModality != null) {
            p = p.and(m -> m.inputModalities() != null && m.inputModalities().value().contains(inputModality));
        }
        if (minContext != null) {
            p = p.and(m -> m.contextWindow() != null && m.contextWindow().value() >= minContext);
        }
        if (maxInputPrice != null) {
            p = p.and(m -> inputPrice(m) != null && inputPrice(m).compareTo(maxInputPrice) <= 0);
        }
        if (status != null) {
            p = p.and(m -> m.status().value().lifecycle() == status);
        }
        return p;
    }

    private Comparator<Model> comparator(Leaderboards leaderboards) {
        Comparator<Model> byName = Comparator.comparing((Model m) -> m.displayName().toLowerCase(Locale.ROOT)).thenComparing(Model::id);
        Order o = order == null ? Order.NAME : order;
        return switch (o.by()) {
            case RELEVANCE -> Comparator.comparingInt(this::relevance).thenComparing(Comparator.comparingInt((Model m) -> m.offerings().size()).reversed())
                    .thenComparing(byName);
            case NAME -> byName;
            case ID -> Comparator.comparing(Model::id);
            case INPUT_PRICE -> Comparator.comparing(ModelQuery::inputPrice, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName);
            case CONTEXT -> Comparator.comparing((Model m) -> m.contextWindow() == null ? null : m.contextWindow().value(),
                    Comparator.nullsLast(Comparator.<Long>reverseOrder())).thenComparing(byName);
            case RELEASE -> Comparator.comparing((Model m) -> m.releaseDate() == null ? null : m.releaseDate().value(),
                    Comparator.nullsLast(Comparator.<PartialDate>reverseOrder())).thenComparing(byName);
            case BENCHMARK -> Comparator.comparing((Model m) -> o.score(m, leaderboards).map(s -> bestFirst(s, leaderboards)).orElse(null),
                    Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder())).thenComparing(byName);
        };
    }

    /**
     * The relevance rule, smaller first: a model the search names exactly; then the models people come for, the
     * creator's own current models with a price from the creator; then other priced current models of a known lab;
     * then deprecated or superseded ones, wrappers of unknown origin and resellers' copies; unpriced placeholders last.
     * Within a rank, models more providers sell come first.
     */
    private int relevance(Model m) {
        boolean named = search != null && !search.isBlank() && (ModelIdentity.key(search).equals(ModelIdentity.key(m.id()))
                || ModelIdentity.key(search).equals(ModelIdentity.key(m.displayName())));
        if (m.primaryOffering().isEmpty()) {
            return named ? 4 : 5;
        }
        boolean current = m.status().value().lifecycle() == Lifecycle.CURRENT;
        boolean knownLab = !"unknown".equals(m.creatorId());
        boolean own = m.primaryOffering().get().provider().equals(m.creatorId());
        int rank = current && own ? 1 : current && knownLab ? 2 : 3;
        return named ? 0 : rank;
    }

    /** A score as a sort key where smaller comes first: negated where higher is better. */
    private static BigDecimal bestFirst(LeaderboardScore s, Leaderboards leaderboards) {
        return Boolean.TRUE.equals(leaderboards.benchmark(s.benchmarkId()).orElseThrow().higherIsBetter()) ? s.score().negate() : s.score();
    }

    static BigDecimal inputPrice(Model m) {
        return m.prices().flatMap(s -> s.rate(PriceKind.INPUT)).map(r -> r.usdPerMillion()).orElse(null);
    }

    /** Parses an enum value named in a filter, naming the allowed values when it cannot. */
    public static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String what) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text.trim().replace('-', '_'))) {
                return e;
            }
        }
        throw new IllegalArgumentException(what + " must be one of " + String.join(", ",
                Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()) + "; got '" + text + "'");
    }
}
