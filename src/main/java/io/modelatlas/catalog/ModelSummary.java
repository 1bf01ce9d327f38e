package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceKind;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What whole-catalog computations (tiers of {@link CatalogRankings}, a comparison's related comparisons) read of every
 * model. A snapshot keeps it in its model index, written with the model, so that a command showing one model ranks it
 * among all without reading the others. Made by {@link #of} alone, for a snapshot and a catalog built whole alike, so
 * the two can never disagree.
 *
 * @param intelligence    the Artificial Analysis Intelligence Index (no variant), or null when not published
 * @param speed           median output tokens per second (no variant), or null when not measured
 * @param family          null when no source names one
 * @param releaseDate     null when unknown
 * @param soldByCreator   whether the offering that stands for the model's price is its creator's own
 * @param inputPerMillion USD per 1M input tokens of that offering, exactly as published; null when unknown
 */
public record ModelSummary(
        String id,
        String displayName,
        String creatorId,
        BigDecimal intelligence,
        BigDecimal speed,
        String family,
        ModelType type,
        PartialDate releaseDate,
        boolean superseded,
        boolean soldByCreator,
        BigDecimal inputPerMillion) {

    public ModelSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(creatorId, "creatorId");
        Objects.requireNonNull(type, "type");
    }

    /** The one place a summary is made from a model. */
    public static ModelSummary of(Model m) {
        return new ModelSummary(
                m.id(),
                m.displayName(),
                m.creatorId(),
                CatalogRankings.intelligence(m).orElse(null),
                CatalogRankings.speed(m).orElse(null),
                m.family(),
                m.type(),
                m.releaseDate() == null ? null : m.releaseDate().value(),
                m.isSuperseded(),
                m.primaryOffering().map(o -> o.provider().equals(m.creatorId())).orElse(false),
                m.prices().flatMap(s -> s.rate(PriceKind.INPUT)).map(r -> r.usdPerMillion()).orElse(null));
    }
}
