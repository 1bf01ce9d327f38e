package io.modelatlas.eval;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.Usage;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Prices a call's measured usage with the catalog, exactly, on the standard tier of the model's own offering (the
 * price the catalog's pages show). A target whose model the catalog does not know has an unknown cost, never $0.
 */
public final class Pricer {
    private final Catalog catalog;

    public Pricer(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The cost, or why it is unknown. */
    public record Priced(BigDecimal usd, String note) {}

    public Priced price(Target target, long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens) {
        Optional<Model> model = catalog.find(target.pricedModel());
        if (model.isEmpty()) {
            return new Priced(null, "the catalog does not know '" + target.pricedModel() + "'; name a catalog model with price-as=ID");
        }
        if (model.get().prices().isEmpty()) {
            return new Priced(null, "the catalog has no price for " + model.get().id());
        }
        try {
            Cost cost = CostCalculator.price(model.get().prices().get(),
                    new Usage(inputTokens, cachedInputTokens, 0, 0, outputTokens, reasoningTokens, 0, java.util.List.of()));
            return new Priced(cost.totalUsd(), null);
        } catch (PriceUnknownException e) {
            return new Priced(null, e.getMessage() + " (" + model.get().id() + ")");
        }
    }

    /** The catalog id a target is priced as, or null when unknown. */
    public String pricedId(Target target) {
        return catalog.find(target.pricedModel()).map(Model::id).orElse(null);
    }
}
