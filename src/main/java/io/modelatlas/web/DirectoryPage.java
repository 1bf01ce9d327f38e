package io.modelatlas.web;

import io.modelatlas.catalog.Capability;
import io.modelatlas.catalog.Modality;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelQuery;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.compare.Format;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.text.Clip;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The directory: filters echoed back (state lives in the URL), one page of rows, links to the other pages. */
public record DirectoryPage(Meta meta, Map<String, String> filters, List<Option> creators, List<Option> providers, List<Option> types,
                            List<Option> capabilities, List<Option> modalities, List<Option> statuses, List<Option> sorts,
                            List<Option> scoredOn, String benchmarkColumn, List<Line> rows, int total, int page, int pages, String prevHref, String nextHref) {

    public static final int PAGE_SIZE = 50;
    /**
     * The longest name, id or label the directory shows; longer ones are cut with an ellipsis. One source value of a
     * megabyte (a provider name) would otherwise be in every directory page, in each select and row that shows it.
     */
    static final int MAX_SHOWN = 200;

    /** A select option. */
    public record Option(String value, String label, boolean selected) {}

    /** One model in the listing; {@code benchmark} is its score when the listing is sorted by a benchmark. */
    public record Line(String id, String name, String creator, String type, String context, String input, String output, String status,
                       String benchmark) {}

    static DirectoryPage of(List<Model> matching, Map<String, String> filters, ModelQuery.Order order, int page, DirectoryChoices choices,
                            WebContext ctx) {
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(page, pages);
        Leaderboards leaderboards = order.benchmark() == null ? Leaderboards.EMPTY : ctx.catalog().leaderboards();
        List<Line> rows = matching.stream().skip((long) (current - 1) * PAGE_SIZE).limit(PAGE_SIZE).map(m -> line(m, order, leaderboards)).toList();
        List<Option> creators = options(choices.creators(), filters.get("creator"));
        List<Option> providers = options(choices.providers(), filters.get("provider"));
        List<Option> modalities = java.util.Arrays.stream(Modality.values())
                .map(m -> new Option(m.name().toLowerCase(java.util.Locale.ROOT), m.label(), m.name().equalsIgnoreCase(filters.get("modality")))).toList();
        List<Option> types = java.util.Arrays.stream(ModelType.values())
                .map(t -> new Option(t.jsonName(), t.label(), t.jsonName().equals(filters.get("type")))).toList();
        List<Option> caps = java.util.Arrays.stream(Capability.values())
                .map(c -> new Option(c.jsonName(), c.label(), c.jsonName().equals(filters.get("capability")))).toList();
        List<Option> statuses = List.of("current", "superseded", "deprecated").stream()
                .map(s -> new Option(s, s, s.equals(filters.get("status")))).toList();
        String sort = order.param();
        List<Option> sorts = new java.util.ArrayList<>(List.of("relevance", "name", "input-price", "context", "release").stream()
                .map(s -> new Option(s, s.replace('-', ' '), s.equals(sort))).toList());
        List<Option> scoredOn = new java.util.ArrayList<>();
        String sorted = leaderboards.find(order.benchmark()).map(Leaderboard::id).orElse(null);
        for (Leaderboard b : choices.benchmarks()) {
            if (b.higherIsBetter() != null) {
                String value = new ModelQuery.Order(ModelQuery.Sort.BENCHMARK, b.id()).param();
                sorts.add(new Option(value, "benchmark: " + b.title(), value.equalsIgnoreCase(sort) || b.id().equals(sorted)));
            }
            scoredOn.add(new Option(b.id(), b.title(), b.id().equals(filters.get("scored_on"))));
        }
        String query = filters.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String base = "/models?" + (query.isEmpty() ? "" : query + "&") + "page=";
        Meta meta = new Meta("AI model directory: " + matching.size() + " models with prices and context windows | ModelAtlas",
                "Every model of LiteLLM, models.dev and OpenRouter: " + ctx.catalog().models().size() + " models, " + ctx.catalog().offeringCount()
                        + " provider offerings, with prices, context windows and sources.",
                ctx.baseUrl() + "/models", null);
        String column = order.benchmark() == null ? null
                : leaderboards.find(order.benchmark()).map(Leaderboard::title).orElse(order.benchmark());
        return new DirectoryPage(meta, filters, creators, providers, types, caps, modalities, statuses, sorts, scoredOn, column, rows, matching.size(), current, pages,
                current > 1 ? base + (current - 1) : null, current < pages ? base + (current + 1) : null);
    }

    /** Choices past {@link #MAX_SHOWN} are not offered: cut, they would filter on another value (the URL still can). */
    private static List<Option> options(List<String> values, String selected) {
        return values.stream().filter(v -> v.length() <= MAX_SHOWN).map(v -> new Option(v, v, v.equals(selected))).toList();
    }

    private static Line line(Model m, ModelQuery.Order order, Leaderboards leaderboards) {
        var sheet = m.prices();
        String input = sheet.map(s -> s.rate(PriceKind.INPUT).map(r -> Format.usd(r.usdPerMillion())).orElse("—")).orElse("unknown");
        String output = sheet.map(s -> s.rate(PriceKind.OUTPUT).map(r -> Format.usd(r.usdPerMillion()))
                .orElse(s.cheapestImage().map(p -> Format.usd(p.usdPerImage()) + "/image").orElse("—"))).orElse("unknown");
        return new Line(m.id(), Clip.clip(m.displayName(), MAX_SHOWN), Clip.clip(m.creatorName(), MAX_SHOWN), m.type().label(),
                m.contextWindow() == null ? "—" : Format.compactTokens(m.contextWindow().value()), input, output,
                m.status().value().lifecycle().jsonName(),
                order.benchmark() == null ? null : order.score(m, leaderboards).map(Format::leaderboardScore).orElse("—"));
    }

    /** The query parameters the directory's form and links carry, in the order its links write them. */
    static final List<String> FILTERS = List.of("q", "creator", "provider", "type", "capability", "modality", "status", "min_context",
            "max_input_price", "scored_on", "sort");

    /** Every filter with its value ("" when not set), read by {@code valueOf} (null for none). */
    static Map<String, String> filters(java.util.function.Function<String, String> valueOf) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String key : FILTERS) {
            String value = valueOf.apply(key);
            m.put(key, value == null ? "" : value);
        }
        return m;
    }
}
