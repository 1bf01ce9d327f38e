package io.modelatlas.catalog.history;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Status;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.Tier;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens a catalog into the fields whose changes are kept: each offering's prices (standard, batch, flex and
 * priority rates, long-context tiers, per-image prices) and each model's limits and status. Values are plain
 * decimal text, so that {@code 0.40} and {@code 0.4} are the same value and a change is a real change.
 */
public final class Observations {
    public static final String CONTEXT_WINDOW = "context_window";
    public static final String MAX_INPUT = "max_input_tokens";
    public static final String MAX_OUTPUT = "max_output_tokens";
    public static final String STATUS = "status";

    private Observations() {}

    public static Map<FieldKey, Observation> of(Catalog catalog) {
        Map<FieldKey, Observation> out = new HashMap<>(catalog.models().size() * 16);
        for (Model m : catalog.models()) {
            modelField(out, m, CONTEXT_WINDOW, m.contextWindow());
            modelField(out, m, MAX_INPUT, m.maxInputTokens());
            modelField(out, m, MAX_OUTPUT, m.maxOutputTokens());
            if (!m.status().source().source().equals("derived")) {
                modelField(out, m, STATUS, m.status().map(Observations::status));
            }
            for (Offering o : m.offerings()) {
                if (o.prices() != null) {
                    prices(out, m.id(), o.qualifiedId(), o.prices().value(), o.prices());
                }
            }
        }
        return out;
    }

    private static String status(Status s) {
        return s.lifecycle().name().toLowerCase(java.util.Locale.ROOT)
                + (s.successorId() == null ? "" : " -> " + s.successorId())
                + (s.deprecationDate() == null ? "" : " on " + s.deprecationDate());
    }

    private static void modelField(Map<FieldKey, Observation> out, Model m, String field, Fact<?> fact) {
        if (fact != null) {
            FieldKey key = new FieldKey(m.id(), "", field);
            out.put(key, new Observation(key, String.valueOf(fact.value()), fact.source().source(), fact.source().asOf()));
        }
    }

    private static void prices(Map<FieldKey, Observation> out, String modelId, String offering, PriceSheet sheet, Fact<?> from) {
        fields(sheet).forEach((field, value) -> put(out, modelId, offering, field, value, from));
    }

    /**
     * A price sheet as tracked fields and their values ({@code input}, {@code batch.output}, {@code input>200000},
     * {@code image.high.1024x1024}), in the order the sheet holds them.
     */
    static Map<String, String> fields(PriceSheet sheet) {
        Map<String, String> out = new LinkedHashMap<>();
        fields(out, "", sheet);
        return out;
    }

    private static void fields(Map<String, String> out, String prefix, PriceSheet sheet) {
        sheet.rates().forEach((kind, rate) -> out.put(prefix + kind.jsonName(), rate.usdPerMillion().toPlainString()));
        sheet.tiers().forEach((kind, tiers) -> {
            for (Tier t : tiers) {
                out.put(prefix + kind.jsonName() + ">" + t.threshold(), t.rate().usdPerMillion().toPlainString());
            }
        });
        for (ImagePrice p : sheet.images()) {
            String name = String.join(".", List.of("image", p.quality() == null ? "any" : p.quality(), p.size() == null ? "any" : p.size()));
            out.put(prefix + name, p.usdPerImage().stripTrailingZeros().toPlainString());
        }
        sheet.serviceTiers().forEach((tier, tierSheet) -> fields(out, tier.name().toLowerCase(java.util.Locale.ROOT) + ".", tierSheet));
    }

    private static void put(Map<FieldKey, Observation> out, String modelId, String offering, String field, String value, Fact<?> from) {
        FieldKey key = new FieldKey(modelId, offering, field);
        out.put(key, new Observation(key, value, from.source().source(), from.source().asOf()));
    }
}
