package io.modelatlas.check;

import java.util.Locale;

/** What a claim states. */
public enum ClaimKind {
    PRICE,
    BLENDED_PRICE,
    RATIO,
    VOLUME_COST,
    CONTEXT_WINDOW,
    MAX_OUTPUT,
    KNOWLEDGE_CUTOFF,
    RELEASE_DATE,
    MODEL_ID,
    BENCHMARK,
    LATENCY,
    CAPABILITY,
    STATUS,
    IMAGE_PRICE,
    REQUEST_COST;

    /** {@code context_window}: the name in JSON and reports. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
