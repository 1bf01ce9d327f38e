package io.modelatlas.pricing;

/** The kinds of token a provider bills, each at its own per-million rate. */
public enum PriceKind {
    INPUT("input"),
    CACHED_INPUT("cached input"),
    CACHE_WRITE("cache write"),
    CACHE_WRITE_1H("cache write (1h)"),
    OUTPUT("output"),
    REASONING("reasoning"),
    INPUT_IMAGE("image input"),
    OUTPUT_IMAGE("image output"),
    INPUT_AUDIO("audio input"),
    OUTPUT_AUDIO("audio output");

    private final String label;
    private final String jsonName;

    PriceKind(String label) {
        this.label = label;
        this.jsonName = name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The lowercase snake name used in JSON and on the CLI, e.g. {@code cached_input}. */
    public String jsonName() {
        return jsonName; // computed once: cost lines ask for it on every request of a replay
    }
}
