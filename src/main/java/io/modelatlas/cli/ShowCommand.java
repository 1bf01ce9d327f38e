package io.modelatlas.cli;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.CatalogRankings;
import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Strength;
import io.modelatlas.compare.Blend;
import io.modelatlas.compare.Format;
import io.modelatlas.compare.Projection;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Tier;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Everything the catalog knows about one model, with sources.")
final class ShowCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "MODEL", description = "Model id, provider/id or display name.")
    String model;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    ShowCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Model m = context.catalog().get().require(model);
        switch (format) {
            case TEXT -> {
                print(m, LocalDate.now(context.clock()), context.out());
                CatalogRankings rankings = CatalogRankings.of(context.catalog().get());
                rankings.intelligenceTier(m).ifPresent(t -> context.out().printf("Intelligence:      %s (%s)%n", t.label(), t.definition()));
                rankings.speedTier(m).ifPresent(t -> context.out().printf("Speed:             %s (%s)%n", t.label(), t.definition()));
            }
            case JSON -> context.out().println(JsonOutput.model(m, context.catalog().get()));
            default -> throw new UsageException("--format must be text or json for show");
        }
        return Main.OK;
    }

    static void print(Model m, LocalDate today, PrintWriter out) {
        out.printf("%s (%s) by %s, %s model%n", m.displayName(), m.id(), m.creatorName(), m.type().label().toLowerCase(java.util.Locale.ROOT));
        if (m.description() != null) {
            out.println(m.description().value());
        }
        out.println();
        fact(out, "Context window", m.contextWindow(), n -> Format.count(n) + " tokens");
        fact(out, "Max input", m.maxInputTokens(), n -> Format.count(n) + " tokens");
        fact(out, "Max output", m.maxOutputTokens(), n -> Format.count(n) + " tokens");
        fact(out, "Knowledge cutoff", m.knowledgeCutoff(), d -> d.display());
        fact(out, "Release date", m.releaseDate(), d -> d.display());
        fact(out, "Input modalities", m.inputModalities(), s -> s.stream().sorted().map(x -> x.label()).collect(Collectors.joining(", ")));
        fact(out, "Output modalities", m.outputModalities(), s -> s.stream().sorted().map(x -> x.label()).collect(Collectors.joining(", ")));
        fact(out, "Status", m.status(), s -> switch (s.lifecycle()) {
            case CURRENT -> "current";
            case SUPERSEDED -> "superseded by " + s.successorId();
            case DEPRECATED -> "deprecated" + s.shutdownClause(today);
        });
        out.println("Capabilities:");
        for (Capability c : Capability.values()) {
            m.capability(c).ifPresent(f -> out.printf("  %-18s %-4s [%s]%n", c.label(), f.value() ? "yes" : "no", f.source().describe()));
        }
        m.prices().ifPresentOrElse(sheet -> prices(out, m.primaryOffering().get(), sheet), () -> out.println("Prices: unknown (no source gives a price)"));
        if (!m.benchmarks().isEmpty()) {
            out.println("Benchmarks:");
            for (Benchmark b : m.benchmarks()) {
                out.printf("  %-60s %10s  [%s, %s]%n", b.fullName(), Format.number(b.score()), b.source().source(), b.source().asOf());
            }
        }
        if (!m.strengths().isEmpty()) {
            out.println("Strengths:");
            for (Strength s : m.strengths()) {
                out.println("  - " + s.title());
            }
        }
        if (!m.bestFor().isEmpty()) {
            out.println("Best for: " + String.join("; ", m.bestFor()));
        }
        out.println("Offerings (cheapest input first):");
        m.offerings().stream()
                .sorted(Comparator.comparing((Offering o) -> o.priceKnown() ? o.prices().value().rate(PriceKind.INPUT).map(r -> r.usdPerMillion()).orElse(null) : null,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(o -> out.printf("  %-50s %s%n", o.qualifiedId(), o.priceKnown() ? tokenPrices(o.prices().value()) : "price unknown"));
    }

    private static <T> void fact(PrintWriter out, String label, Fact<T> f, Function<T, String> text) {
        if (f == null) {
            out.printf("%-18s unknown%n", label + ":");
            return;
        }
        out.printf("%-18s %s [%s]%n", label + ":", text.apply(f.value()), f.source().describe());
        for (Fact.Alternative<T> a : f.disagreements()) {
            out.printf("%-18s   also %s [%s]%s%n", "", text.apply(a.value()), a.source().describe(), f.isNewer(a) ? ", newer" : "");
        }
    }

    private static void prices(PrintWriter out, Offering o, PriceSheet sheet) {
        boolean tokens = Arrays.stream(PriceKind.values()).anyMatch(k -> sheet.rate(k).isPresent());
        // an image model's sheet holds prices per image only: "per 1M tokens" would misstate every line
        String unit = tokens && !sheet.images().isEmpty() ? "per 1M tokens, images per image" : tokens ? "per 1M tokens" : "per image";
        out.printf("Prices (%s, %s) [%s]:%n", o.qualifiedId(), unit, o.prices().source().describe());
        for (PriceKind k : PriceKind.values()) {
            sheet.rate(k).ifPresent(r -> out.printf("  %-18s %s%n", k.label(), Format.usd(r.usdPerMillion())));
            for (Tier t : sheet.tiers().getOrDefault(k, List.of())) {
                out.printf("  %-18s %s above %s input tokens%n", "", Format.usd(t.rate().usdPerMillion()), Format.count(t.threshold()));
            }
        }
        for (ServiceTier t : sheet.serviceTiers().keySet()) {
            out.printf("  %-18s %s%n", t.jsonName() + " tier", tokenPrices(sheet.serviceTiers().get(t)));
        }
        for (ImagePrice p : sheet.images()) {
            out.printf("  %-18s %s per image%n", (p.quality() == null ? "" : p.quality() + " ") + (p.size() == null ? "" : p.size()), Format.usd(p.usdPerImage()));
        }
        for (Blend b : Blend.standard()) {
            Projection.blendedPerMillion(sheet, b).ifPresent(v -> out.printf("  %-18s %s per 1M (%s)%n", "blended " + b.id(), Format.usd(v), b.definition()));
        }
    }

    private static String tokenPrices(PriceSheet s) {
        String in = s.rate(PriceKind.INPUT).map(r -> Format.usd(r.usdPerMillion())).orElse("—");
        String outp = s.rate(PriceKind.OUTPUT).map(r -> Format.usd(r.usdPerMillion())).orElse("—");
        String img = s.cheapestImage().map(p -> ", images from " + Format.usd(p.usdPerImage())).orElse("");
        return in + " in / " + outp + " out" + img;
    }
}
