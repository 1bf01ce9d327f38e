package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.modelatlas.api.CostJson;
import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.LimitExceededException;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.TypeFilter;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Usage;
import java.util.function.Supplier;

/** Cost: the calculator page ({@code /calculator}, every model ranked for one workload) and {@code GET /api/v1/cost} for one model. */
final class CalculatorRoutes {
    private final Supplier<WebApp.Site> site;
    private final SitePages pages;

    CalculatorRoutes(Supplier<WebApp.Site> site, SitePages pages) {
        this.site = site;
        this.pages = pages;
    }

    void install(JavalinConfig config) {
        config.routes.get("/calculator", this::calculator);
        config.routes.get("/api/v1/cost", this::apiCost);
    }

    /** The calculator's {@code type}: chat unless asked, so embeddings, image and audio models stay out of its ranking. */
    private static TypeFilter calculatorType(Context c) {
        try {
            return TypeFilter.parse(Params.text(c, "type"));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("type", e.getMessage());
        }
    }

    private void calculator(Context c) {
        ServiceTier tier = Params.tier(c);
        Long tokensPerMonth = Params.optionalNonNegativeLong(c, "tokens_per_month");
        CalculatorPage.Inputs in = new CalculatorPage.Inputs(Params.nonNegativeLong(c, "requests_per_day", SitePages.DEFAULT_REQUESTS_PER_DAY), tokensPerMonth,
                Params.nonNegativeLong(c, "input_tokens", SitePages.DEFAULT_INPUT_TOKENS), Params.nonNegativeLong(c, "output_tokens", SitePages.DEFAULT_OUTPUT_TOKENS),
                Params.wholePercent(c, "cache_hit"), tier, Params.text(c, "models"), Params.flag(c, "include_free"), calculatorType(c));
        Pages.html(c, pages.calculator(site.get().ctx(), in));
    }

    private void apiCost(Context c) {
        String id = Params.text(c, "model");
        if (id == null) {
            throw new BadParameterException("model", "query parameter 'model' is required");
        }
        Model m = ModelParam.resolve(site.get().ctx().catalog(), id, "model");
        long images = ImageParams.count(c);
        Long tokensDefault = images > 0 ? 0L : null; // an image model may be priced on images alone
        long input = Params.nonNegativeLong(c, "input_tokens", tokensDefault);
        long output = Params.nonNegativeLong(c, "output_tokens", tokensDefault);
        long cached = Params.nonNegativeLong(c, "cached_input_tokens", 0L);
        long reasoning = Params.nonNegativeLong(c, "reasoning_tokens", 0L);
        if (cached > input) {
            throw new BadParameterException("cached_input_tokens", "cached_input_tokens (" + cached + ") cannot exceed input_tokens (" + input + "): input tokens include the cached ones");
        }
        if (reasoning > output) {
            throw new BadParameterException("reasoning_tokens", "reasoning_tokens (" + reasoning + ") cannot exceed output_tokens (" + output + ")");
        }
        ServiceTier tier = Params.tier(c);
        String provider = Params.text(c, "provider");
        Offering o = provider == null ? m.primaryOffering().orElseThrow(() -> new PriceUnknownException("no price is known for " + m.id()))
                : m.offeringBy(provider).filter(Offering::priceKnown).orElseThrow(() -> new BadParameterException("provider", "no priced offering of " + m.id() + " by provider '" + provider + "'"));
        Usage usage = new Usage(input, cached, 0, 0, output, reasoning, 0, ImageParams.counts(c, images, o, tier));
        Limits limits = Limits.of(m, o);
        Fit fit = limits.check(input, output);
        if (Params.flag(c, "strict") && fit.exceeds()) {
            throw new LimitExceededException(o.qualifiedId(), fit);
        }
        Cost cost = CostCalculator.price(o.prices().value(), usage, tier);
        Pages.json(c, CostJson.from(m, o, usage, cost, limits, fit));
    }
}
