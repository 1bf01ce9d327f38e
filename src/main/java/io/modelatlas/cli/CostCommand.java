package io.modelatlas.cli;

import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.LimitExceededException;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.CostLine;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Usage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "cost", description = "Exact cost of a request on a model, line by line.")
final class CostCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model id, provider/id or display name.")
    String model;

    @Option(names = "--input-tokens", required = true, description = "Prompt tokens, cached ones included (OpenAI's usage.prompt_tokens).")
    long inputTokens;

    @Option(names = "--output-tokens", required = true, description = "Completion tokens, reasoning included.")
    long outputTokens;

    @Option(names = "--cached-input-tokens", defaultValue = "0", description = "Of the input tokens, how many were read from the prompt cache.")
    long cachedInputTokens;

    @Option(names = "--cache-write-tokens", defaultValue = "0", description = "Of the input tokens, how many were written to the prompt cache.")
    long cacheWriteTokens;

    @Option(names = "--reasoning-tokens", defaultValue = "0", description = "Of the output tokens, how many were reasoning.")
    long reasoningTokens;

    @Option(names = "--tier", defaultValue = "standard", description = "standard, batch, flex or priority (default: ${DEFAULT-VALUE}).")
    String tier;

    @Option(names = "--provider", description = "Price another provider's offering (e.g. azure, openrouter); default: the model's own.")
    String provider;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--strict", description = "Refuse (exit code 1) a request that exceeds the offering's context window, max input or max output, instead of pricing it with a warning.")
    boolean strict;

    CostCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Model m = context.catalog().get().require(model);
        Offering offering = offering(m);
        ServiceTier serviceTier = ServiceTier.parse(tier);
        Usage usage = new Usage(inputTokens, cachedInputTokens, cacheWriteTokens, 0, outputTokens, reasoningTokens, 0, List.of());
        Limits limits = Limits.of(m, offering);
        Fit fit = limits.check(inputTokens, outputTokens);
        if (strict && fit.exceeds()) {
            throw new LimitExceededException(offering.qualifiedId(), fit);
        }
        Cost cost = CostCalculator.price(offering.prices().value(), usage, serviceTier);
        switch (format) {
            case TEXT -> printText(m, offering, cost, fit);
            case JSON -> context.out().println(JsonOutput.cost(m, offering, usage, cost, limits, fit));
            default -> throw new UsageException("--format must be text or json for cost");
        }
        return Main.OK;
    }

    private Offering offering(Model m) {
        if (provider == null) {
            return m.primaryOffering().orElseThrow(() -> new PriceUnknownException("no price is known for " + m.id() + " from any provider"));
        }
        Offering o = m.offerings().stream().filter(x -> x.provider().equalsIgnoreCase(provider)).findFirst()
                .orElseThrow(() -> new UsageException("no offering of " + m.id() + " by provider '" + provider + "'; providers: "
                        + String.join(", ", m.offerings().stream().map(Offering::provider).distinct().toList())));
        if (!o.priceKnown()) {
            throw new PriceUnknownException("no price is known for " + o.qualifiedId());
        }
        return o;
    }

    private void printText(Model m, Offering o, Cost cost, Fit fit) {
        var out = context.out();
        out.printf("%s (%s), %s tier%n", m.displayName(), o.qualifiedId(), cost.serviceTier().jsonName());
        for (CostLine l : cost.lines()) {
            String unit = l.unit().equals("token") ? "/1M" : "/image";
            out.printf("  %-14s %12s %-6s x %10s%-6s = %s%s%n", l.item(), Format.count(l.quantity()), l.unit() + "s",
                    Format.usd(l.unitPrice()), unit, l.usd().toPlainString(), l.note() == null ? "" : "  (" + l.note() + ")");
        }
        out.printf("  %-14s %s (exact: %s)%n", "total", Format.usd(cost.totalUsd()), cost.totalUsd().toPlainString());
        out.printf("Prices: %s%n", o.prices().source().describe());
        // still priced (what it would cost where it fits), but never silently: the provider would refuse it
        switch (fit.status()) {
            case EXCEEDS -> out.printf("warning: %s %s; the provider would refuse this request (--strict refuses it here)%n", o.qualifiedId(), fit.describe());
            case UNKNOWN -> out.printf("note: %s%n", fit.describe());
            case FITS -> { }
        }
        out.flush();
    }
}
