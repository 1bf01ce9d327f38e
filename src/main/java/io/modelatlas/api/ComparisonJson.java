package io.modelatlas.api;

import io.modelatlas.catalog.Benchmark;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.compare.Comparison;
import io.modelatlas.compare.Difference;
import io.modelatlas.compare.ImageCosts;
import io.modelatlas.compare.Performance;
import java.math.BigDecimal;
import java.util.List;

/** A comparison as data: {@code GET /api/v1/compare} and {@code compare --format json}. Per-model lists follow {@code models}. */
public record ComparisonJson(
        String title,
        List<ModelRef> models,
        List<SpecRowJson> specs,
        List<DifferenceJson> differences,
        List<VolumeJson> monthlyCost,
        List<ScenarioJson> scenarios,
        List<BenchmarkRowJson> benchmarks,
        List<Comparison.Recommendation> recommendations,
        List<Comparison.Faq> faqs,
        List<RelatedJson> related,
        PerformanceJson performance,
        ImagesJson images) {

    /**
     * What images cost, present only when some compared model prices images. Per-model lists follow {@code models};
     * {@code image_model} false means the model prices no images (its costs are null, never 0); a null price on an
     * image model means it does not sell that quality and size.
     */
    public record ImagesJson(List<Boolean> imageModel, List<ImagePriceJson> perImage, List<ImageMonthJson> monthly) {
        static ImagesJson from(ImageCosts i) {
            return i == null ? null : new ImagesJson(i.imageModel(),
                    i.prices().stream().map(p -> new ImagePriceJson(p.variant().quality(), p.variant().size(), p.usdPerImage(), p.cheapestModelId())).toList(),
                    i.monthly().stream().map(r -> new ImageMonthJson(r.variant().quality(), r.variant().size(), r.imagesPerMonth(), r.usd(),
                            r.cheapestModelId(), r.saving())).toList());
        }
    }

    public record ImagePriceJson(String quality, String size, List<BigDecimal> usdPerImage, String cheapest) {}

    public record ImageMonthJson(String quality, String size, long imagesPerMonth, List<BigDecimal> costsUsd, String cheapest, BigDecimal savingUsd) {}

    /**
     * Which performs better: {@code findings} in words (headline rows first), and every shared benchmark and variant
     * with each model's score in the order of {@code models}; {@code none} says so when nothing is shared.
     */
    public record PerformanceJson(List<String> findings, List<PerformanceRowJson> rows, String none) {}

    public record PerformanceRowJson(String benchmark, String benchmarkName, String metric, String unit, Boolean higherIsBetter, String variant,
                                     List<String> scores, List<String> leaders, boolean tie, List<SourceJson> sources) {}

    public record ModelRef(String id, String displayName) {}

    public record CellJson(String text, Object value, SourceJson source, List<String> otherSources) {}

    public record SpecRowJson(String key, String label, List<CellJson> cells) {}

    public record DifferenceJson(String kind, String sentence) {}

    public record BlendJson(String id, String label, int inputParts, int outputParts, BigDecimal cacheHitRate, String definition) {}

    public record VolumeRowJson(long tokensPerMonth, List<BigDecimal> costsUsd, String cheapest, BigDecimal savingUsd) {}

    /** {@code cacheNotes} only when a cache-hit share is asked for: per model, null where the share lowers its cost. */
    public record VolumeJson(BlendJson blend, List<BigDecimal> blendedUsdPerMillion, List<VolumeRowJson> rows, List<String> cacheNotes) {}

    /** A scenario's cost on one model; {@code fits}, {@code exceeds} and {@code unknown_limits} as in {@code /api/v1/cost}. */
    public record ScenarioCellJson(BigDecimal costPerRequestUsd, BigDecimal costPer1000Usd, String note, Boolean fits,
                                   List<FitJson.ExceedsJson> exceeds, List<String> unknownLimits) {
        static ScenarioCellJson from(Comparison.ScenarioCell x) {
            return new ScenarioCellJson(x.costPerRequest(), x.costPer1000(), x.note(), FitJson.fits(x.fit()), FitJson.exceeds(x.fit()),
                    FitJson.unknownLimits(x.fit()));
        }
    }

    public record ScenarioJson(String id, String name, String description, long inputTokens, long cachedInputTokens, long outputTokens,
                               List<ScenarioCellJson> costs, String cheapest) {}

    /** One benchmark identity (name, variant, metric) with each model's score, null where a model has none. */
    public record BenchmarkRowJson(String name, String variant, String metric, String kind, List<BigDecimal> scores, List<SourceJson> sources) {}

    public record RelatedJson(List<String> models, String title, String reason, String path) {}

    public static ComparisonJson from(Comparison c) {
        return new ComparisonJson(
                c.title(),
                c.models().stream().map(m -> new ModelRef(m.id(), m.displayName())).toList(),
                c.specs().stream().map(r -> new SpecRowJson(r.key(), r.label(), r.cells().stream()
                        .map(x -> new CellJson(x.text(), x.value(), SourceJson.from(x.source()), x.otherSources().isEmpty() ? null : x.otherSources()))
                        .toList())).toList(),
                c.differences().stream().map((Difference d) -> new DifferenceJson(d.kind(), d.sentence())).toList(),
                c.volumes().stream().map(v -> new VolumeJson(
                        new BlendJson(v.blend().id(), v.blend().label(), v.blend().inputParts(), v.blend().outputParts(), v.blend().cacheHitRate(), v.definition()),
                        v.blendedPerMillion(),
                        v.rows().stream().map(r -> new VolumeRowJson(r.tokensPerMonth(), r.costs(), r.cheapestModelId(), r.saving())).toList(),
                        v.blend().cacheHitRate().signum() == 0 ? null : v.cacheNotes())).toList(),
                c.scenarios().stream().map(s -> new ScenarioJson(s.scenario().id(), s.scenario().name(), s.scenario().description(),
                        s.scenario().inputTokens(), s.scenario().cachedInputTokens(), s.scenario().outputTokens(),
                        s.cells().stream().map(ScenarioCellJson::from).toList(),
                        s.cheapestModelId())).toList(),
                c.benchmarks().stream().map(b -> new BenchmarkRowJson(b.name(), b.variant(),
                        b.scores().stream().filter(java.util.Objects::nonNull).findFirst().map(Benchmark::metric).orElse(null), b.kind().name().toLowerCase(java.util.Locale.ROOT),
                        b.scores().stream().map(x -> x == null ? null : x.score()).toList(),
                        b.scores().stream().map(x -> x == null ? null : SourceJson.from(x.source())).toList())).toList(),
                c.recommendations(),
                c.faqs(),
                c.related().stream().map(r -> new RelatedJson(r.modelIds(), r.title(), r.reason(), r.path())).toList(),
                performance(c),
                ImagesJson.from(c.images()));
    }

    private static PerformanceJson performance(Comparison c) {
        Performance p = c.performance();
        return new PerformanceJson(p.headline().stream().map(Performance.Row::finding).toList(),
                p.rows().stream().map(r -> new PerformanceRowJson(r.benchmark().id(), r.benchmark().name(), r.benchmark().metric(), r.benchmark().unit(),
                        r.benchmark().higherIsBetter(), r.variant(), r.scores().stream().map(LeaderboardScore::scoreText).toList(),
                        r.leaders(), r.tie(), r.scores().stream().map(s -> SourceJson.from(s.source())).toList())).toList(),
                p.empty() ? p.noneSentence(c.models()) : null);
    }
}
