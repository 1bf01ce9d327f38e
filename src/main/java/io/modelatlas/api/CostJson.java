package io.modelatlas.api;

import io.modelatlas.catalog.Fit;
import io.modelatlas.catalog.Limits;
import io.modelatlas.catalog.Model;
import io.modelatlas.catalog.Offering;
import io.modelatlas.pricing.Cost;
import io.modelatlas.pricing.CostLine;
import io.modelatlas.pricing.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The exact cost of one request: what {@code cost --format json} prints and {@code GET /api/v1/cost} returns. The cost
 * is given even for a request the offering's limits refuse (what it would cost, e.g. on a provider with a larger
 * window); {@code fits:false} and {@code exceeds} say so, and {@code limits} are the offering's (absent when unknown).
 */
public record CostJson(String model, String provider, String apiModelId, String serviceTier, UsageJson usage, List<LineJson> lines,
                       BigDecimal totalUsd, Boolean fits, List<FitJson.ExceedsJson> exceeds, List<String> unknownLimits, LimitsJson limits,
                       SourceJson pricesSource) {

    public record LimitsJson(Long contextWindow, Long maxInputTokens, Long maxOutputTokens) {}

    /** {@code images} only when the request has some: per quality and size, as priced (absent parts: the price does not depend on them). */
    public record UsageJson(long inputTokens, long cachedInputTokens, long cacheWriteTokens, long outputTokens, long reasoningTokens,
                            List<ImagesJson> images) {}

    public record ImagesJson(String quality, String size, int count) {}

    /** {@code image_quality} and {@code image_size} only on an {@code images} line, and only where its price depends on them. */
    public record LineJson(String item, long quantity, String unit, BigDecimal unitPriceUsd, BigDecimal usd, String note,
                           String imageQuality, String imageSize) {
        static LineJson from(CostLine l) {
            return new LineJson(l.item(), l.quantity(), l.unit().equals("token") ? "tokens" : "images",
                    l.unitPrice(), l.usd(), l.note(), null, null);
        }

        static LineJson from(CostLine l, Usage.ImageCount images) {
            return new LineJson(l.item(), l.quantity(), "images", l.unitPrice(), l.usd(), l.note(), images.quality(), images.size());
        }
    }

    /** The calculator writes one images line per non-empty image count, in the usage's order: pair them back up. */
    private static List<LineJson> lines(Usage u, Cost c) {
        Iterator<Usage.ImageCount> images = u.images().stream().filter(i -> i.count() > 0).iterator();
        List<LineJson> out = new ArrayList<>();
        for (CostLine l : c.lines()) {
            out.add(l.unit().equals("image") && images.hasNext() ? LineJson.from(l, images.next()) : LineJson.from(l));
        }
        return out;
    }

    public static CostJson from(Model m, Offering o, Usage u, Cost c, Limits limits, Fit fit) {
        return new CostJson(m.id(), o.provider(), o.apiModelId(), c.serviceTier().jsonName(),
                new UsageJson(u.inputTokens(), u.cachedInputTokens(), u.cacheWriteTokens(), u.outputTokens(), u.reasoningTokens(),
                        u.images().isEmpty() ? null : u.images().stream().map(i -> new ImagesJson(i.quality(), i.size(), i.count())).toList()),
                lines(u, c), c.totalUsd(), FitJson.fits(fit), FitJson.exceeds(fit), FitJson.unknownLimits(fit),
                new LimitsJson(limits.contextWindow(), limits.maxInputTokens(), limits.maxOutputTokens()), SourceJson.from(o.prices().source()));
    }
}
