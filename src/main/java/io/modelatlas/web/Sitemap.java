package io.modelatlas.web;

import io.modelatlas.catalog.Model;
import io.modelatlas.compare.ComparisonPaths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** sitemap.xml and robots.txt: every model page and the comparisons the site links to. Served and exported alike. */
final class Sitemap {
    private Sitemap() {}

    static String xml(WebContext ctx) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        xml.append("<url><loc>").append(ctx.baseUrl()).append("/models</loc></url>\n");
        xml.append("<url><loc>").append(ctx.baseUrl()).append("/calculator</loc></url>\n");
        xml.append("<url><loc>").append(ctx.baseUrl()).append(BenchmarksPage.PATH).append("</loc></url>\n");
        ctx.catalog().leaderboards().benchmarks().forEach(b -> xml.append("<url><loc>").append(ctx.baseUrl()).append(BenchmarkPage.path(b.id())).append("</loc></url>\n"));
        Set<String> comparisons = new TreeSet<>();
        for (Model m : ctx.catalog().models()) {
            if (!Links.linkable(m.id())) {
                continue; // no URL can name it (see Links.linkable)
            }
            xml.append("<url><loc>").append(ctx.baseUrl()).append(xmlEscape(Links.model(m.id()))).append("</loc></url>\n");
            if (m.isSuperseded() && ctx.catalog().byId(m.status().value().successorId()).isPresent() && Links.linkable(m.status().value().successorId())) {
                comparisons.add(ComparisonPaths.path(List.of(m.id(), m.status().value().successorId())));
            }
        }
        comparisons.add(ComparisonPaths.path(List.of("gpt-4.1", "gpt-4.1-mini")));
        for (String p : comparisons) {
            xml.append("<url><loc>").append(ctx.baseUrl()).append(xmlEscape(p)).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    static String robots(WebContext ctx) {
        return "User-agent: *\nAllow: /\nSitemap: " + ctx.baseUrl() + "/sitemap.xml\n";
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
