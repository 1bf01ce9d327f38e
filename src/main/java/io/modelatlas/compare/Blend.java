package io.modelatlas.compare;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a monthly token volume splits into input and output, and how much input is read from the cache. A
 * "tokens per month" price means nothing without this, so every projection carries its definition.
 */
public record Blend(String id, String label, int inputParts, int outputParts, BigDecimal cacheHitRate) {
    public Blend {
        if (inputParts < 0 || outputParts < 0 || inputParts + outputParts == 0) {
            throw new IllegalArgumentException("a blend needs a positive input:output split, got " + inputParts + ":" + outputParts);
        }
        if (cacheHitRate.signum() < 0 || cacheHitRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("cache-hit rate must be between 0 and 1, got " + cacheHitRate.toPlainString());
        }
    }

    /** The seeds' split: half the tokens are input, half output. */
    public static final Blend EVEN = new Blend("1:1", "1:1 input:output", 1, 1, BigDecimal.ZERO);
    /** Artificial Analysis's blended price: three input tokens for every output token. */
    public static final Blend THREE_TO_ONE = new Blend("3:1", "3:1 input:output (Artificial Analysis blend)", 3, 1, BigDecimal.ZERO);

    public static List<Blend> standard() {
        return List.of(EVEN, THREE_TO_ONE);
    }

    public Blend withCacheHitRate(BigDecimal rate) {
        return new Blend(id, label, inputParts, outputParts, rate);
    }

    public String definition() {
        String split = inputParts + " input token" + (inputParts == 1 ? "" : "s") + " for every " + (outputParts == 1 ? "" : outputParts + " ")
                + "output token" + (outputParts == 1 ? "" : "s");
        String cache = cacheHitRate.signum() == 0 ? "no input read from the prompt cache"
                : Format.percent(cacheHitRate) + " of input tokens read from the prompt cache at the cached-input price where one is published";
        return split + "; " + cache + "; standard tier, below any long-context threshold.";
    }
}
