package io.modelatlas.web;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Lifecycle;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.Status;
import io.modelatlas.compare.Blend;
import io.modelatlas.compare.Comparison;
import io.modelatlas.compare.ComparisonPaths;
import io.modelatlas.compare.Format;
import io.modelatlas.compare.Projection;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Everything {@code model/page.jte} prints for one model. */
public record ModelPage(Meta meta, Model model, Description description, String successorPath, String successorName, List<Row> prices,
                        List<Row> blended, List<Row> specs, List<Row> capabilities, List<Row> benchmarks, List<OfferingRow> offerings,
                        List<Comparison.Faq> faqs, List<Comparison.Related> related, PriceHistory history, List<Version> versions, Version versionOf,
                        List<ModelScores.Group> leaderboardScores) {

    /**
     * One provider's offering in the "who sells it" table, with the host's own limits where they differ by host, and
     * why a price a source wrote is not used ({@code note}), if it is not.
     */
    public record OfferingRow(String qualifiedId, String input, String cachedInput, String output, String context, String maxOutput,
                              String source, String note) {}

    /** A dated snapshot with terms of its own, or the model a snapshot is a version of: a link and its input/output price. */
    public record Version(String id, String name, String path, String prices) {
        static Version of(Model m) {
            return new Version(m.id(), m.displayName(), Links.model(m.id()), m.prices().map(s -> s.rate(PriceKind.INPUT).map(r -> Format.usd(r.usdPerMillion())).orElse("—")
                    + " in / " + s.rate(PriceKind.OUTPUT).map(r -> Format.usd(r.usdPerMillion())).orElse("—") + " out per 1M").orElse("price unknown"));
        }
    }

    static ModelPage of(Model m, WebContext ctx, List<io.modelatlas.catalog.history.HistoryEntry> history) {
        PriceSheet sheet = m.prices().orElse(null);
        Offering primary = m.primaryOffering().orElse(null);
        List<Row> prices = new ArrayList<>();
        List<Row> blended = new ArrayList<>();
        if (sheet != null) {
            var src = primary.prices().source();
            for (PriceKind k : PriceKind.values()) {
                sheet.rate(k).ifPresent(r -> prices.add(Row.of(capitalise(k.label()), Format.usd(r.usdPerMillion()) + " / 1M tokens", src)));
                for (Tier t : sheet.tiers().getOrDefault(k, List.of())) {
                    prices.add(Row.of(capitalise(k.label()) + " above " + Format.count(t.threshold()) + " input tokens",
                            Format.usd(t.rate().usdPerMillion()) + " / 1M tokens (whole request)", src));
                }
            }
            for (ServiceTier t : sheet.serviceTiers().keySet()) {
                PriceSheet s = sheet.serviceTiers().get(t);
                prices.add(Row.of(capitalise(t.jsonName()) + " tier", s.rate(PriceKind.INPUT).map(r -> Format.usd(r.usdPerMillion())).orElse("—") + " in / "
                        + s.rate(PriceKind.OUTPUT).map(r -> Format.usd(r.usdPerMillion())).orElse("—") + " out per 1M", src));
            }
            for (ImagePrice p : sheet.images()) {
                prices.add(Row.of("Image " + (p.quality() == null ? "" : p.quality() + " ") + (p.size() == null ? "" : p.size()),
                        Format.usd(p.usdPerImage()) + " / image", src));
            }
            for (Blend b : Blend.standard()) {
                Projection.blendedPerMillion(sheet, b).ifPresent(v -> blended.add(new Row("Blended " + b.id(), Format.usd(v) + " / 1M tokens", b.definition(), List.of())));
            }
        }
        List<Row> specs = new ArrayList<>();
        specs.add(Row.of("Creator", m.creatorName()));
        specs.add(Row.of("Type", m.type().label()));
        specs.add(Row.of("Context window", m.contextWindow(), n -> Format.count(n) + " tokens"));
        if (m.maxInputTokens() != null && (m.contextWindow() == null || !m.maxInputTokens().value().equals(m.contextWindow().value()))) {
            specs.add(Row.of("Max input", m.maxInputTokens(), n -> Format.count(n) + " tokens"));
        }
        specs.add(Row.of("Max output", m.maxOutputTokens(), n -> Format.count(n) + " tokens"));
        specs.add(Row.of("Knowledge cutoff", m.knowledgeCutoff(), d -> d.display()));
        specs.add(Row.of("Release date", m.releaseDate(), d -> d.display()));
        specs.add(Row.of("Input", m.inputModalities(), s -> s.stream().sorted().map(x -> x.label()).collect(Collectors.joining(", "))));
        specs.add(Row.of("Output", m.outputModalities(), s -> s.stream().sorted().map(x -> x.label()).collect(Collectors.joining(", "))));
        specs.add(Row.of("Status", m.status(), s -> statusText(s, ctx)));
        ctx.rankings().intelligenceTier(m).ifPresent(t -> specs.add(new Row("Intelligence", t.label(), t.definition(), List.of())));
        ctx.rankings().speedTier(m).ifPresent(t -> specs.add(new Row("Speed", t.label(), t.definition(), List.of())));
        if (m.tokenizer() != null) {
            specs.add(Row.of("Tokenizer", m.tokenizer()));
        }
        List<Row> caps = new ArrayList<>();
        for (Capability c : Capability.values()) {
            caps.add(Row.of(capitalise(c.label()), m.capability(c).orElse(null), v -> v ? "Yes" : "No"));
        }
        List<Row> benchmarks = m.benchmarks().stream()
                .map((Benchmark b) -> Row.of(b.fullName(), Format.number(b.score()) + (b.kind().unit().equals("score") ? "" : " " + b.kind().unit()), b.source()))
                .toList();
        List<OfferingRow> offerings = m.offerings().stream()
                .sorted(Comparator.comparing((Offering o) -> o.priceKnown() ? o.prices().value().rate(PriceKind.INPUT).map(r -> r.usdPerMillion()).orElse(null) : null,
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Offering::qualifiedId))
                .map(o -> new OfferingRow(o.qualifiedId(), rate(o, PriceKind.INPUT), rate(o, PriceKind.CACHED_INPUT), rate(o, PriceKind.OUTPUT),
                        o.contextWindow() == null ? "—" : Format.count(o.contextWindow()), o.maxOutputTokens() == null ? "—" : Format.count(o.maxOutputTokens()),
                        o.prices() == null ? null : o.prices().source().describe(), o.priceNote()))
                .toList();
        String successor = m.status().value().lifecycle() == Lifecycle.SUPERSEDED ? m.status().value().successorId() : null;
        // a successor the catalog does not list yet is named in the status row, not linked to a page that does not exist
        List<Comparison.Faq> faqs = faqs(m, sheet);
        List<Comparison.Related> related = related(m, ctx);
        Description description = Description.of(m, ctx.catalog());
        String metaDescription = m.displayName() + " by " + m.creatorName() + ": " + priceSummary(sheet) + contextSummary(m) + ". Every figure with its source.";
        Meta meta = new Meta(m.displayName() + " — prices, context window, benchmarks | ModelAtlas", metaDescription,
                ctx.baseUrl() + Links.model(m.id()), Pages.faqJsonLd(faqs));
        // a successor the catalog does not hold is named, not linked: the link would be a 404
        String successorPath = successor == null || ctx.catalog().byId(successor).isEmpty() ? null : Links.model(successor);
        return new ModelPage(meta, m, description, successorPath,
                successor == null ? null : ctx.catalog().byId(successor).map(Model::displayName).orElse(successor), prices, blended, specs, caps,
                benchmarks, offerings, faqs, related, history.isEmpty() ? null : PriceHistory.of(m, history),
                ctx.catalog().versions(m).stream().map(Version::of).toList(), ctx.catalog().versionOf(m).map(Version::of).orElse(null),
                ModelScores.of(m.id(), ctx.catalog().leaderboards()));
    }

    private static String rate(Offering o, PriceKind k) {
        if (!o.priceKnown()) {
            return "unknown";
        }
        return o.prices().value().rate(k).map(r -> Format.usd(r.usdPerMillion())).orElse("—");
    }

    private static String statusText(Status s, WebContext ctx) {
        return switch (s.lifecycle()) {
            case CURRENT -> "Current";
            case SUPERSEDED -> "Superseded by " + ctx.catalog().byId(s.successorId()).map(Model::displayName).orElse(s.successorId());
            case DEPRECATED -> "Deprecated" + s.shutdownClause(LocalDate.now(ctx.clock()));
        };
    }

    private static List<Comparison.Faq> faqs(Model m, PriceSheet sheet) {
        List<Comparison.Faq> out = new ArrayList<>();
        out.add(new Comparison.Faq("What does " + m.displayName() + " cost?", sheet == null
                ? "No source in our catalog gives a price for " + m.displayName() + ", so we show it as unknown rather than guess."
                : priceSummary(sheet) + ". " + sheet.rate(PriceKind.CACHED_INPUT).map(r -> "With prompt caching, cached input costs " + Format.usd(r.usdPerMillion()) + " per million tokens. ").orElse("")
                + Blend.standard().stream().flatMap(b -> Projection.blendedPerMillion(sheet, b).map(v -> "Blended at " + b.id() + " input:output, "
                        + Format.usd(v) + " per million tokens.").stream()).collect(Collectors.joining(" "))));
        out.add(new Comparison.Faq("How large is the context window?", m.contextWindow() == null
                ? "Our sources do not give a context window for " + m.displayName() + "."
                : Format.count(m.contextWindow().value()) + " tokens" + (m.maxOutputTokens() == null ? "" : ", with up to " + Format.count(m.maxOutputTokens().value()) + " output tokens per response") + "."));
        out.add(new Comparison.Faq("What is its knowledge cutoff?", m.knowledgeCutoff() == null ? "Not stated by our sources."
                : m.knowledgeCutoff().value().display() + " according to " + m.knowledgeCutoff().source().source()
                + m.knowledgeCutoff().disagreements().stream().map(a -> "; " + a.source().source() + " says " + a.value().display()).collect(Collectors.joining()) + "."));
        out.add(new Comparison.Faq("Does it accept images?", m.supports(Capability.VISION).map(v -> v ? "Yes: it accepts image input." : "No: it does not accept image input.")
                .orElse("Our sources do not say.")));
        return out;
    }

    /** The comparisons a model's page links to (the sitemap lists them too). */
    static List<Comparison.Related> related(Model m, WebContext ctx) {
        Map<String, Comparison.Related> out = new LinkedHashMap<>();
        if (m.isSuperseded()) {
            ctx.catalog().byId(m.status().value().successorId()).ifPresent(s -> put(out, m, s, "successor"));
        }
        ctx.comparer().family(m).stream()
                .filter(o -> o != m && o.prices().isPresent())
                .limit(4)
                .forEach(o -> put(out, m, o, "same family"));
        return List.copyOf(out.values());
    }

    private static void put(Map<String, Comparison.Related> out, Model a, Model b, String reason) {
        List<String> ids = ComparisonPaths.canonicalOrder(List.of(a.id(), b.id()));
        out.putIfAbsent(String.join(",", ids), new Comparison.Related(ids, a.displayName() + " vs " + b.displayName(), reason));
    }

    static String priceSummary(PriceSheet sheet) {
        if (sheet == null) {
            return "price unknown";
        }
        List<String> parts = new ArrayList<>();
        sheet.rate(PriceKind.INPUT).ifPresent(r -> parts.add(Format.usd(r.usdPerMillion()) + " per million input tokens"));
        sheet.rate(PriceKind.OUTPUT).ifPresent(r -> parts.add(Format.usd(r.usdPerMillion()) + " per million output tokens"));
        sheet.cheapestImage().ifPresent(p -> parts.add("images from " + Format.usd(p.usdPerImage())));
        return parts.isEmpty() ? "price unknown" : String.join(", ", parts);
    }

    private static String contextSummary(Model m) {
        return m.contextWindow() == null ? "" : ", " + Format.count(m.contextWindow().value()) + "-token context window";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

}
