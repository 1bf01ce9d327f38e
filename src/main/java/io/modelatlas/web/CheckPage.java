package io.modelatlas.web;

import io.modelatlas.check.CheckReport;
import io.modelatlas.check.HtmlReport;

/**
 * The article check page: the form and, after a check, the article with each claim marked by verdict and the list
 * of claims. {@code reportHtml} is escaped by {@link HtmlReport} itself (the article's text included).
 */
public record CheckPage(Meta meta, String limit, String text, String asOf, String summary, String reportHtml, boolean anyWrong) {
    static CheckPage form(WebContext ctx, long limitBytes) {
        return new CheckPage(meta(ctx), ReplayPage.megabytes(limitBytes), null, null, null, null, false);
    }

    static CheckPage of(WebContext ctx, long limitBytes, String text, String asOf, CheckReport report) {
        return new CheckPage(meta(ctx), ReplayPage.megabytes(limitBytes), text, asOf, HtmlReport.summary(report), HtmlReport.body(report), report.anyWrong());
    }

    private static Meta meta(WebContext ctx) {
        return new Meta("Check an article's figures | ModelAtlas",
                "Paste a comparison page, blog post or vendor claim and see every price, ratio, cost, limit and date checked against the catalog.",
                ctx.baseUrl() + "/check", null);
    }
}
