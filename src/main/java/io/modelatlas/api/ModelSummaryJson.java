package io.modelatlas.api;

import io.modelatlas.catalog.Model;
import io.modelatlas.pricing.PriceKind;
import java.math.BigDecimal;
import java.util.List;

/** One row of a model listing; prices are the model's own offering's, absent when unknown. */
public record ModelSummaryJson(String id, String displayName, String creatorId, String type, Long contextWindow, Long maxOutputTokens,
                               BigDecimal inputUsdPerMillion, BigDecimal outputUsdPerMillion, String status, String releaseDate) {

    public static ModelSummaryJson from(Model m) {
        var sheet = m.prices();
        return new ModelSummaryJson(m.id(), m.displayName(), m.creatorId(), m.type().jsonName(),
                m.contextWindow() == null ? null : m.contextWindow().value(), m.maxOutputTokens() == null ? null : m.maxOutputTokens().value(),
                sheet.flatMap(s -> s.rate(PriceKind.INPUT)).map(r -> r.usdPerMillion()).orElse(null),
                sheet.flatMap(s -> s.rate(PriceKind.OUTPUT)).map(r -> r.usdPerMillion()).orElse(null),
                m.status().value().lifecycle().jsonName(), m.releaseDate() == null ? null : m.releaseDate().value().toString());
    }

    /** A page of a listing. */
    public record Page(int total, int offset, int limit, List<ModelSummaryJson> models) {}
}
