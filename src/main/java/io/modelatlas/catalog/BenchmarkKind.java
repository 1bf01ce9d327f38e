package io.modelatlas.catalog;

/** Quality scores (higher is better) and speed measures (output speed: higher is better; TTFT: lower is better). */
public enum BenchmarkKind {
    QUALITY("score"),
    OUTPUT_SPEED("tokens/s"),
    TIME_TO_FIRST_TOKEN("s");

    private final String unit;

    BenchmarkKind(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return this != TIME_TO_FIRST_TOKEN;
    }
}
