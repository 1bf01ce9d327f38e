package io.modelatlas.catalog.source;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An image's price from a price per pixel, as LiteLLM gives DALL-E's and some Azure image prices. Those rates are the
 * provider's per-image price divided by the pixel count and then cut to a few digits, rounded or truncated: DALL-E 3's
 * $0.08 for a 1024x1792 image is written 4.359e-08 per pixel, and multiplying back gives $0.07998799872. The
 * per-image price is the shortest decimal that the rate, as written, can have come from: a rate with its last digit
 * at 10^-k stood for a true rate in [rate - 10^-k / 2, rate + 10^-k) (rounded or truncated), so the image cost
 * somewhere in that interval times the pixels, and the provider's price is the roundest figure in it ($0.08). A rate
 * written in full (2.0751953125e-09) leaves an interval so narrow that the product itself is the answer.
 */
final class PixelRate {
    private PixelRate() {}

    static BigDecimal perImage(BigDecimal ratePerPixel, long pixels) {
        if (ratePerPixel.signum() <= 0 || pixels <= 0) {
            return ratePerPixel.multiply(BigDecimal.valueOf(pixels));
        }
        BigDecimal ulp = BigDecimal.ONE.movePointLeft(ratePerPixel.scale());
        BigDecimal n = BigDecimal.valueOf(pixels);
        BigDecimal low = ratePerPixel.subtract(ulp.divide(BigDecimal.valueOf(2))).multiply(n);
        BigDecimal high = ratePerPixel.add(ulp).multiply(n);
        BigDecimal exact = ratePerPixel.multiply(n);
        for (int digits = 0; digits < exact.scale(); digits++) {
            BigDecimal candidate = low.setScale(digits, RoundingMode.CEILING);
            if (candidate.compareTo(high) < 0) {
                return candidate;
            }
        }
        return exact;
    }
}
