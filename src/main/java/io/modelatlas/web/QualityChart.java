package io.modelatlas.web;

import io.modelatlas.compare.Format;
import io.modelatlas.compare.QualityVsPrice;
import io.modelatlas.compare.QualityVsPrice.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A quality-vs-price chart as {@code benchmark/chart.jte} prints it: the points as JSON for app.js (Chart.js, log
 * price axis) and the same data as a table for readers without JavaScript. Money is formatted here, once.
 *
 * @param json      the chart data for the canvas's {@code data-chart} attribute
 * @param rows      the table: every model on a benchmark page; on a comparison, the compared and frontier models
 * @param freeCount models listed at $0: a log axis has no 0, so they are in the table only, off the frontier
 */
public record QualityChart(String benchmarkId, String title, String unit, boolean higherIsBetter, String blend, String json, List<TableRow> rows,
                           int freeCount, int unpricedCount) {

    public QualityChart {
        rows = List.copyOf(rows);
    }

    /** One model in the table; {@code price} is "price unknown" when no source prices it. */
    public record TableRow(String modelId, String modelName, String variant, String score, String price, String frontier, boolean highlighted) {}

    /** Every model on the benchmark, in the table and (priced above $0) on the chart. */
    static QualityChart of(QualityVsPrice q) {
        return of(q, Set.of(), true);
    }

    /**
     * The chart with {@code highlighted} models marked; when {@code allRows} is false the table keeps only those and
     * the frontier models (a comparison page's table).
     */
    static QualityChart of(QualityVsPrice q, Set<String> highlighted, boolean allRows) {
        List<Map<String, Object>> points = new ArrayList<>();
        List<TableRow> rows = new ArrayList<>();
        for (Point p : q.priced()) {
            boolean mark = highlighted.contains(p.modelId());
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("label", p.modelName());
            point.put("variant", p.best().variant());
            point.put("x", p.blendedPerMillion());
            point.put("y", p.best().score());
            point.put("price", Format.usd(p.blendedPerMillion()));
            point.put("frontier", p.frontier());
            point.put("highlight", mark);
            points.add(point);
            if (allRows || mark || p.frontier()) {
                rows.add(row(p, Format.usd(p.blendedPerMillion()) + " / 1M", mark));
            }
        }
        for (Point p : q.free()) {
            boolean mark = highlighted.contains(p.modelId());
            if (allRows || mark) {
                rows.add(row(p, "$0 (free listing; not plotted)", mark));
            }
        }
        for (Point p : q.unpriced()) {
            boolean mark = highlighted.contains(p.modelId());
            if (allRows || mark) {
                rows.add(row(p, "price unknown", mark));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("title", q.benchmark().title());
        chart.put("unit", q.benchmark().unit());
        chart.put("higherIsBetter", q.benchmark().higherIsBetter());
        chart.put("blend", QualityVsPrice.BLEND.label());
        chart.put("points", points);
        return new QualityChart(q.benchmark().id(), q.benchmark().title(), q.benchmark().unit(), q.benchmark().higherIsBetter(),
                QualityVsPrice.BLEND.label(), points.isEmpty() ? null : PageJson.write(chart), rows, q.free().size(), q.unpriced().size());
    }

    private static TableRow row(Point p, String price, boolean highlighted) {
        String variant = p.best().variant().isEmpty() ? "default" : p.best().variant();
        return new TableRow(p.modelId(), p.modelName(), variant, p.best().scoreText(), price, p.frontier() ? "yes" : "no", highlighted);
    }

    /** The blended price in words: what "price" means on the axis. */
    public String priceDefinition() {
        return "Blended price per 1M tokens of the model's own listing, " + QualityVsPrice.BLEND.definition();
    }

    /** "1 model", "5 models". */
    public static String models(int n) {
        return n + (n == 1 ? " model" : " models");
    }
}
