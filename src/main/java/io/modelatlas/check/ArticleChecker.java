package io.modelatlas.check;

import io.modelatlas.catalog.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the checkable claims of an article and judges each against the catalog. Pure: the same text, catalog and
 * date give the same report. The CLI's {@code check} command and the web's {@code /check} both call it.
 */
public final class ArticleChecker {
    private final Catalog catalog;
    private final ModelHistory history;

    public ArticleChecker(Catalog catalog) {
        this(catalog, ModelHistory.none());
    }

    /** @param history what the models' prices were on past days, for articles checked as of their date */
    public ArticleChecker(Catalog catalog, ModelHistory history) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.history = Objects.requireNonNull(history, "history");
    }

    /**
     * @param name what the report calls the article (a file name, a URL, "-")
     * @param asOf the article's date: prices are those the history has for that day; the catalog's newer figures
     *             without history are not held against it; null for today
     */
    public CheckReport check(String name, String text, LocalDate asOf) {
        Article article = Article.parse(text);
        CheckContext ctx = CheckContext.of(article, catalog, asOf, history);
        List<Claim> claims = new ArrayList<>();
        claims.addAll(PriceClaims.find(ctx));
        claims.addAll(RatioClaims.find(ctx));
        claims.addAll(VolumeClaims.find(ctx));
        claims.addAll(LimitClaims.find(ctx));
        claims.addAll(DateClaims.find(ctx));
        claims.addAll(IdClaims.find(ctx));
        claims.addAll(BenchmarkClaims.find(ctx));
        claims.addAll(CapabilityClaims.find(ctx));
        claims.addAll(StatusClaims.find(ctx));
        claims.addAll(ImagePriceClaims.find(ctx));
        claims.addAll(RequestCostClaims.find(ctx));
        claims.sort(Comparator.comparingInt(Claim::line).thenComparingInt(Claim::column));
        return new CheckReport(name, article, claims);
    }
}
