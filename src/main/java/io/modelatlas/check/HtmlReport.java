package io.modelatlas.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The report as a standalone HTML page: the article as read, each claim highlighted by verdict with the catalog's
 * figure in its title and in a numbered list below. JDK only, escaped by hand, no script.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static String render(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Check: ").append(escape(report.name()))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n<h1>Check of ")
                .append(escape(report.name())).append("</h1>\n<p class=\"summary\">").append(escape(TextReport.summary(report))).append("</p>\n");
        out.append(body(report));
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    /** The article with its claims marked, and the list of claims: what the web page embeds. */
    public static String body(CheckReport report) {
        StringBuilder out = new StringBuilder("<pre class=\"article\">");
        Article a = report.article();
        List<Claim> claims = report.claims();
        int index = 0;
        for (int n = 1; n <= a.lineCount(); n++) {
            String line = a.line(n);
            List<Claim> here = new ArrayList<>();
            while (index < claims.size() && claims.get(index).line() == n) {
                here.add(claims.get(index++));
            }
            here.sort(Comparator.comparingInt(Claim::column));
            int at = 0;
            for (Claim c : here) {
                int start = Math.max(at, c.column() - 1);
                int found = line.indexOf(c.text(), start);
                int end = found == start ? start + c.text().length() : Math.min(line.length(), start + Math.max(1, c.text().length()));
                if (start >= line.length()) {
                    continue;
                }
                out.append(escape(line.substring(at, start)));
                out.append("<mark class=\"").append(c.verdict().label()).append("\" title=\"").append(escape(title(c))).append("\">")
                        .append(escape(line.substring(start, end))).append("<sup>").append(claims.indexOf(c) + 1).append("</sup></mark>");
                at = end;
            }
            out.append(escape(line.substring(Math.min(at, line.length())))).append('\n');
        }
        out.append("</pre>\n<ol class=\"claims\">\n");
        for (Claim c : claims) {
            out.append("<li class=\"").append(c.verdict().label()).append("\"><b>").append(c.verdict().label()).append("</b> ")
                    .append(c.line()).append(':').append(c.column()).append(' ').append(escape(c.kind().jsonName())).append(": &ldquo;")
                    .append(escape(c.text())).append("&rdquo;");
            if (c.actual() != null) {
                out.append(" &rarr; ").append(escape(c.actual()));
            }
            if (!c.sources().isEmpty()) {
                out.append(" <small>(").append(escape(c.sources().stream().map(TextReport::source).distinct().collect(Collectors.joining("; ")))).append(")</small>");
            }
            if (c.correction() != null) {
                out.append("<br>Right: ").append(escape(c.correction()));
            }
            out.append("</li>\n");
        }
        return out.append("</ol>\n").toString();
    }

    /** "13 claims, 7 right, 2 wrong": the report's one-line summary. */
    public static String summary(CheckReport report) {
        return TextReport.summary(report);
    }

    private static String title(Claim c) {
        return c.verdict().label() + (c.actual() == null ? "" : ": " + c.actual());
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.5}
            .article{white-space:pre-wrap;font-family:inherit;background:#fafafa;padding:1rem;border:1px solid #ddd}
            mark{padding:0 .15em;border-radius:3px}
            mark.right,li.right b{background:#c8f0c8}
            mark.rounded,li.rounded b{background:#e0f4c0}
            mark.wrong,li.wrong b{background:#f6b8b8}
            mark.disputed,li.disputed b{background:#f8e0a0}
            mark.unsourced,li.unsourced b{background:#e4e4e4}
            mark.unchecked,li.unchecked b{background:#d8e4f8}
            """;
}
