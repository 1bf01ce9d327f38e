package io.modelatlas.pricing;

import java.util.Locale;

/** Provider service tiers that change the price of the same model. */
public enum ServiceTier {
    STANDARD, BATCH, FLEX, PRIORITY;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code batch}, {@code Batch}, ... and names the allowed values when it cannot. */
    public static ServiceTier parse(String text) {
        for (ServiceTier t : values()) {
            if (t.name().equalsIgnoreCase(text.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown service tier '" + text + "'; expected one of standard, batch, flex, priority");
    }
}
