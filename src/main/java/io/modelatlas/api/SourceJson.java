package io.modelatlas.api;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Provenance;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** Where a figure came from. */
public record SourceJson(String source, String key, LocalDate asOf) {
    public static SourceJson from(Provenance p) {
        return p == null ? null : new SourceJson(p.source(), p.key(), p.asOf());
    }

    /**
     * A value with its source and every other source's differing value; {@code editorial} is true on prose that is
     * ModelAtlas's own judgement (the overlay's words) and absent otherwise.
     */
    public record FactJson(Object value, SourceJson source, List<Other> disagreements, Boolean editorial) {
        FactJson(Object value, SourceJson source, List<Other> disagreements) {
            this(value, source, disagreements, null);
        }

        /** Prose: marked editorial when the curated overlay, not a published source, says it. */
        public static FactJson prose(Fact<String> fact) {
            FactJson f = from(fact);
            return f == null || !fact.source().source().equals(io.modelatlas.catalog.SourcePrecedence.OVERLAY) ? f
                    : new FactJson(f.value(), f.source(), f.disagreements(), true);
        }

        public static <T> FactJson from(Fact<T> fact, Function<T, Object> value) {
            if (fact == null) {
                return null;
            }
            List<Other> others = fact.disagreements().stream().map(a -> new Other(value.apply(a.value()), SourceJson.from(a.source()))).toList();
            return new FactJson(value.apply(fact.value()), SourceJson.from(fact.source()), others.isEmpty() ? null : others);
        }

        public static <T> FactJson from(Fact<T> fact) {
            return from(fact, v -> v);
        }
    }

    public record Other(Object value, SourceJson source) {}
}
