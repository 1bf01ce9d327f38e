package io.modelatlas.pricing;

import java.math.BigDecimal;
import java.util.List;

/** An exact cost: the lines and their sum, unrounded. Rounding happens only when shown. */
public record Cost(List<CostLine> lines, BigDecimal totalUsd, ServiceTier serviceTier) {
    public Cost {
        lines = List.copyOf(lines);
    }

    public BigDecimal usdFor(String item) {
        return lines.stream().filter(l -> l.item().equals(item)).map(CostLine::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
