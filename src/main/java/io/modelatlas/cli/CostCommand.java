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
import io.modelatlas.pricing.ImageChoice;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.UnknownImageOptionException;
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

    @Option(names = "--input-tokens", description = "Prompt tokens, cached ones included (OpenAI's usage.prompt_tokens). Required unless --images is given.")
    Long inputTokens;

    @Option(names = "--output-tokens", description = "Completion tokens, reasoning included. Required unless --images is given.")
    Long outputTokens;

    @Option(names = "--images", defaultValue = "0", description = "Generated images, priced per image (e.g. gpt-image-1).")
    int images;

    @Option(names = "--image-quality", description = "Quality of the images (e.g. low, medium, high); required when the price depends on it.")
    String imageQuality;

    @Option(names = "--image-size", description = "Size of the images (e.g. 1024x1024); required when the price depends on it.")
    String imageSize;

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
        Usage usage = usage(offering, serviceTier);
        Limits limits = Limits.of(m, offering);
        Fit fit = limits.check(usage.inputTokens(), usage.outputTokens());
        if (strict && fit.exceeds()) {
            throw new LimitExceededException(offering.qualifiedId(), fit);
        }
        Cost cost = CostCalculator.price(offering.prices().value(), usage, serviceTier);
        switch (format) {
            case TEXT -> printText(m, offering, usage, cost, fit);
            case JSON -> context.out().println(JsonOutput.cost(m, offering, usage, cost, limits, fit));
            default -> throw new UsageException("--format must be text or json for cost");
        }
        return Main.OK;
    }

    /**
     * The tokens and images asked for. An image model may be priced on images alone, so the token counts are needed
     * only without {@code --images}; the image quality and size are checked against the offering before pricing.
     */
    private Usage usage(Offering offering, ServiceTier serviceTier) {
        if (images < 0) {
            throw new UsageException("--images cannot be negative: " + images);
        }
        if (images == 0 && (imageQuality != null || imageSize != null)) {
            throw new UsageException((imageQuality != null ? "--image-quality" : "--image-size") + " needs --images N");
        }
        if (images == 0 && (inputTokens == null || outputTokens == null)) {
            throw new UsageException("--input-tokens and --output-tokens are required unless --images is given");
        }
        long input = inputTokens == null ? 0 : inputTokens;
        long output = outputTokens == null ? 0 : outputTokens;
        List<Usage.ImageCount> counts = List.of();
        if (images > 0) {
            PriceSheet sheet = offering.prices().value().forTier(serviceTier).orElseThrow(() ->
                    new PriceUnknownException("no " + serviceTier.jsonName() + " price is known for " + offering.qualifiedId()));
            try {
                ImagePrice price = ImageChoice.resolve(sheet, imageQuality, imageSize, offering.qualifiedId());
                // the priced quality and size, not the typed ones: "HIGH" reads back as the catalog's "high"
                counts = List.of(new Usage.ImageCount(price.quality(), price.size(), images));
            } catch (UnknownImageOptionException e) {
                throw new UsageException((e.dimension().equals("quality") ? "--image-quality: " : "--image-size: ") + e.getMessage());
            }
        }
        try {
            return new Usage(input, cachedInputTokens, cacheWriteTokens, 0, output, reasoningTokens, 0, counts);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Offering offering(Model m) {
        if (provider == null) {
            return m.primaryOffering().orElseThrow(() -> new PriceUnknownException("no price is known for " + m.id() + " from any provider"));
        }
        Offering o = m.offeringBy(provider).orElseThrow(() -> new UsageException("no offering of " + m.id() + " by provider '" + provider + "'; providers: "
                        + String.join(", ", m.offerings().stream().map(Offering::provider).distinct().toList())));
        if (!o.priceKnown()) {
            throw new PriceUnknownException("no price is known for " + o.qualifiedId());
        }
        return o;
    }

    private void printText(Model m, Offering o, Usage usage, Cost cost, Fit fit) {
        var out = context.out();
        out.printf("%s (%s), %s tier%n", m.displayName(), o.qualifiedId(), cost.serviceTier().jsonName());
        for (CostLine l : cost.lines()) {
            if (l.unit().equals("image")) {
                out.printf("  %-14s %12s %-6s x %10s%-6s = %s  (%s)%n", l.item(), Format.count(l.quantity()), "images",
                        Format.usd(l.unitPrice()), "/image", l.usd().toPlainString(), imageText(usage.images().get(0)));
                continue;
            }
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

    /** "quality high, size 1024x1536"; a part the price does not depend on reads "any". */
    static String imageText(Usage.ImageCount images) {
        return "quality " + (images.quality() == null ? "any" : images.quality()) + ", size " + (images.size() == null ? "any" : images.size());
    }
}
