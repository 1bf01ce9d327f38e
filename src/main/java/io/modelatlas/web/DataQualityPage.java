package io.modelatlas.web;

import io.modelatlas.catalog.DataQuality;
import io.modelatlas.catalog.SourceInfo;
import java.util.List;

/** Everything {@code quality/page.jte} prints: where sources disagree, unknown prices, contradicting limits, and the sources. */
public record DataQualityPage(Meta meta, DataQuality quality, List<SourceInfo> sources) {

    static DataQualityPage of(WebContext ctx) {
        DataQuality q = DataQuality.of(ctx.catalog());
        String description = q.disagreements().size() + " fields where sources disagree, " + q.unpricedModelIds().size()
                + " models with no known price, " + q.contradictions().size() + " contradicting limits, " + q.priceFlags().size()
                + " offering prices not used, each with every source's value.";
        return new DataQualityPage(new Meta("Data quality — where the sources disagree | ModelAtlas", description, ctx.baseUrl() + "/data-quality", null),
                q, ctx.catalog().sources());
    }
}
