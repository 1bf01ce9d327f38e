package io.modelatlas.cli;

import io.modelatlas.catalog.history.CatalogChange;
import io.modelatlas.catalog.history.FieldKey;
import io.modelatlas.catalog.history.HistoryEntry;
import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.compare.Format;
import io.modelatlas.refresh.RefreshReport;
import io.modelatlas.refresh.ScoreChange;
import io.modelatlas.refresh.SourceOutcome;
import java.io.PrintWriter;
import java.util.Locale;

/** The text a live refresh prints: one line per source, the version recorded, then every change, old -> new. */
final class RefreshReportText {
    private RefreshReportText() {}

    static void print(RefreshReport report, PrintWriter out, PrintWriter err) {
        for (SourceOutcome s : report.sources()) {
            out.printf("%-10s  %-9s  %s: %s%n", s.source(), s.status().name().toLowerCase(Locale.ROOT), s.url(), s.detail());
            if (s.status() == SourceOutcome.Status.REFUSED) {
                err.println("error: " + s.source() + " refused: " + s.detail() + "; the catalog keeps its copy. The file is kept as " + s.keptAs()
                        + (s.acceptable() ? "; after review, take it with: refresh --accept --source " + s.source() + "=" + s.url()
                        + (SourceSet.IMPORTABLE.contains(s.source()) ? " (or: import " + s.source() + " " + s.keptAs() + ")" : "") : ""));
            } else if (s.status() == SourceOutcome.Status.FAILED) {
                err.println("error: " + s.source() + " not refreshed: " + s.detail() + "; the catalog keeps its copy");
            }
        }
        if (report.recorded() != null) {
            out.println(report.recorded().summary());
        }
        out.printf("changes observed %s: %s%n", report.observed(), report.changes().isEmpty() ? "none" : report.changes().size());
        for (CatalogChange c : report.changes()) {
            out.println("  " + line(c));
        }
        if (!report.scoreChanges().isEmpty()) {
            // leaderboard scores are not fields of the catalog's history: listed here, not in the changes feed
            out.printf("leaderboard scores of catalog models changed: %d%n", report.scoreChanges().size());
            for (ScoreChange c : report.scoreChanges()) {
                out.println("  " + line(c));
            }
        }
    }

    static String line(ScoreChange c) {
        return String.format("%-8s %s %s%s: %s -> %s", "score", c.modelId(), c.benchmarkId(), c.variant().isEmpty() ? "" : " (" + c.variant() + ")",
                c.before() == null ? "none" : c.before(), c.after() == null ? "none" : c.after());
    }

    static String line(CatalogChange c) {
        return switch (c.kind()) {
            case NEW_MODEL -> String.format("%-8s %s", "new", c.modelId());
            case REMOVED_MODEL -> String.format("%-8s %s", "removed", c.modelId());
            case MOVED -> String.format("%-8s %s: from %s to %s", "moved", c.offering(), c.before(), c.after());
            case PRICE -> String.format("%-8s %s %s %s: %s -> %s", "price", c.modelId(), c.offering(), c.field(), value(c, c.before()), value(c, c.after()));
            case LIMIT -> String.format("%-8s %s %s: %s -> %s", "limit", c.modelId(), c.field(), value(c, c.before()), value(c, c.after()));
            case STATUS -> String.format("%-8s %s: %s -> %s", "status", c.modelId(), value(c, c.before()), value(c, c.after()));
        };
    }

    /** Formats a value as the history command does (money rounded once, here); "none" when the field was or is absent. */
    private static String value(CatalogChange c, String v) {
        if (v == null) {
            return "none";
        }
        return Format.historyValue(new HistoryEntry(new FieldKey(c.modelId(), c.offering(), c.field()), v, "", c.observed(), null));
    }
}
