package io.modelatlas.compare;

import io.modelatlas.pricing.PriceKind;
import io.modelatlas.pricing.PriceSheet;
import io.modelatlas.pricing.TokenRate;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * Monthly cost projections at a token volume under a {@link Blend}. Uses base (standard-tier, below long-context
 * threshold) rates: a volume has no per-request size, so the blend's definition says so.
 */
public final class Projection {
    private Projection() {}

    /** The blended price per million tokens, or empty when the sheet lacks an input or output price. */
    public static Optional<BigDecimal> blendedPerMillion(PriceSheet sheet, Blend blend) {
        Optional<TokenRate> input = sheet.rate(PriceKind.INPUT);
        Optional<TokenRate> output = sheet.rate(PriceKind.OUTPUT);
        if (input.isEmpty() || output.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal in = input.get().usdPerMillion();
        BigDecimal cached = sheet.rate(PriceKind.CACHED_INPUT).map(TokenRate::usdPerMillion).orElse(in);
        BigDecimal h = blend.cacheHitRate();
        BigDecimal inputRate = in.multiply(BigDecimal.ONE.subtract(h)).add(cached.multiply(h));
        BigDecimal weighted = inputRate.multiply(BigDecimal.valueOf(blend.inputParts()))
                .add(output.get().usdPerMillion().multiply(BigDecimal.valueOf(blend.outputParts())));
        return Optional.of(divide(weighted, BigDecimal.valueOf(blend.inputParts() + blend.outputParts())));
    }

    /** The cost of {@code tokensPerMonth} tokens split by the blend, or empty when a price is unknown. */
    public static Optional<BigDecimal> monthlyCost(PriceSheet sheet, Blend blend, long tokensPerMonth) {
        return blendedPerMillion(sheet, blend).map(rate -> rate.multiply(BigDecimal.valueOf(tokensPerMonth)).movePointLeft(6).stripTrailingZeros());
    }

    /** Exact where the quotient terminates (halves, quarters), else to 34 significant digits; shown rounded later. */
    static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return a.divide(b).stripTrailingZeros();
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, MathContext.DECIMAL128).stripTrailingZeros();
        }
    }
}
