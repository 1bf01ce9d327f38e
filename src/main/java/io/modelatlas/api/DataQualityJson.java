package io.modelatlas.api;

import io.modelatlas.catalog.DataQuality;
import java.util.List;

/**
 * {@code GET /api/v1/data-quality} and {@code discrepancies --format json}: every field where sources disagree (each
 * source's value, {@code shown} marking the one the precedence rule picked), every model with no known price, and
 * limits that contradict each other, offering prices not used (placeholders, 100x outliers).
 */
public record DataQualityJson(List<Disagreement> disagreements, List<String> unpricedModels, List<Contradiction> contradictions,
                              List<PriceFlag> priceFlags) {

    public record PriceFlag(String model, String offering, String description) {}

    public record Disagreement(String model, String field, List<Value> values) {}

    public record Value(String value, SourceJson source, boolean shown) {}

    public record Contradiction(String model, String description) {}

    /** Only one model's rows when {@code modelId} is not null. */
    public static DataQualityJson of(DataQuality q, String modelId) {
        return new DataQualityJson(
                q.disagreements().stream().filter(d -> modelId == null || d.modelId().equals(modelId))
                        .map(d -> new Disagreement(d.modelId(), d.field(), d.values().stream()
                                .map(v -> new Value(v.value(), SourceJson.from(v.source()), v.shown())).toList()))
                        .toList(),
                q.unpricedModelIds().stream().filter(id -> modelId == null || id.equals(modelId)).toList(),
                q.contradictions().stream().filter(c -> modelId == null || c.modelId().equals(modelId))
                        .map(c -> new Contradiction(c.modelId(), c.description())).toList(),
                q.priceFlags().stream().filter(f -> modelId == null || f.modelId().equals(modelId))
                        .map(f -> new PriceFlag(f.modelId(), f.offering(), f.description())).toList());
    }
}
