package io.modelatlas.web;

import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.LeaderboardScore;
import io.modelatlas.catalog.Model;
import io.modelatlas.compare.QualityVsPrice;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code benchmark/page.jte} prints: one benchmark's leaderboard as published (every row, score text
 * unchanged) and, unless the figure is descriptive, its quality-vs-price chart.
 *
 * @param chart null for a descriptive figure (neither higher nor lower is better)
 */
public record BenchmarkPage(Meta meta, Leaderboard benchmark, String direction, String sourceNote, List<Rank> rows, QualityChart chart) {
    public BenchmarkPage {
        rows = List.copyOf(rows);
    }

    /**
     * One published row. {@code rank} counts the rows with a strictly better score, plus one (equal scores share a
     * rank); "—" for a descriptive figure, whose rows stay in the publisher's order.
     */
    public record Rank(String rank, String modelId, String modelName, boolean linked, String variant, String snapshot, String publishedName,
                       String score, String bounds, String asOf, String source) {}

    static String path(String id) {
        return BenchmarksPage.PATH + "/" + id;
    }

    static BenchmarkPage of(Leaderboard b, WebContext ctx) {
        List<LeaderboardScore> scores = new ArrayList<>(ctx.catalog().leaderboards().scores(b.id()));
        if (b.higherIsBetter() != null) {
            scores.sort((x, y) -> b.better(x.score(), y.score()) ? -1 : b.better(y.score(), x.score()) ? 1 : 0); // stable: publisher order on ties
        }
        List<Rank> rows = new ArrayList<>();
        for (LeaderboardScore s : scores) {
            String rank = b.higherIsBetter() == null ? "—"
                    : String.valueOf(1 + scores.stream().filter(o -> b.better(o.score(), s.score())).count());
            String name = ctx.catalog().byId(s.modelId()).map(Model::displayName).orElse(s.modelId());
            rows.add(new Rank(rank, s.modelId(), name, ctx.catalog().byId(s.modelId()).isPresent() && Links.linkable(s.modelId()),
                    s.variant().isEmpty() ? "default" : s.variant(), s.snapshot() == null ? "—" : s.snapshot(), s.publishedName(), s.scoreText(),
                    bounds(s), String.valueOf(s.source().asOf()), s.source().source() + " " + s.source().key()));
        }
        QualityChart chart = QualityVsPrice.of(ctx.catalog(), b).map(QualityChart::of).orElse(null);
        String description = b.title() + " (" + b.source() + "): " + rows.size() + " published scores of " + ctx.catalog().leaderboards().modelsScored(b.id())
                + " models, " + BenchmarkSources.direction(b) + (chart == null ? "." : ", with quality against blended price per 1M tokens.");
        return new BenchmarkPage(new Meta(b.title() + " leaderboard | ModelAtlas", description, ctx.baseUrl() + path(b.id()), null), b,
                BenchmarkSources.direction(b), BenchmarkSources.note(b.source()), rows, chart);
    }

    /** "1234–1250" where the publisher gives 95% bounds, else "—". */
    static String bounds(LeaderboardScore s) {
        return s.lower() == null ? "—" : s.lower().toPlainString() + "–" + s.upper().toPlainString();
    }
}
