package io.modelatlas.catalog;

import io.modelatlas.pricing.PriceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an operator should look at: every field where sources disagree (with each source's value), every model
 * whose price is unknown, and limits that contradict each other. Derived from a catalog, never stored.
 */
public record DataQuality(List<Disagreement> disagreements, List<String> unpricedModelIds, List<Contradiction> contradictions,
                          List<PriceFlag> priceFlags) {

    public DataQuality {
        disagreements = List.copyOf(disagreements);
        unpricedModelIds = List.copyOf(unpricedModelIds);
        contradictions = List.copyOf(contradictions);
        priceFlags = List.copyOf(priceFlags);
    }

    /**
     * An offering's price the rules would not use: a reseller's $0 placeholder, or a price 100 times off the model's
     * other offerings (an upstream unit error). Never a headline; listed here for an operator to decide.
     */
    public record PriceFlag(String modelId, String offering, String description) {}

    /** A field of a model on which sources disagree: the shown value first, then the others. */
    public record Disagreement(String modelId, String field, List<SourcedValue> values) {
        public Disagreement {
            values = List.copyOf(values);
        }
    }

    public record SourcedValue(String value, Provenance source, boolean shown) {}

    /** Two limits that cannot both be true, e.g. a max output above the context window. */
    public record Contradiction(String modelId, String description) {}

    public static DataQuality of(Catalog catalog) {
        List<Disagreement> disagreements = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        List<Contradiction> contradictions = new ArrayList<>();
        List<PriceFlag> flags = new ArrayList<>();
        for (Model m : catalog.models()) {
            for (Offering o : m.offerings()) {
                if (o.priceNote() != null) {
                    flags.add(new PriceFlag(m.id(), o.qualifiedId(), o.priceNote()));
                }
            }
            for (Offering o : m.priceOutliers()) {
                flags.add(new PriceFlag(m.id(), o.qualifiedId(), "input price " + o.prices().value().rate(PriceKind.INPUT)
                        .map(r -> r.usdPerMillion().toPlainString()).orElse("?") + " per 1M (" + o.prices().source().source()
                        + ") is 100 times off the model's other offerings: a unit error or a placeholder, not used for the model's price"));
            }
            check(disagreements, m, "context_window", m.contextWindow(), String::valueOf);
            check(disagreements, m, "max_input_tokens", m.maxInputTokens(), String::valueOf);
            check(disagreements, m, "max_output_tokens", m.maxOutputTokens(), String::valueOf);
            check(disagreements, m, "knowledge_cutoff", m.knowledgeCutoff(), String::valueOf);
            check(disagreements, m, "release_date", m.releaseDate(), String::valueOf);
            for (Map.Entry<Capability, Fact<Boolean>> c : new java.util.TreeMap<>(m.capabilities()).entrySet()) { // enum order: the same page on every run
                check(disagreements, m, "capability." + c.getKey().jsonName(), c.getValue(), String::valueOf);
            }
            for (Offering o : m.offerings()) {
                if (o.prices() != null) {
                    check(disagreements, m, "prices@" + o.qualifiedId(), o.prices(), PriceSummary::of);
                }
            }
            if (m.prices().isEmpty()) {
                unpriced.add(m.id());
            }
            if (m.contextWindow() != null && m.maxOutputTokens() != null && m.maxOutputTokens().value() > m.contextWindow().value()) {
                contradictions.add(new Contradiction(m.id(), "max output " + m.maxOutputTokens().value() + " (" + m.maxOutputTokens().source().source()
                        + ") is above the context window " + m.contextWindow().value() + " (" + m.contextWindow().source().source() + ")"));
            }
            if (m.contextWindow() != null && m.maxInputTokens() != null && m.maxInputTokens().value() > m.contextWindow().value()) {
                contradictions.add(new Contradiction(m.id(), "max input " + m.maxInputTokens().value() + " is above the context window "
                        + m.contextWindow().value()));
            }
        }
        return new DataQuality(disagreements, unpriced, contradictions, flags);
    }

    private static <T> void check(List<Disagreement> out, Model m, String field, Fact<T> fact, Function<T, String> text) {
        if (fact == null || !fact.disputed()) {
            return;
        }
        List<SourcedValue> values = new ArrayList<>();
        values.add(new SourcedValue(text.apply(fact.value()), fact.source(), true));
        for (Fact.Alternative<T> a : fact.disagreements()) {
            values.add(new SourcedValue(text.apply(a.value()), a.source(), false));
        }
        out.add(new Disagreement(m.id(), field, values));
    }

    /** A price sheet as one comparable line: "input 2, output 8, cached_input 0.5" (USD per 1M). */
    static final class PriceSummary {
        private PriceSummary() {}

        static String of(io.modelatlas.pricing.PriceSheet sheet) {
            List<String> parts = new ArrayList<>();
            sheet.rates().forEach((k, v) -> parts.add(k.jsonName() + " " + v.usdPerMillion().toPlainString()));
            sheet.images().forEach(p -> parts.add("image " + (p.quality() == null ? "" : p.quality() + " ") + (p.size() == null ? "" : p.size() + " ")
                    + p.usdPerImage().toPlainString()));
            return String.join(", ", parts);
        }
    }
}
