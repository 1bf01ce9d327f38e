package io.modelatlas.catalog;

import java.util.Locale;

/** Where a model is in its life. */
public enum Lifecycle {
    CURRENT, SUPERSEDED, DEPRECATED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
