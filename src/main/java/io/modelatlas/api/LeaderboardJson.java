package io.modelatlas.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Leaderboards;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Benchmarks as data: {@code GET /api/v1/benchmarks} lists them, {@code GET /api/v1/benchmarks/{id}} gives one with
 * every score. A score is the published figure exactly ({@code score_text} is its text; {@code score} the same
 * number); {@code higher_is_better} is null for a descriptive figure.
 */
public final class LeaderboardJson {
    private LeaderboardJson() {}

    public record BenchmarkJson(String id, String name, String source, String origin, String metric, String unit, Boolean higherIsBetter,
                                boolean bounded, int modelsScored) {
        static BenchmarkJson from(Leaderboard b, Leaderboards all) {
            return new BenchmarkJson(b.id(), b.name(), b.source(), b.origin(), b.metric(), b.unit(), b.higherIsBetter(), b.bounded(),
                    all.modelsScored(b.id()));
        }
    }

    public record ListJson(List<BenchmarkJson> benchmarks) {}

    /** One score; {@code lower_95}/{@code upper_95} where the publisher gives bounds (named here: the naming strategy would write {@code lower95}). */
    public record EntryJson(String model, String modelName, String variant, String snapshot, String publishedName, BigDecimal score,
                            String scoreText, @JsonProperty("lower_95") BigDecimal lower95, @JsonProperty("upper_95") BigDecimal upper95, LocalDate asOf,
                            SourceJson source) {
        static EntryJson from(LeaderboardScore s, Catalog catalog) {
            return new EntryJson(s.modelId(), catalog.byId(s.modelId()).map(m -> m.displayName()).orElse(s.modelId()), s.variant(),
                    s.snapshot(), s.publishedName(), s.score(), s.scoreText(), s.lower(), s.upper(), s.source().asOf(), SourceJson.from(s.source()));
        }
    }

    public record DetailJson(BenchmarkJson benchmark, List<EntryJson> entries) {}

    /** A model's score with the benchmark it is on: model pages and {@code /api/v1/models/{id}}. */
    public record ModelScoreJson(String benchmark, String benchmarkName, String metric, String unit, String variant, String snapshot,
                                 String publishedName, BigDecimal score, String scoreText, @JsonProperty("lower_95") BigDecimal lower95,
                                 @JsonProperty("upper_95") BigDecimal upper95, SourceJson source) {}

    public static ListJson list(Leaderboards all) {
        return new ListJson(all.benchmarks().stream().map(b -> BenchmarkJson.from(b, all)).toList());
    }

    public static DetailJson detail(Leaderboard b, Catalog catalog) {
        Leaderboards all = catalog.leaderboards();
        return new DetailJson(BenchmarkJson.from(b, all), all.scores(b.id()).stream().map(s -> EntryJson.from(s, catalog)).toList());
    }

    public static List<ModelScoreJson> ofModel(String modelId, Leaderboards all) {
        return all.scoresOf(modelId).stream().map(s -> {
            Leaderboard b = all.benchmark(s.benchmarkId()).orElseThrow();
            return new ModelScoreJson(b.id(), b.name(), b.metric(), b.unit(), s.variant(), s.snapshot(), s.publishedName(), s.score(), s.scoreText(),
                    s.lower(), s.upper(), SourceJson.from(s.source()));
        }).toList();
    }
}
