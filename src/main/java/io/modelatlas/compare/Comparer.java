package io.modelatlas.compare;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.BenchmarkKind;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.ModelSummary;
import io.modelatlas.compare.Comparison.BenchmarkRow;
import io.modelatlas.compare.Comparison.Recommendation;
import io.modelatlas.compare.Comparison.ScenarioCell;
import io.modelatlas.compare.Comparison.ScenarioRow;
import io.modelatlas.compare.Comparison.VolumeRow;
import io.modelatlas.compare.Comparison.VolumeTable;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostCalculator;
import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.PriceUnknownException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Builds a {@link Comparison} of 2 to 5 models from the catalog. Pure: same catalog and models, same result. */
public final class Comparer {
    public static final int MIN_MODELS = 2;
    public static final int MAX_MODELS = 5;
    /** Monthly volumes of the cost table: seed 002's 1M/10M/100M and seed 004's 50M/250M. */
    public static final List<Long> VOLUMES = List.of(1_000_000L, 10_000_000L, 50_000_000L, 100_000_000L, 250_000_000L);

    private final Catalog catalog;
    private final List<Scenario> scenarios;
    private final SpecTable specTable;
    private final Differences differences;
    private final Guidance guidance;
    private final RelatedComparisons related;

    public Comparer(Catalog catalog) {
        this(catalog, Scenario.standard());
    }

    public Comparer(Catalog catalog, List<Scenario> scenarios) {
        this.catalog = catalog;
        this.scenarios = List.copyOf(scenarios);
        this.specTable = new SpecTable(this::nameOf);
        this.differences = new Differences(this::nameOf);
        this.guidance = new Guidance(this::nameOf);
        this.related = new RelatedComparisons(catalog);
    }

    /** Resolves each query (id, provider/id or name) and compares the models in the order given. */
    public Comparison compareIds(List<String> queries) {
        return compare(queries.stream().map(catalog::require).toList());
    }

    public Comparison compare(List<Model> models) {
        return compare(models, BigDecimal.ZERO);
    }

    /**
     * Compares the models in the order given, the monthly cost tables reading {@code cacheHitRate} (0 to 1) of input
     * tokens from the prompt cache at the cached-input price where an offering has one.
     */
    public Comparison compare(List<Model> models, BigDecimal cacheHitRate) {
        if (models.size() < MIN_MODELS || models.size() > MAX_MODELS) {
            throw new IllegalArgumentException("compare needs 2 to 5 models, got " + models.size());
        }
        if (new HashSet<>(models.stream().map(Model::id).toList()).size() != models.size()) {
            throw new IllegalArgumentException("compare needs different models, got " + String.join(", ", models.stream().map(Model::id).toList()));
        }
        List<VolumeTable> volumes = Blend.standard().stream().map(b -> volumeTable(models, b.withCacheHitRate(cacheHitRate))).toList();
        // only the compared models' scores: the performance table sets them against each other, never against a whole board
        Performance performance = Performance.of(catalog.leaderboardsOf(models.stream().map(Model::id).toList()), models, this::nameOf);
        List<Recommendation> recommendations = guidance.recommendations(models, performance);
        return new Comparison(
                models,
                specTable.rows(models),
                differences.between(models),
                volumes,
                scenarioRows(models),
                benchmarkRows(models),
                recommendations,
                guidance.faqs(models, recommendations, volumes, performance),
                related.of(models),
                performance,
                ImageCosts.of(models).orElse(null));
    }

    /** The models of m's creator, family and type that have a release date (m among them), newest first. */
    public List<Model> family(Model m) {
        return related.family(m);
    }

    /** The comparisons a comparison of these models links to (successors, family, price peers): what its page lists. */
    public List<Comparison.Related> related(List<Model> models) {
        return related.of(models);
    }

    /**
     * Display name of a catalog id, or the id itself when the catalog lacks it (a successor not yet listed); from its
     * summary, so that naming a successor does not read it.
     */
    private String nameOf(String id) {
        return catalog.summary(id).map(ModelSummary::displayName).orElse(id);
    }

    static VolumeTable volumeTable(List<Model> models, Blend blend) {
        List<BigDecimal> blended = models.stream()
                .map(m -> m.prices().flatMap(s -> Projection.blendedPerMillion(s, blend)).orElse(null))
                .toList();
        List<VolumeRow> rows = new ArrayList<>();
        for (long volume : VOLUMES) {
            List<BigDecimal> costs = blended.stream()
                    .map(rate -> rate == null ? null : rate.multiply(BigDecimal.valueOf(volume)).movePointLeft(6).stripTrailingZeros())
                    .toList();
            rows.add(cheapestRow(models, volume, costs));
        }
        return new VolumeTable(blend, blend.definition(), blended, rows, cacheNotes(models, blend));
    }

    /** Per model, why the cache-hit share does not lower its cost (no cached-input price), else null. */
    private static List<String> cacheNotes(List<Model> models, Blend blend) {
        if (blend.cacheHitRate().signum() == 0) {
            return models.stream().map(m -> (String) null).toList();
        }
        return models.stream().map(m -> m.prices().filter(s -> s.rate(PriceKind.INPUT).isPresent() && s.rate(PriceKind.CACHED_INPUT).isEmpty())
                .map(s -> NO_CACHED_PRICE).orElse(null)).toList();
    }

    /** Said where a cache-hit share is asked for but the offering publishes no cached-input price. */
    public static final String NO_CACHED_PRICE = "no cached-input price: all input tokens at the full input price";

    private static VolumeRow cheapestRow(List<Model> models, long volume, List<BigDecimal> costs) {
        List<BigDecimal> known = costs.stream().filter(Objects::nonNull).toList();
        if (known.size() < 2) {
            return new VolumeRow(volume, costs, null, null);
        }
        BigDecimal min = known.stream().min(BigDecimal::compareTo).get();
        BigDecimal max = known.stream().max(BigDecimal::compareTo).get();
        String cheapest = min.compareTo(max) == 0 ? null : models.get(costs.indexOf(min)).id();
        return new VolumeRow(volume, costs, cheapest, max.subtract(min));
    }

    private List<ScenarioRow> scenarioRows(List<Model> models) {
        List<ScenarioRow> rows = new ArrayList<>();
        for (Scenario s : scenarios) {
            List<ScenarioCell> cells = models.stream().map(m -> scenarioCell(m, s)).toList();
            BigDecimal min = null;
            String cheapest = null;
            int priced = 0;
            for (int i = 0; i < models.size(); i++) {
                BigDecimal c = cells.get(i).costPerRequest();
                if (c != null) {
                    priced++;
                    if (min == null || c.compareTo(min) < 0) {
                        min = c;
                        cheapest = models.get(i).id();
                    }
                }
            }
            rows.add(new ScenarioRow(s, cells, priced >= 2 ? cheapest : null));
        }
        return rows;
    }

    static ScenarioCell scenarioCell(Model m, Scenario s) {
        if (!m.type().isText()) {
            return new ScenarioCell(null, null, "not a text model", null);
        }
        Optional<PriceSheet> sheet = m.prices();
        if (sheet.isEmpty()) {
            return new ScenarioCell(null, null, "price unknown", null);
        }
        // the limits of the offering the price comes from: a price for a request the provider refuses is no price
        Fit fit = Limits.of(m).check(s.inputTokens(), s.outputTokens());
        if (fit.exceeds()) {
            return new ScenarioCell(null, null, fit.describe(), fit);
        }
        try {
            Cost cost = CostCalculator.price(sheet.get(), s.usage());
            String note = cost.lines().stream().map(l -> l.note()).filter(Objects::nonNull).findFirst()
                    .orElse(fit.fits() ? null : fit.describe());
            return new ScenarioCell(cost.totalUsd(), cost.totalUsd().multiply(BigDecimal.valueOf(1000)).stripTrailingZeros(), note, fit);
        } catch (PriceUnknownException e) {
            return new ScenarioCell(null, null, e.getMessage(), fit);
        }
    }

    private static List<BenchmarkRow> benchmarkRows(List<Model> models) {
        Map<Benchmark.Identity, BenchmarkRow> rows = new LinkedHashMap<>();
        for (BenchmarkKind kind : BenchmarkKind.values()) {
            for (Model m : models) {
                for (Benchmark b : m.benchmarks(kind)) {
                    rows.computeIfAbsent(b.identity(), k -> new BenchmarkRow(b.name(), b.variant(), kind,
                            models.stream().map(x -> x.benchmarks(kind).stream().filter(b::comparableWith).findFirst().orElse(null)).toList()));
                }
            }
        }
        return List.copyOf(rows.values());
    }
}
