package io.modelatlas.pricing;

import java.math.BigDecimal;

/**
 * One line of a cost breakdown: {@code quantity} tokens (or images) at {@code unitPrice}
 * (USD per million tokens, or per image) make {@code usd}. {@code note} says why a fallback rate was used.
 */
public record CostLine(String item, long quantity, String unit, BigDecimal unitPrice, BigDecimal usd, String note) {}
