package io.modelatlas.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Resolves a requested image quality and size against what a price sheet sells, before anything is priced. Strict on
 * purpose: {@link PriceSheet#imagePrice} takes a missing quality as "any" and would pick the first price listed, so a
 * request that leaves out a quality the price depends on would be priced at whatever the source listed first.
 */
public final class ImageChoice {
    private ImageChoice() {}

    /**
     * The price for one image of this quality and size (either may be null when the sheet's prices do not depend on
     * it). Throws {@link UnknownImageOptionException} for a value the sheet does not price, or for a missing value the
     * price depends on; {@link PriceUnknownException} when the sheet prices no images at all.
     */
    public static ImagePrice resolve(PriceSheet sheet, String quality, String size, String offering) {
        if (sheet.images().isEmpty()) {
            throw new PriceUnknownException(offering + " prices no images: it is not an image model, or its image price is unknown");
        }
        List<String> qualities = known(sheet, ImagePrice::quality);
        List<String> sizes = known(sheet, ImagePrice::size);
        check("quality", quality, qualities, offering);
        check("size", size, sizes, offering);
        return sheet.images().stream()
                .filter(p -> agrees(p.quality(), quality) && agrees(p.size(), size))
                .findFirst()
                .orElseThrow(() -> new UnknownImageOptionException("size", offering + " prices no " + quality + " image of size " + size
                        + "; sizes at " + quality + ": " + String.join(", ", sizesAt(sheet, quality)), sizesAt(sheet, quality)));
    }

    /** The distinct qualities a sheet prices, in the order listed; empty when its image price does not depend on quality. */
    public static List<String> qualities(PriceSheet sheet) {
        return known(sheet, ImagePrice::quality);
    }

    /** The distinct sizes a sheet prices, in the order listed; empty when its image price does not depend on size. */
    public static List<String> sizes(PriceSheet sheet) {
        return known(sheet, ImagePrice::size);
    }

    private static void check(String dimension, String wanted, List<String> known, String offering) {
        if (wanted == null) {
            if (known.size() > 1) {
                throw new UnknownImageOptionException(dimension, "the image " + dimension + " is required for " + offering
                        + ": its price depends on it; known " + plural(dimension) + ": " + String.join(", ", known), known);
            }
            return;
        }
        if (known.isEmpty()) {
            throw new UnknownImageOptionException(dimension, offering + "'s image price does not depend on " + dimension
                    + "; leave it out (got '" + wanted + "')", known);
        }
        if (known.stream().noneMatch(k -> k.equalsIgnoreCase(wanted))) {
            throw new UnknownImageOptionException(dimension, "unknown image " + dimension + " '" + wanted + "' for " + offering
                    + "; known " + plural(dimension) + ": " + String.join(", ", known), known);
        }
    }

    private static String plural(String dimension) {
        return dimension.equals("quality") ? "qualities" : "sizes";
    }

    /** A price's value agrees with the wanted one when the price does not depend on it, or names the same value. */
    private static boolean agrees(String priced, String wanted) {
        // a missing wanted value only gets this far when the sheet prices at most one value of it
        return priced == null || wanted == null || priced.equalsIgnoreCase(wanted);
    }

    private static List<String> sizesAt(PriceSheet sheet, String quality) {
        return sheet.images().stream().filter(p -> agrees(p.quality(), quality)).map(ImagePrice::size).filter(Objects::nonNull).distinct().toList();
    }

    private static List<String> known(PriceSheet sheet, java.util.function.Function<ImagePrice, String> value) {
        List<String> out = new ArrayList<>();
        for (ImagePrice p : sheet.images()) {
            String v = value.apply(p);
            if (v != null && out.stream().noneMatch(x -> x.equalsIgnoreCase(v))) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }
}
