package io.modelatlas.web;

import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
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
 * since the request size is known), times the monthly request count. All inputs live in the query string.
 */
public record CalculatorPage(Meta meta, Inputs inputs, List<Result> results, int priced, int skipped, int free, String definition, String chartJson) {

    public static final int SHOWN = 50;

    /**
     * The form's values, validated. The monthly volume is either requests per day (30 days a month) or, when
     * {@code tokensPerMonth} is set, tokens a month (input plus output), as the "1M / 10M / 100M tokens a month"
     * pages put it; it then takes precedence.
     */
    public record Inputs(long requestsPerDay, Long tokensPerMonth, long inputTokens, long outputTokens, int cacheHitPercent, ServiceTier tier,
                         String models, boolean includeFree) {
        public Inputs {
            if (inputTokens + outputTokens == 0) {
                throw new BadParameterException("input_tokens", "a request needs some input or output tokens");
            }
            if (cacheHitPercent < 0 || cacheHitPercent > 100) {
                throw new BadParameterException("cache_hit", "query parameter 'cache_hit' is a percentage from 0 to 100, got " + cacheHitPercent);
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

    /** One model's monthly cost. */
    public record Result(String id, String name, String creator, String perRequest, String perMonth, BigDecimal monthlyUsd, String note) {}

    static CalculatorPage of(List<Model> catalog, Inputs in, WebContext ctx) {
        Usage usage = Usage.of(in.inputTokens(), in.cachedTokens(), in.outputTokens());
        List<String> selected = in.models() == null ? List.of() : List.of(in.models().split(","));
        List<Result> results = new ArrayList<>();
        int skipped = 0;
        int free = 0;
        for (Model m : catalog) {
            if (m.type() != ModelType.CHAT || (!selected.isEmpty() && !selected.contains(m.id()))) {
                continue;
            }
            if (m.prices().isEmpty()) {
                skipped++;
                continue;
            }
            if (m.contextWindow() != null && in.inputTokens() + in.outputTokens() > m.contextWindow().value()) {
                skipped++;
                continue;
            }
            try {
                Cost c = CostCalculator.price(m.prices().get(), usage, in.tier());
                if (c.totalUsd().signum() == 0 && !in.includeFree()) {
                    free++; // free tiers are rate-limited trials, not a budget: listed only on request
                    continue;
                }
                BigDecimal month = c.totalUsd().multiply(in.requestsPerMonth());
                String note = c.lines().stream().map(l -> l.note()).filter(n -> n != null).findFirst().orElse(null);
                results.add(new Result(m.id(), m.displayName(), m.creatorName(), Format.usd(c.totalUsd()), Format.usdCents(month), month, note));
            } catch (PriceUnknownException e) {
                skipped++;
            }
        }
        results.sort(Comparator.comparing(Result::monthlyUsd).thenComparing(Result::id));
        List<Result> shown = results.stream().limit(SHOWN).toList();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", shown.stream().limit(15).map(Result::name).toList());
        chart.put("costs", shown.stream().limit(15).map(Result::monthlyUsd).toList());
        String definition = in.volume() + ", each "
                + Format.count(in.inputTokens()) + " input tokens (" + in.cacheHitPercent() + "% read from the prompt cache) and "
                + Format.count(in.outputTokens()) + " output tokens, " + in.tier().jsonName() + " tier. Long-context prices apply where a request crosses a threshold; "
                + "models whose context window is too small, or with no " + in.tier().jsonName() + " price, are left out.";
        Meta meta = new Meta("LLM cost calculator: monthly cost on " + results.size() + " models | ModelAtlas",
                "Monthly cost of your request shape on every priced chat model: " + definition, ctx.baseUrl() + "/calculator", null);
        return new CalculatorPage(meta, in, shown, results.size(), skipped, free, definition, PageJson.write(chart));
    }
}
