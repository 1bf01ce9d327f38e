package io.modelatlas.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A flat price per generated image, for one quality and size. {@code quality} or {@code size} is null when the
 * price does not depend on it.
 */
public record ImagePrice(String quality, String size, BigDecimal usdPerImage) {
    public ImagePrice {
        Objects.requireNonNull(usdPerImage, "usdPerImage");
        ValueBounds.representable(usdPerImage, "a price per image"); // readers check the ceilings first, naming the file and key
        usdPerImage = usdPerImage.signum() == 0 ? BigDecimal.ZERO : usdPerImage.stripTrailingZeros();
    }

    boolean matches(String wantedQuality, String wantedSize) {
        return (quality == null || wantedQuality == null || quality.equalsIgnoreCase(wantedQuality))
                && (size == null || wantedSize == null || size.equalsIgnoreCase(wantedSize));
    }
}
