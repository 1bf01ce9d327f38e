package io.modelatlas.web;

import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.TypeFilter;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Usage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost calculator: one request shape priced exactly on every priced chat model (long-context tiers included,
 * since the request size is known), times the monthly request count. All inputs live in the query string. A model
 * whose limits the request exceeds is listed after the ranked ones as "does not fit", never ranked as the cheapest.
 */
public record CalculatorPage(Meta meta, Inputs inputs, List<Result> results, int priced, int skipped, int free, int doNotFit, String definition,
                             String chartJson) {

    public static final int SHOWN = 50;

    /**
     * The form's values, validated. The monthly volume is either requests per day (30 days a month) or, when
     * {@code tokensPerMonth} is set, tokens a month (input plus output), as the "1M / 10M / 100M tokens a month"
     * pages put it; it then takes precedence.
     */
    public record Inputs(long requestsPerDay, Long tokensPerMonth, long inputTokens, long outputTokens, int cacheHitPercent, ServiceTier tier,
                         String models, boolean includeFree, TypeFilter type) {
        public Inputs {
            type = type == null ? TypeFilter.CHAT : type;
            if (inputTokens + outputTokens == 0) {
                throw new BadParameterException("input_tokens", "a request needs some input or output tokens");
            }
            if (cacheHitPercent < 0 || cacheHitPercent > 100) {
                // Params.wholePercent refuses such a query parameter with its name; reaching here is a bug, not bad input
                throw new IllegalArgumentException("cacheHitPercent must be from 0 to 100, got " + cacheHitPercent);
            }
        }

        long cachedTokens() {
            return BigDecimal.valueOf(inputTokens).multiply(BigDecimal.valueOf(cacheHitPercent)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_EVEN).longValue();
        }

        /** Requests a month; fractional when a token volume is not a whole number of requests. */
        BigDecimal requestsPerMonth() {
            return tokensPerMonth == null ? BigDecimal.valueOf(requestsPerDay).multiply(BigDecimal.valueOf(30))
                    : BigDecimal.valueOf(tokensPerMonth).divide(BigDecimal.valueOf(inputTokens + outputTokens), MathContext.DECIMAL128);
        }

        private String volume() {
            if (tokensPerMonth == null) {
                return Format.count(requestsPerDay * 30) + " requests a month (" + Format.count(requestsPerDay) + " a day for 30 days)";
            }
            BigDecimal requests = requestsPerMonth();
            long whole = requests.setScale(0, RoundingMode.HALF_EVEN).longValue();
            return Format.count(tokensPerMonth) + " tokens a month, that is " + (requests.compareTo(BigDecimal.valueOf(whole)) == 0 ? "" : "about ")
                    + Format.count(whole) + " requests";
        }
    }

    /**
     * One model's monthly cost; {@code rank} is null for a model the request does not fit (its costs then read "does
     * not fit" and the note says which limit).
     */
    public record Result(Integer rank, String id, String name, String creator, String offering, String perRequest, String perMonth, BigDecimal monthlyUsd,
                         String note) {
        boolean fits() {
            return rank != null;
        }
    }

    private record Priced(Offering offering, Cost cost, Fit fit) {}

    static CalculatorPage of(List<Model> catalog, Inputs in, WebContext ctx) {
        Usage usage = Usage.of(in.inputTokens(), in.cachedTokens(), in.outputTokens());
        List<String> selected = in.models() == null ? List.of() : List.of(in.models().split(","));
        List<Result> results = new ArrayList<>();
        List<Result> tooBig = new ArrayList<>();
        int skipped = 0;
        int free = 0;
        for (Model m : catalog) {
            if (!in.type().test(m) || (!selected.isEmpty() && !selected.contains(m.id()))) {
                continue;
            }
            if (m.prices().isEmpty()) {
                skipped++;
                continue;
            }
            // each model once, at its cheapest offering the request fits (the one limit check, with each host's own limits)
            Priced best = null;
            Fit firstMiss = null;
            boolean onlyFree = false;
            for (Offering o : m.offerings()) {
                if (!o.priceKnown() || m.priceOutliers().contains(o)) {
                    continue;
                }
                Fit fit = Limits.of(m, o).check(in.inputTokens(), in.outputTokens());
                if (fit.exceeds()) {
                    firstMiss = firstMiss == null ? fit : firstMiss;
                    continue;
                }
                try {
                    Cost c = CostCalculator.price(o.prices().value(), usage, in.tier());
                    if (c.totalUsd().signum() == 0 && !in.includeFree()) {
                        onlyFree = true; // free tiers are rate-limited trials, not a budget: listed only on request
                        continue;
                    }
                    if (best == null || c.totalUsd().compareTo(best.cost().totalUsd()) < 0) {
                        best = new Priced(o, c, fit);
                    }
                } catch (PriceUnknownException e) {
                    // no price for this tier at this offering: another may have one
                }
            }
            if (best == null) {
                if (firstMiss != null) {
                    tooBig.add(new Result(null, m.id(), m.displayName(), m.creatorName(), null, "does not fit", "does not fit", null, firstMiss.describe()));
                } else if (onlyFree) {
                    free++;
                } else {
                    skipped++;
                }
                continue;
            }
            BigDecimal month = best.cost().totalUsd().multiply(in.requestsPerMonth());
            Fit fit = best.fit();
            String note = best.cost().lines().stream().map(l -> l.note()).filter(n -> n != null).findFirst().orElse(fit.fits() ? null : fit.describe());
            results.add(new Result(0, m.id(), m.displayName(), m.creatorName(), best.offering().qualifiedId(), Format.usd(best.cost().totalUsd()),
                    Format.usdCents(month), month, note));
        }
        results.sort(Comparator.comparing(Result::monthlyUsd).thenComparing(Result::id));
        tooBig.sort(Comparator.comparing(Result::id));
        List<Result> ranked = new ArrayList<>();
        for (Result r : results) {
            ranked.add(new Result(ranked.size() + 1, r.id(), r.name(), r.creator(), r.offering(), r.perRequest(), r.perMonth(), r.monthlyUsd(), r.note()));
        }
        // the models the request does not fit come after the ranked ones, in the rows left of the page
        List<Result> shown = new ArrayList<>(ranked.stream().limit(SHOWN).toList());
        tooBig.stream().limit(Math.max(0, SHOWN - shown.size())).forEach(shown::add);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", shown.stream().filter(Result::fits).limit(15).map(Result::name).toList());
        chart.put("costs", shown.stream().filter(Result::fits).limit(15).map(Result::monthlyUsd).toList());
        String definition = in.volume() + ", each "
                + Format.count(in.inputTokens()) + " input tokens (" + in.cacheHitPercent() + "% read from the prompt cache) and "
                + Format.count(in.outputTokens()) + " output tokens, " + in.tier().jsonName() + " tier, each model once at its cheapest offering "
                + "(prices 100 times off a model's other offerings left out). Long-context prices apply where a request crosses a threshold; "
                + "models whose context window, max input or max output the request exceeds are not ranked; "
                + "models with no " + in.tier().jsonName() + " price are left out"
                + (in.type().type() == ModelType.CHAT ? "" : "; model types: " + in.type().jsonName()) + ".";
        Meta meta = new Meta("LLM cost calculator: monthly cost on " + results.size() + " models | ModelAtlas",
                "Monthly cost of your request shape on every priced chat model: " + definition, ctx.baseUrl() + "/calculator", null);
        return new CalculatorPage(meta, in, List.copyOf(shown), results.size(), skipped, free, tooBig.size(), definition, PageJson.write(chart));
    }
}
