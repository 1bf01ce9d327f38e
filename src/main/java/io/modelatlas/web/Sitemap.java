package io.modelatlas.web;

import io.modelatlas.catalog.Fact;
import io.modelatlas.catalog.Leaderboard;
import io.modelatlas.catalog.Leaderboards;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.catalog.SourceInfo;
import io.modelatlas.compare.Comparison;
import io.modelatlas.compare.ComparisonPaths;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * sitemap.xml and robots.txt: every model page and every comparison the site links to (from model pages, and from
 * those comparisons' own related links, followed to the end), each with {@code lastmod} from the as-of dates of the
 * data it shows. Up to {@link #MAX_URLS} URLs it is one file; past that, {@code /sitemap.xml} is a sitemap index of
 * {@code /sitemaps/1.xml}, {@code /sitemaps/2.xml}, ..., each under the protocol's 50,000-URL limit. Served and exported alike.
 */
final class Sitemap {
    /** The sitemap protocol's limit of URLs per file. */
    static final int MAX_URLS = 50_000;
    static final String FILES = "/sitemaps/";

    /** One URL and the date its data was last seen to change, or null when no figure on it is dated. */
    record Entry(String path, LocalDate lastmod) {}

    private final String baseUrl;
    private final List<Entry> entries;
    private final int perFile;

    private Sitemap(String baseUrl, List<Entry> entries, int perFile) {
        this.baseUrl = baseUrl;
        this.entries = List.copyOf(entries);
        this.perFile = perFile;
    }

    static Sitemap of(WebContext ctx) {
        return of(ctx, MAX_URLS);
    }

    /** With a smaller limit per file, so that tests can see the index without 50,000 models. */
    static Sitemap of(WebContext ctx, int perFile) {
        if (perFile < 1) {
            throw new IllegalArgumentException("a sitemap file holds at least one URL, got " + perFile);
        }
        return new Sitemap(ctx.baseUrl(), entries(ctx), perFile);
    }

    List<Entry> entries() {
        return entries;
    }

    int files() {
        return entries.size() <= perFile ? 1 : (entries.size() + perFile - 1) / perFile;
    }

    /** {@code /sitemap.xml}: the URLs themselves, or an index of the files when they do not fit in one. */
    String xml() {
        if (files() == 1) {
            return urlset(entries);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int n = 1; n <= files(); n++) {
            xml.append("<sitemap><loc>").append(baseUrl).append(FILES).append(n).append(".xml</loc>");
            latest(slice(n)).ifPresent(d -> xml.append("<lastmod>").append(d).append("</lastmod>"));
            xml.append("</sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** {@code /sitemaps/N.xml}, or empty when the sitemap is one file or has no such part. */
    Optional<String> file(String name) {
        if (files() == 1 || !isFileName(name)) {
            return Optional.empty();
        }
        int n = Integer.parseInt(name.substring(0, name.length() - 4));
        return n > files() ? Optional.empty() : Optional.of(urlset(slice(n)));
    }

    /** {@code 1.xml} to {@code 999999.xml}: the only names a sitemap file can have. */
    static boolean isFileName(String name) {
        return name.matches("[1-9][0-9]{0,5}\\.xml");
    }

    private List<Entry> slice(int n) {
        return entries.subList((n - 1) * perFile, Math.min(entries.size(), n * perFile));
    }

    private String urlset(List<Entry> list) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Entry e : list) {
            xml.append("<url><loc>").append(baseUrl).append(xmlEscape(e.path())).append("</loc>");
            if (e.lastmod() != null) {
                xml.append("<lastmod>").append(e.lastmod()).append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static Optional<LocalDate> latest(List<Entry> list) {
        return list.stream().map(Entry::lastmod).filter(Objects::nonNull).max(LocalDate::compareTo);
    }

    static String robots(WebContext ctx) {
        return "User-agent: *\nAllow: /\nSitemap: " + ctx.baseUrl() + "/sitemap.xml\n";
    }

    /** The pages, then the models, then the comparisons in the order they were found. */
    private static List<Entry> entries(WebContext ctx) {
        LocalDate catalogDate = ctx.catalog().sources().stream().map(SourceInfo::asOf).filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        List<Entry> out = new ArrayList<>(List.of(new Entry("/models", catalogDate), new Entry("/compare", null), new Entry("/calculator", catalogDate)));
        Leaderboards leaderboards = ctx.catalog().leaderboards();
        out.add(new Entry(BenchmarksPage.PATH, leaderboards.benchmarks().stream().flatMap(b -> leaderboards.scores(b.id()).stream())
                .map(s -> s.source().asOf()).max(LocalDate::compareTo).orElse(null)));
        for (Leaderboard b : leaderboards.benchmarks()) {
            out.add(new Entry(BenchmarkPage.path(b.id()), leaderboards.scores(b.id()).stream().map(s -> s.source().asOf()).max(LocalDate::compareTo).orElse(null)));
        }
        Map<String, List<Model>> comparisons = new LinkedHashMap<>();
        Deque<List<Model>> todo = new ArrayDeque<>();
        for (Model m : ctx.catalog().models()) {
            if (!Links.linkable(m.id())) {
                continue; // no URL can name it (see Links.linkable)
            }
            out.add(new Entry(Links.model(m.id()), lastmod(m)));
            ModelPage.related(m, ctx).forEach(r -> found(r, ctx, comparisons, todo));
        }
        // a comparison's page links to more comparisons: follow them until none is new
        while (!todo.isEmpty()) {
            ctx.comparer().related(todo.poll()).forEach(r -> found(r, ctx, comparisons, todo));
        }
        comparisons.forEach((path, models) -> out.add(new Entry(path, models.stream().map(Sitemap::lastmod).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null))));
        return out;
    }

    private static void found(Comparison.Related r, WebContext ctx, Map<String, List<Model>> comparisons, Deque<List<Model>> todo) {
        if (!r.modelIds().stream().allMatch(Links::linkable)) {
            return;
        }
        List<Model> models = r.modelIds().stream().map(id -> ctx.catalog().byId(id).orElse(null)).toList();
        if (models.contains(null) || comparisons.containsKey(r.path())) {
            return; // a model outside the catalog gets no link, so no page
        }
        comparisons.put(r.path(), models);
        todo.add(models);
    }

    /** The latest as-of date of the figures a model's page shows: its prices, limits, status and dates. */
    static LocalDate lastmod(Model m) {
        Stream<Fact<?>> facts = Stream.of(m.releaseDate(), m.knowledgeCutoff(), m.contextWindow(), m.maxInputTokens(), m.maxOutputTokens(), m.status());
        return Stream.concat(facts.filter(Objects::nonNull).map(f -> f.source().asOf()),
                        m.offerings().stream().map(Offering::prices).filter(Objects::nonNull).map(f -> f.source().asOf()))
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
