package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceKind;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A directory search: filters and an order, shared by the CLI's {@code models} and the site's directory. Null
 * filters match everything; a filter on an unknown value (price, context) excludes the model rather than guess.
 */
public record ModelQuery(String search, String creator, String provider, ModelType type, Capability capability,
                         Modality inputModality, Long minContext, BigDecimal maxInputPrice, Lifecycle status, Sort sort) {

    /** Orders a listing; unknown values sort last. */
    public enum Sort {
        NAME, INPUT_PRICE, CONTEXT, RELEASE, ID;

        public static Sort parse(String text) {
            for (Sort s : values()) {
                if (s.name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return s;
                }
            }
            throw new IllegalArgumentException("sort must be one of name, input-price, context, release, id; got '" + text + "'");
        }
    }

    public static ModelQuery all() {
        return new ModelQuery(null, null, null, null, null, null, null, null, null, Sort.NAME);
    }

    public List<Model> apply(List<Model> models) {
        return models.stream().filter(predicate()).sorted(order()).toList();
    }

    private Predicate<Model> predicate() {
        Predicate<Model> p = m -> true;
        if (search != null && !search.isBlank()) {
            String s = search.toLowerCase(Locale.ROOT).trim();
            p = p.and(m -> m.id().toLowerCase(Locale.ROOT).contains(s) || m.displayName().toLowerCase(Locale.ROOT).contains(s)
                    || m.creatorName().toLowerCase(Locale.ROOT).contains(s));
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

    private Comparator<Model> order() {
        Comparator<Model> byName = Comparator.comparing((Model m) -> m.displayName().toLowerCase(Locale.ROOT)).thenComparing(Model::id);
        return switch (sort == null ? Sort.NAME : sort) {
            case NAME -> byName;
            case ID -> Comparator.comparing(Model::id);
            case INPUT_PRICE -> Comparator.comparing(ModelQuery::inputPrice, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName);
            case CONTEXT -> Comparator.comparing((Model m) -> m.contextWindow() == null ? null : m.contextWindow().value(),
                    Comparator.nullsLast(Comparator.<Long>reverseOrder())).thenComparing(byName);
            case RELEASE -> Comparator.comparing((Model m) -> m.releaseDate() == null ? null : m.releaseDate().value(),
                    Comparator.nullsLast(Comparator.<PartialDate>reverseOrder())).thenComparing(byName);
        };
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
