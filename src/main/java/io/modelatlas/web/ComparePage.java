package io.modelatlas.web;

import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelType;
import io.modelatlas.compare.Comparison;
import io.modelatlas.compare.Comparison.VolumeTable;
import io.modelatlas.compare.ComparisonPaths;
import io.modelatlas.compare.Difference;
import io.modelatlas.compare.Format;
import io.modelatlas.compare.ImageCosts;
import io.modelatlas.compare.Performance;
import io.modelatlas.compare.QualityVsPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything {@code compare/page.jte} prints; money already formatted, chart data as JSON in an attribute. */
public record ComparePage(Meta meta, Comparison comparison, List<String> sentences, List<CostTable> costTables, String chartJson,
                          String switchSnippet, java.util.function.Predicate<String> inCatalog, Map<String, Description> descriptions,
                          CompareForm form, String link, QualityChart quality, ImageTables images) {

    /**
     * The image tables, formatted: rows of a label, one cell per model and the cheaper one. {@code perImage} is one row
     * per quality and size; {@code monthly} one per images-a-month volume and quality and size. Null when no compared
     * model prices images.
     */
    public record ImageTables(List<List<String>> perImage, List<List<String>> monthly) {
        static ImageTables of(Comparison c) {
            ImageCosts images = c.images();
            if (images == null) {
                return null;
            }
            List<List<String>> perImage = new ArrayList<>();
            for (ImageCosts.PriceRow r : images.prices()) {
                List<String> row = new ArrayList<>(List.of(r.variant().label()));
                for (int i = 0; i < c.models().size(); i++) {
                    row.add(images.perImageText(i, r.usdPerImage().get(i)));
                }
                row.add(r.cheapestModelId() == null ? "—" : c.nameOf(r.cheapestModelId()));
                perImage.add(row);
            }
            List<List<String>> monthly = new ArrayList<>();
            for (ImageCosts.MonthRow r : images.monthly()) {
                List<String> row = new ArrayList<>(List.of(Format.count(r.imagesPerMonth()), r.variant().label()));
                for (int i = 0; i < c.models().size(); i++) {
                    row.add(images.monthlyText(i, r.usd().get(i)));
                }
                row.add(r.cheapestModelId() == null ? "—" : c.nameOf(r.cheapestModelId()) + " saves " + Format.usdCents(r.saving()));
                monthly.add(row);
            }
            return new ImageTables(perImage, monthly);
        }
    }

    /** The benchmark a comparison's quality-vs-price chart prefers: LMArena's overall text board. */
    static final String HEADLINE_BENCHMARK = "lmarena-text-full";


    /**
     * A monthly cost table under one blend, formatted; {@code notes} names the models the cache-hit share leaves at
     * the full input price.
     */
    public record CostTable(String label, String definition, List<String> blended, List<List<String>> rows, String summary, List<String> notes) {}

    static ComparePage of(Comparison c, WebContext ctx, BigDecimal cacheHitRate) {
        List<String> ids = c.models().stream().map(Model::id).toList();
        List<CostTable> tables = new ArrayList<>();
        for (VolumeTable t : c.volumes()) {
            List<List<String>> rows = new ArrayList<>();
            for (Comparison.VolumeRow r : t.rows()) {
                List<String> row = new ArrayList<>();
                row.add(Format.compactTokens(r.tokensPerMonth()) + " tokens / month");
                for (int i = 0; i < r.costs().size(); i++) {
                    row.add(r.costs().get(i) == null ? c.noTokenCost(i) : Format.usdCents(r.costs().get(i)));
                }
                rows.add(row);
            }
            Comparison.VolumeRow last = t.rows().get(t.rows().size() - 1);
            String summary = last.cheapestModelId() == null ? null : "At " + Format.compactTokens(last.tokensPerMonth()) + " tokens a month, "
                    + c.nameOf(last.cheapestModelId()) + " saves " + Format.usdCents(last.saving()) + ".";
            List<String> notes = new ArrayList<>();
            for (int i = 0; i < c.models().size(); i++) {
                if (t.cacheNotes().get(i) != null) {
                    notes.add(c.models().get(i).displayName() + ": " + t.cacheNotes().get(i) + ".");
                }
            }
            tables.add(new CostTable(t.blend().label(), t.definition(),
                    java.util.stream.IntStream.range(0, c.models().size()).mapToObj(i -> t.blendedPerMillion().get(i) == null ? c.noTokenCost(i)
                            : Format.usd(t.blendedPerMillion().get(i)) + " / 1M").toList(), rows, summary, notes));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("volumes", c.volumes().get(0).rows().stream().map(Comparison.VolumeRow::tokensPerMonth).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < c.models().size(); i++) {
            int idx = i;
            List<BigDecimal> costs = c.volumes().get(0).rows().stream().map(r -> r.costs().get(idx)).toList();
            if (costs.stream().allMatch(x -> x != null)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("label", c.models().get(i).displayName());
                line.put("costs", costs);
                line.put("shown", costs.stream().map(Format::usdCents).toList());
                series.add(line);
            }
        }
        chart.put("series", series);
        chart.put("blend", c.volumes().get(0).blend().label());
        String snippet = c.models().stream().allMatch(m -> m.type() == ModelType.CHAT)
                ? "response = client.chat.completions.create(\n    model=\"" + ids.get(1) + "\",  # was \"" + ids.get(0) + "\"\n    messages=messages,\n)"
                : null;
        String first = c.differences().stream().filter(d -> d instanceof Difference.PriceGap || d instanceof Difference.ImagePrices || d instanceof Difference.PriceUnits)
                .map(d -> d instanceof Difference.ImagePrices image ? image.headline() : d.sentence()).findFirst()
                .orElse(c.differences().isEmpty() ? "" : c.differences().get(0).sentence());
        String costs = c.allImageModels() ? " Cost per image and per month at 1,000 to 100,000 images" : " Cost per month at 1M to 250M tokens, scenarios";
        Meta meta = new Meta(c.title() + ": prices, context, benchmarks compared | ModelAtlas",
                "Compare " + c.title() + ". " + first + costs + ", benchmarks and which to choose.",
                ctx.baseUrl() + ComparisonPaths.path(ids), Pages.faqJsonLd(c.faqs()));
        return new ComparePage(meta, c, c.differences().stream().map(Difference::sentence).toList(), tables,
                series.isEmpty() ? null : PageJson.write(chart), snippet,
                id -> ctx.catalog().byId(id).isPresent(), // a recommended successor the catalog lacks is named, not linked
                c.models().stream().collect(java.util.stream.Collectors.toMap(Model::id, m -> Description.of(m, ctx.catalog()), (a, b) -> a, LinkedHashMap::new)),
                CompareForm.of(ids, cacheHitRate), ctx.baseUrl() + CompareForm.cacheHitQuery(ComparisonPaths.orderedPath(ids), cacheHitRate),
                quality(c, ctx), ImageTables.of(c));
    }

    /**
     * Quality against price on the comparison's first shared headline benchmark (LMArena's overall board when both are
     * on it, else the first shared benchmark that ranks): every model scored on it plotted, the compared ones marked,
     * the table keeping them and the frontier. Null when no shared benchmark ranks.
     */
    private static QualityChart quality(Comparison c, WebContext ctx) {
        List<Leaderboard> shared = c.performance().rows().stream().map(Performance.Row::benchmark).filter(b -> b.higherIsBetter() != null).toList();
        Leaderboard chosen = shared.stream().filter(b -> b.id().equals(HEADLINE_BENCHMARK)).findFirst()
                .orElse(shared.isEmpty() ? null : shared.get(0));
        if (chosen == null) {
            return null;
        }
        Set<String> compared = c.models().stream().map(Model::id).collect(java.util.stream.Collectors.toSet());
        return QualityVsPrice.of(ctx.catalog(), chosen).map(q -> QualityChart.of(q, compared, false)).orElse(null);
    }


    /** Scenario cost text for a cell. */
    public static String scenarioText(Comparison.ScenarioCell cell) {
        return cell.costPer1000() == null ? cell.note() : Format.usdCents(cell.costPer1000());
    }

    public static String scenarioRequestText(Comparison.ScenarioCell cell) {
        return cell.costPerRequest() == null ? "" : Format.usd(cell.costPerRequest()) + " per request";
    }

    public static String count(long n) {
        return Format.count(n);
    }

    public static String score(io.modelatlas.catalog.Benchmark b) {
        return b == null ? "—" : Format.number(b.score());
    }

    public String nameOf(String id) {
        return comparison.nameOf(id);
    }
}
