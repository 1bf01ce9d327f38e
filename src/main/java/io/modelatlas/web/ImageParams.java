package io.modelatlas.web;

import io.javalin.http.Context;
import io.modelatlas.catalog.Offering;
import io.modelatlas.pricing.ImageChoice;
import io.modelatlas.pricing.ImagePrice;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.PriceUnknownException;
import io.modelatlas.pricing.ServiceTier;
import io.modelatlas.pricing.UnknownImageOptionException;
import io.modelatlas.pricing.Usage;
import java.util.List;

/**
 * The image part of {@code /api/v1/cost}: {@code images}, {@code image_quality} and {@code image_size}, checked against
 * what the offering prices so a bad value is a 400 naming its parameter and listing the known values.
 */
final class ImageParams {
    /** More images than anyone generates in one request or month; keeps the count an int. */
    static final long MAX_IMAGES = 1_000_000_000L;

    private ImageParams() {}

    /** The number of images asked for, 0 when absent. */
    static long count(Context c) {
        long n = Params.nonNegativeLong(c, "images", 0L);
        if (n > MAX_IMAGES) {
            throw new BadParameterException("images", "query parameter 'images' must be at most " + MAX_IMAGES + ", got " + n);
        }
        return n;
    }

    /** The images to price on the offering's sheet of this tier: none when {@code images} is 0. */
    static List<Usage.ImageCount> counts(Context c, long images, Offering o, ServiceTier tier) {
        String quality = Params.text(c, "image_quality");
        String size = Params.text(c, "image_size");
        if (images == 0) {
            if (quality != null || size != null) {
                String name = quality != null ? "image_quality" : "image_size";
                throw new BadParameterException(name, "query parameter '" + name + "' needs 'images' (a count above 0)");
            }
            return List.of();
        }
        PriceSheet sheet = o.prices().value().forTier(tier).orElseThrow(() ->
                new PriceUnknownException("no " + tier.jsonName() + " price is known for " + o.qualifiedId()));
        try {
            ImagePrice price = ImageChoice.resolve(sheet, quality, size, o.qualifiedId());
            return List.of(new Usage.ImageCount(price.quality(), price.size(), (int) images));
        } catch (UnknownImageOptionException e) {
            String name = "image_" + e.dimension();
            throw new BadParameterException(name, "query parameter '" + name + "': " + e.getMessage());
        }
    }
}
