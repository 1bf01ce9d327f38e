package io.modelatlas.check;

import java.util.Map;
import java.util.stream.Collectors;

/** The report as a linter prints it: {@code FILE:LINE:COL verdict  claim -> fact (source)}, then a summary line. */
public final class TextReport {
    private TextReport() {}

    public static String render(CheckReport report) {
        StringBuilder out = new StringBuilder();
        for (Claim c : report.claims()) {
            out.append(report.name()).append(':').append(c.line()).append(':').append(c.column()).append(' ')
                    .append(String.format("%-9s", c.verdict().label())).append(' ').append(c.kind().jsonName()).append(": \"").append(c.text()).append('"');
            if (c.actual() != null) {
                out.append(" -> ").append(c.actual());
            }
            if (!c.sources().isEmpty()) {
                out.append(" (").append(c.sources().stream().map(TextReport::source).distinct().collect(Collectors.joining("; "))).append(')');
            }
            out.append('\n');
            if (c.correction() != null) {
                out.append("    right: ").append(c.correction()).append('\n');
            }
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    /** A source in a few words: a key longer than a line (a file path with its commit) is cut. */
    static String source(io.modelatlas.catalog.Provenance p) {
        String key = p.key().length() <= 60 ? p.key() : p.key().substring(0, 57) + "...";
        return p.source() + " " + key + " (" + p.asOf() + ")";
    }

    public static String summary(CheckReport report) {
        StringBuilder s = new StringBuilder();
        s.append(report.claims().size()).append(report.claims().size() == 1 ? " claim" : " claims");
        for (Map.Entry<Verdict, Integer> e : report.summary().entrySet()) {
            if (e.getValue() > 0) {
                s.append(", ").append(e.getValue()).append(' ').append(e.getKey().label());
            }
        }
        return s.toString();
    }
}
